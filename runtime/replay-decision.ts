// Re-runs one logged decision (`dist replay`): a fresh memory store is seeded
// with exactly the state the decision read (its provenance), the clock is set to
// when it was decided, and the same cause runs again — the event, the timer, or
// the manual queue retry. Under the program and directory it ran under, the
// result must equal the logged decision field for field; under other versions
// it says what today's rules would decide from the same state. The decision
// may come from the state that logged it or from an exported log (which keeps
// its cause, provenance and summary fields, not its trace).
import type { Directory } from '../compiler/directory/model';
import type { Program } from '../compiler/ir';
import { createEngine } from './engine';
import { fingerprint, provenanceKeys, type Provenance } from './provenance';
import { MemoryStore } from './state/memory-store';
import { inTransaction, type StateStore } from './state/store';
import type { Decision, ExplainedDecision } from './types';

/** What re-running a decision needs of it: its cause, time, record and provenance (a logged Decision, or an exported log entry read back). */
export type LoggedCause = Pick<Decision, 'id' | 'cause' | 'decidedAt' | 'entity' | 'recordId'> & { provenance?: Provenance };

/** The decision the same cause makes again, with the engine that made it to explain it. */
export type Remade = { ok: true; decision: Decision; explain: (decision: Decision) => ExplainedDecision } | { ok: false; problem: string };

/** The program and directory a decision ran under, from the state that logged it; null when they are not there. */
export async function versionsOf(store: StateStore, logged: Decision): Promise<{ program: Program; directory: Directory } | null> {
  const p = logged.provenance;
  if (!p) return null;
  const [program, directory] = await inTransaction(store, (tx) => tx.getMany([provenanceKeys.program(p.program), provenanceKeys.directory(p.directory)]));
  return program && directory ? { program: program as unknown as Program, directory: directory as unknown as Directory } : null;
}

/** Runs the cause of `logged` again under `program` and `directory`, from the state it read, at its time. */
export async function remake(logged: LoggedCause, program: Program, directory: Directory): Promise<Remade> {
  const p = logged.provenance;
  if (!p) return { ok: false, problem: `decision \`${logged.id}\` was logged without provenance, so the state it read is not known` };
  const store = new MemoryStore();
  await inTransaction(store, async (tx) => {
    for (const [key, value] of Object.entries(p.reads)) if (value !== null) await tx.put(key, value);
    if (p.timer) await tx.scheduleTimer(p.timer);
    for (const items of Object.values(p.queues ?? {})) for (const item of items) await tx.enqueue(item);
  });
  if (logged.cause === 'manual') return { ok: false, problem: `decision \`${logged.id}\` is a manual assignment someone reported: no rule decided it, so there is nothing to re-run` };
  const engine = createEngine({ program, directory, store, clock: () => logged.decidedAt });
  let decision: Decision | null = null;
  if (logged.cause === 'event') {
    if (!p.event) return { ok: false, problem: `decision \`${logged.id}\` does not carry its event` };
    const result = await engine.decide(p.event);
    if (!result.ok) return { ok: false, problem: `the event is refused now: ${result.issues.map((i) => `\`${i.path}\`: ${i.message}`).join('; ')}` };
    decision = result.decision;
  } else if (logged.cause === 'manual-retry') {
    const queue = Object.keys(p.queues ?? {})[0];
    const result = queue === undefined ? null : await engine.retryQueued(queue, logged.entity, logged.recordId);
    decision = result?.ok ? result.decision : null;
  } else {
    [decision = null] = await engine.tick();
  }
  if (!decision) return { ok: false, problem: 'the same cause makes no decision now (its timer or queue item has nothing to do)' };
  return { ok: true, decision, explain: (d) => engine.explain(d) };
}

/** True when `program` and `directory` are the versions `logged` ran under. */
export function sameVersions(logged: LoggedCause, program: Program, directory: Directory): boolean {
  return logged.provenance?.program === fingerprint(program) && logged.provenance.directory === fingerprint(directory);
}

/** The fields of two records of a decision that differ (provenance aside), each as `field: before → after`. */
export function fieldDifferences(logged: object, rerun: object): string[] {
  const before = new Map(Object.entries(logged));
  const after = new Map(Object.entries(rerun));
  const differences: string[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    if (key === 'provenance') continue;
    const a = JSON.stringify(before.get(key));
    const b = JSON.stringify(after.get(key));
    if (a !== b) differences.push(key === 'trace' ? 'trace: the explanation differs' : `${key}: ${a} → ${b}`);
  }
  return differences;
}
