// Benchmark: first match alone, on the generated project at 10, 100, 1,000 and
// 10,000 rules — our rule index against json-rules-engine running the same rules
// exported by `dist export` (lenient: the generated records set every field),
// and @gorules/zen-engine running them as a first-hit decision table, on the
// same records, each aimed at a random rule, all three timed in CPU time of the
// process (zen's threads included). Ratios: ours over json-rules-engine
// at each size (target ≥ 1,000× at 1,000 rules), ours over zen (target ≥ 100×)
// and our cost per record at 10,000 rules over 10 rules (target ≤ 2×).
import { Engine } from 'json-rules-engine';
import { exportJsonRulesEngine } from '../compiler/export/json-rules-engine';
import { compileProject } from '../compiler/compile';
import type { Program } from '../compiler/ir';
import type { EvalContext, Value } from '../runtime/evaluator/context';
import { indexProgram } from '../runtime/program-index';
import { generateProject, recordFor } from './generate-project';
import { count, cpuClock, figure, rate, rateAsync, report } from './measure';
import { zenFirstMatch } from './zen-peer';

const SIZES = [10, 100, 1_000, 10_000];

/** Runs the first-match benchmark and prints its figures. */
export async function benchMatcher(): Promise<void> {
  const rows: [string, string][] = [];
  const ours = new Map<number, number>();
  const theirs = new Map<number, number>();
  const zens = new Map<number, number>();
  for (const size of SIZES) {
    const program = compiled(size);
    const records = Array.from({ length: 1024 }, (_, i) => recordFor((i * 7919) % size));
    const index = indexProgram(program);
    const contexts = records.map((fields, i): EvalContext => ({ entity: 'lead', record: { id: `L${i}`, owner: undefined, fields: fields as Record<string, Value> }, user: null, payload: null, now: 0 }));
    const expected = records.map((_, i) => program.rules.find((r) => r.name === `Rule ${(i * 7919) % size}`)?.id);
    contexts.forEach((ctx, i) => {
      if (index.matcher.firstMatch('lead.created', [], ctx)?.rule.id !== expected[i]) throw new Error(`rule index: record ${i} did not find its rule`);
    });
    const mine = rate((i) => index.matcher.firstMatch('lead.created', [], contexts[i & 1023]!), 1500, 1000, cpuClock);
    ours.set(size, mine);
    const exported = exportJsonRulesEngine(program, { lenient: true });
    if (!exported.ok) throw new Error(`the generated rules do not export: ${exported.problems[0]?.reason}`);
    const engine = new Engine(exported.rules as never, { allowUndefinedFacts: true });
    const jre = await rateAsync(async (i) => {
      const { events } = await engine.run({ ...records[i & 1023] });
      const first = events.reduce<{ params?: Record<string, unknown> } | null>((best, e) => best ?? e, null);
      if (first?.params?.ruleId !== expected[i & 1023]) throw new Error(`json-rules-engine: record ${i} found ${String(first?.params?.ruleId)}`);
    }, 1500, 3, cpuClock);
    theirs.set(size, jre);
    figure(`match.ours.${size}`, mine, 'records/s');
    figure(`match.json-rules-engine.${size}`, jre, 'records/s');
    figure(`match.ratio.ours-over-json-rules-engine.${size}`, mine / jre, '×');
    rows.push([`${count(size)} rules`, `ours ${count(mine)} records/s, json-rules-engine ${count(jre)} records/s: ${count(mine / jre)}×`]);
    const zen = await zenFirstMatch(exported.rules);
    if (zen === null) continue;
    const zenRate = await rateAsync(async (i) => {
      const found = await zen(records[i & 1023]!);
      if (found !== expected[i & 1023]) throw new Error(`zen-engine: record ${i} found ${String(found)}`);
    }, 1500, 3, cpuClock);
    zens.set(size, zenRate);
    figure(`match.zen-engine.${size}`, zenRate, 'records/s');
    figure(`match.ratio.ours-over-zen-engine.${size}`, mine / zenRate, '×');
    rows.push(['', `zen-engine ${count(zenRate)} records/s: ${count(mine / zenRate)}×`]);
  }
  const growth = ours.get(10)! / ours.get(10_000)!;
  figure('match.ratio.cost-growth.10-to-10000', growth, '×');
  rows.push(['cost per record, 10,000 rules over 10', `${growth.toFixed(2)}× (target ≤ 2×)`]);
  rows.push(['vs target ≥ 1,000× json-rules-engine at 1,000 rules', `${count(ours.get(1_000)! / theirs.get(1_000)!)}×`]);
  const zen1000 = zens.get(1_000);
  rows.push(['vs target ≥ 100× zen-engine at 1,000 rules', zen1000 === undefined ? 'not measured: `npm install --no-save @gorules/zen-engine` adds it' : `${count(ours.get(1_000)! / zen1000)}×`]);
  report('first match: generated rules, one record aimed at a random rule', rows);
}

function compiled(size: number): Program {
  const project = generateProject(size, 100, 10);
  const result = compileProject({ sources: project.sources, directory: project.directory });
  if (!result.program) throw new Error(`the generated ${size}-rule project does not compile`);
  return result.program;
}
