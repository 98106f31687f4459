// Benchmark: decisions per second of the engine on the memory store, with 1,000
// rules and a 10,000-user directory, one run per distribution method. Each event
// targets a random rule, so a decision tries (and traces) ~500 rules before its own;
// a second figure per method has events that match one of the first ten rules.
import { compileProject } from '../compiler/compile';
import type { Directory } from '../compiler/directory/model';
import type { Program } from '../compiler/ir';
import { createEngine } from '../runtime/engine';
import { MemoryStore } from '../runtime/state/memory-store';
import { generateProject, recordFor } from './generate-project';
import { report } from './measure';

const RULES = 1_000;
const USERS = 10_000;
const SECONDS = 2;
const METHODS = [
  'round_robin',
  'least_recent',
  'load_balance',
  'random',
  'weighted',
  'weighted by user.grade { "A": 50, "B": 30, "C": 20 }',
  'score user.conversion_rate * 10 - user.open_load',
  'ordered by user.quality_score desc, user.conversion_rate desc',
];

/** Runs the engine benchmark for every method and prints decisions per second. */
export async function benchRuntime(): Promise<void> {
  const rows: [string, string][] = [];
  for (const method of METHODS) {
    const project = generateProject(RULES, USERS, 100, method);
    const compiled = compileProject({ sources: project.sources, directory: project.directory });
    if (!compiled.program || !compiled.directory) throw new Error(`the generated project for ${method} does not compile`);
    const spread = await decisionsPerSecond(compiled.program, compiled.directory, RULES);
    const early = await decisionsPerSecond(compiled.program, compiled.directory, 10);
    const name = method.startsWith('weighted by') ? 'weighted by' : method.split(' ')[0]!;
    rows.push([name, `${spread} decisions/s over all rules, ${early} decisions/s matching within the first 10`]);
  }
  rows.push(['', 'every decision assigned a user, with a full explain trace']);
  report(`engine, memory store: ${RULES.toLocaleString('en')} rules, ${USERS.toLocaleString('en')} users, ~${RULES / 2} rules tried per decision`, rows);
}

/** Decisions per second for events that each target a random one of the first `targets` rules. */
async function decisionsPerSecond(program: Program, directory: Directory, targets: number): Promise<string> {
  const engine = createEngine({ program, directory, store: new MemoryStore(), clock: () => Date.UTC(2026, 10, 23, 10) });
  let random = 1;
  let decisions = 0;
  const start = performance.now();
  while (performance.now() - start < SECONDS * 1000) {
    random = (random * 48271) % 2147483647;
    const record = { id: `r${decisions}`, ...recordFor(random % targets) };
    const result = await engine.decide({ id: `e${decisions}`, type: 'lead.created', record });
    if (!result.ok) throw new Error(`benchmark event refused: ${result.issues[0]?.message}`);
    if (result.decision.outcome !== 'assigned') throw new Error(`benchmark event not assigned: ${result.decision.reason}`);
    decisions++;
  }
  return Math.round(decisions / ((performance.now() - start) / 1000)).toLocaleString('en');
}
