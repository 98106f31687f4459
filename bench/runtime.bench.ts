// Benchmark: full decisions per second of the engine — validation, first match,
// pool, filters, method, effects and the logged decision — on the generated
// project with 1,000 rules and 10,000 users, one run per distribution method,
// events aimed at random rules after one event per rule; on the memory store (targets: ≥ 200,000/s for
// round_robin and weighted, ≥ 50,000/s for score and load_balance), and durable
// on SQLite (synchronous=FULL): one commit per decision, and 64 decisions in
// flight with the worker thread's group commit (target: ≥ 50,000/s), without
// and with provenance logged (as `dist serve` runs it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compileProject } from '../compiler/compile';
import type { Directory } from '../compiler/directory/model';
import type { Program } from '../compiler/ir';
import { createEngine } from '../runtime/engine';
import { MemoryStore } from '../runtime/state/memory-store';
import { openStore } from '../runtime/state/open-store';
import type { StateStore } from '../runtime/state/store';
import { generateProject, recordFor } from './generate-project';
import { count, cpuClock, figure, rateAsync, report, wallClock, type Clock } from './measure';

const RULES = 1_000;
const USERS = 10_000;
const MS = 3_000;
/** Decisions in flight at once for the group-commit figure, as a busy webhook would have. */
const IN_FLIGHT = 64;
const METHODS: [string, string, number | null][] = [
  ['round_robin', 'round_robin', 200_000],
  ['weighted', 'weighted', 200_000],
  ['least_recent', 'least_recent', null],
  ['load_balance', 'load_balance', 50_000],
  ['random', 'random', null],
  ['weighted_by', 'weighted by user.grade { "A": 50, "B": 30, "C": 20 }', null],
  ['score', 'score user.conversion_rate * 10 - user.open_load', 50_000],
  ['ordered', 'ordered by user.quality_score desc, user.conversion_rate desc', null],
];

/** Runs the engine benchmark for every method and prints decisions per second. */
export async function benchRuntime(): Promise<void> {
  const rows: [string, string][] = [];
  for (const [name, method, target] of METHODS) {
    const { program, directory } = compiled(method);
    const perSecond = figure(`decide.memory.${name}`, await decisionsPerSecond(program, directory, new MemoryStore(), cpuClock), 'decisions/s');
    const aim = target === null ? '' : `, ${(perSecond / target).toFixed(2)}× of the target ${count(target)}/s`;
    if (target !== null) figure(`decide.memory.${name}.ratio-to-target`, perSecond / target, '×');
    rows.push([name, `${count(perSecond)} decisions/s${aim}`]);
  }
  const folder = mkdtempSync(path.join(tmpdir(), 'dist-bench-'));
  try {
    const { program, directory } = compiled('round_robin');
    const store = await openStore(`sqlite:${path.join(folder, 'state.db')}`);
    const durable = figure('decide.sqlite.round_robin', await decisionsPerSecond(program, directory, store, wallClock), 'decisions/s');
    await store.close();
    rows.push(['round_robin, SQLite', `${count(durable)} decisions/s, one durable commit each`]);
    const grouped = await openStore(`sqlite:${path.join(folder, 'grouped.db')}`, { sqliteWorker: true });
    const inFlight = figure('decide.sqlite-group-commit.round_robin', await decisionsPerSecond(program, directory, grouped, wallClock, IN_FLIGHT), 'decisions/s');
    await grouped.close();
    figure('decide.sqlite-group-commit.ratio-to-target', inFlight / 50_000, '×');
    rows.push(['round_robin, SQLite group commit', `${count(inFlight)} decisions/s, ${IN_FLIGHT} in flight, commits grouped in the worker thread (${(inFlight / 50_000).toFixed(2)}× of the target 50,000/s)`]);
    const served = await openStore(`sqlite:${path.join(folder, 'served.db')}`, { sqliteWorker: true });
    const withProvenance = figure('decide.sqlite-group-commit-provenance.round_robin', await decisionsPerSecond(program, directory, served, wallClock, IN_FLIGHT, true), 'decisions/s');
    await served.close();
    rows.push(['  the same, with provenance', `${count(withProvenance)} decisions/s, as \`dist serve\` runs it: each decision logs every state key it read`]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  report(`engine: ${count(RULES)} rules, ${count(USERS)} users, events aimed at random rules, every decision logged (memory: CPU time of the process)`, rows);
}

function compiled(method: string): { program: Program; directory: Directory } {
  const project = generateProject(RULES, USERS, 100, method);
  const result = compileProject({ sources: project.sources, directory: project.directory });
  if (!result.program || !result.directory) throw new Error(`the generated project for ${method} does not compile`);
  return { program: result.program, directory: result.directory };
}

/** Decisions per second of `clock` (CPU time for the memory store, which other processes disturb less; wall time for a durable store, which waits on the disk); `provenance` logs what each decision read. */
async function decisionsPerSecond(program: Program, directory: Directory, store: StateStore, clock: Clock, inFlight = 1, provenance = false): Promise<number> {
  // Events 1 ms apart on the engine clock, so that minutes pass as they would in service.
  let sent = 0;
  const engine = createEngine({ program, directory, store, clock: () => Date.UTC(2026, 10, 23, 10) + sent, provenance });
  const decide = async (rule: number) => {
    const record = { id: `r${sent}`, ...recordFor(rule) };
    const result = await engine.decide({ id: `e${sent++}`, type: 'lead.created', record });
    if (!result.ok) throw new Error(`benchmark event refused: ${result.issues[0]?.message}`);
    if (result.decision.outcome !== 'assigned') throw new Error(`benchmark event not assigned: ${result.decision.reason}`);
  };
  // A server in service has decided under every rule before: one event per rule first, untimed.
  for (let rule = 0; rule < RULES; rule++) await decide(rule);
  let random = 1;
  const next = () => (random = (random * 48271) % 2147483647) % RULES;
  if (inFlight === 1) return rateAsync(() => decide(next()), MS, 3, clock);
  // `inFlight` senders, each sending its next event when its last one is decided.
  const start = clock();
  let done = 0;
  const sender = async () => {
    for (; clock() - start < MS; done++) await decide(next());
  };
  await Promise.all(Array.from({ length: inFlight }, sender));
  return done / ((clock() - start) / 1000);
}
