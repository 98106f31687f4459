// Re-runs one logged decision (`dist replay`): a fresh memory store is seeded
// with exactly the state the decision read (its provenance), the clock is set to
// when it was decided, and the same cause runs again — the event, the timer, or
// the manual queue retry. Under the program and directory it ran under, the
// result must equal the logged decision field for field; under other versions
// it says what today's rules would decide from the same state.
import type { Directory } from '../compiler/directory/model';
import type { Program } from '../compiler/ir';
import { createEngine } from './engine';
import { fingerprint, provenanceKeys } from './provenance';
import { MemoryStore } from './state/memory-store';
import { inTransaction, type StateStore } from './state/store';
import type { Decision, ExplainedDecision } from './types';

/** The result of re-running a decision. */
export type Rerun =
  | { ok: true; decision: Decision; same: boolean; differences: string[]; explain: (decision: Decision) => ExplainedDecision }
  | { ok: false; problem: string };

/** The program and directory a decision ran under, from the state that logged it; null when they are not there. */
export async function versionsOf(store: StateStore, logged: Decision): Promise<{ program: Program; directory: Directory } | null> {
  const p = logged.provenance;
  if (!p) return null;
  const [program, directory] = await inTransaction(store, (tx) => tx.getMany([provenanceKeys.program(p.program), provenanceKeys.directory(p.directory)]));
  return program && directory ? { program: program as unknown as Program, directory: directory as unknown as Directory } : null;
}

/** Re-runs `logged` under `program` and `directory` from the state it read. */
export async function rerunDecision(logged: Decision, program: Program, directory: Directory): Promise<Rerun> {
  const p = logged.provenance;
  if (!p) return { ok: false, problem: `decision \`${logged.id}\` was logged without provenance, so the state it read is not known` };
  const store = new MemoryStore();
  await inTransaction(store, async (tx) => {
    for (const [key, value] of Object.entries(p.reads)) if (value !== null) await tx.put(key, value);
    if (p.timer) await tx.scheduleTimer(p.timer);
    for (const items of Object.values(p.queues ?? {})) for (const item of items) await tx.enqueue(item);
  });
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
  const differences = compare(logged, decision);
  return { ok: true, decision, same: differences.length === 0, differences, explain: (d) => engine.explain(d) };
}

/** True when `program` and `directory` are the versions `logged` ran under. */
export function sameVersions(logged: Decision, program: Program, directory: Directory): boolean {
  return logged.provenance?.program === fingerprint(program) && logged.provenance.directory === fingerprint(directory);
}

/** The fields that differ (provenance aside), each as `field: before → after`. */
function compare(logged: Decision, rerun: Decision): string[] {
  const differences: string[] = [];
  const keys = new Set([...Object.keys(logged), ...Object.keys(rerun)]);
  keys.delete('provenance');
  for (const key of keys) {
    const a = JSON.stringify((logged as unknown as Record<string, unknown>)[key]);
    const b = JSON.stringify((rerun as unknown as Record<string, unknown>)[key]);
    if (a !== b) differences.push(key === 'trace' ? 'trace: the explanation differs' : `${key}: ${a} → ${b}`);
  }
  return differences;
}
