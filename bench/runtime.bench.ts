// Benchmark: decisions per second of the engine on the memory store, with 1,000
// rules and a 10,000-user directory, one run per distribution method. Each event
// targets a random rule, so a decision tries on average ~500 rules before its own.
import { compileProject } from '../compiler/compile';
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
    const engine = createEngine({
      program: compiled.program,
      directory: compiled.directory,
      store: new MemoryStore(),
      clock: () => Date.UTC(2026, 10, 23, 10),
    });
    let random = 1;
    let decisions = 0;
    let assigned = 0;
    const start = performance.now();
    while (performance.now() - start < SECONDS * 1000) {
      random = (random * 48271) % 2147483647;
      const result = await engine.decide({ id: `e${decisions}`, type: 'lead.created', record: { id: `r${decisions}`, ...recordFor(random % RULES) } });
      if (!result.ok) throw new Error(`benchmark event refused: ${result.issues[0]?.message}`);
      if (result.decision.outcome === 'assigned') assigned++;
      decisions++;
    }
    const perSecond = decisions / ((performance.now() - start) / 1000);
    rows.push([method.split(' ')[0] === 'weighted' && method.includes('by') ? 'weighted by' : method.split(' ')[0]!, `${Math.round(perSecond).toLocaleString('en')} decisions/s (${Math.round((100 * assigned) / decisions)}% assigned)`]);
  }
  report(`engine, memory store: ${RULES.toLocaleString('en')} rules, ${USERS.toLocaleString('en')} users, ~${RULES / 2} rules tried per decision`, rows);
}
