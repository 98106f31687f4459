// Runs the data-only corpus of rule sets (test/corpus/analysis/*.yaml): for each
// case, the relation of the listed pairs, the rules found impossible, the exact
// analysis diagnostics with the rules they name, and the gaps. Every witness
// goes through the real engine: a diagnostic's record must go to the rule the
// diagnostic says takes it while the reported rule's condition holds for it too,
// and a gap's record must go unmatched.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { fieldTable, TRUE } from '../../compiler/analysis/formula';
import { findGaps } from '../../compiler/analysis/gaps';
import { normalise } from '../../compiler/analysis/normalise';
import { relate } from '../../compiler/analysis/relations';
import { solve } from '../../compiler/analysis/solve';
import type { Witness } from '../../compiler/analysis/witness';
import { compileProject } from '../../compiler/compile';
import type { Program, Rule } from '../../compiler/ir';
import { contextOf, decideWitness, evaluate } from './helpers';

const DIR = join(import.meta.dirname, '..', 'corpus', 'analysis');

const RuleSpec = z.strictObject({ name: z.string(), when: z.string().optional(), on: z.string().optional(), status: z.string().optional() });
const Case = z.strictObject({
  name: z.string(),
  rules: z.array(RuleSpec),
  pairs: z.array(z.strictObject({ later: z.string(), earlier: z.string(), relation: z.enum(['disjoint', 'shadowed', 'covers', 'overlap', 'undecided']) })).optional(),
  impossible: z.array(z.string()).optional(),
  diagnostics: z.array(z.strictObject({ code: z.string(), rule: z.string(), related: z.array(z.string()).optional() })),
  gaps: z
    .array(z.strictObject({ type: z.string(), changed: z.string().nullable().optional(), status: z.enum(['gap', 'covered', 'undecided']), record: z.record(z.string(), z.unknown()).optional() }))
    .optional(),
});
type Case = z.infer<typeof Case>;

const SCHEMA = `schema lead {
  source: text
  country: text
  zip: text
  status: text
  score: number
  rank: number
  tier: choice("gold", "silver")
  tags: list(text)
  vip: bool
  wait: duration
}
`;

function project(c: Case): string {
  const rules = c.rules.map((r, i) =>
    [
      `rule ${JSON.stringify(r.name)} {`,
      `  priority ${(i + 1) * 10}`,
      ...(r.status ? [`  status ${r.status}`] : []),
      `  on ${r.on ?? 'lead.created'}`,
      ...(r.when ? [`  when ${r.when}`] : []),
      '  assign anyone',
      '  distribute round_robin',
      '}',
    ].join('\n'),
  );
  return [SCHEMA, ...rules].join('\n');
}

const suites = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ file: f, cases: z.array(Case).parse(parseYaml(readFileSync(join(DIR, f), 'utf8'))) }));

describe('analysis corpus', () => {
  for (const suite of suites) {
    describe(suite.file, () => {
      for (const c of suite.cases) {
        test(c.name, async () => {
          const text = project(c);
          const result = compileProject({ sources: [{ file: 'rules/a.dist', text }] });
          expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
          const program = result.program!;
          const rule = (name: string) => program.rules.find((r) => r.name === name)!;
          const fields = fieldTable(program, 'lead');
          const formula = (r: Rule) => (r.when ? normalise(r.when, 'lead', fields) : TRUE);

          for (const pair of c.pairs ?? []) {
            const facts = relate(formula(rule(pair.later)), formula(rule(pair.earlier)), 'lead');
            expect(facts.relation, `${pair.later} vs ${pair.earlier}`).toBe(pair.relation);
          }
          const impossible = program.rules.filter((r) => solve([formula(r)]).kind === 'unsat').map((r) => r.name);
          expect(impossible).toEqual(c.impossible ?? []);

          const ruleAt = (offset: number) => program.rules.find((r) => r.span!.start <= offset && offset < r.span!.end)!.name;
          const analysis = result.diagnostics.filter((d) => d.code.startsWith('DIST4'));
          const actual = analysis.map((d) => ({ code: d.code, rule: ruleAt(d.span.start), ...(d.related ? { related: d.related.map((r) => ruleAt(r.span.start)) } : {}) }));
          expect(actual, JSON.stringify(analysis.map((d) => d.message), null, 1)).toEqual(c.diagnostics);

          for (const d of analysis) {
            const witness = d.data?.witness as Witness | undefined;
            if (witness) await confirm(program, rule(ruleAt(d.span.start)), d.data?.takenBy as string | undefined, witness);
          }

          if (!c.gaps) return;
          const gaps = findGaps(program);
          // A case may state the exact record of a gap; otherwise any record the engine leaves unmatched will do.
          const shown = gaps.map((g, i) => ({ type: g.type, ...(g.changed !== undefined ? { changed: g.changed } : {}), status: g.status, ...(c.gaps![i]?.record ? { record: g.witness?.record } : {}) }));
          expect(shown).toEqual(c.gaps);
          for (const gap of gaps) if (gap.witness) expect((await decideWitness(program, gap.witness)).rule).toBeNull();
        });
      }
    });
  }
});

/** `later`'s condition holds for the witness, yet the engine gives it to `takenBy` (or, unnamed, to an earlier rule). */
async function confirm(program: Program, later: Rule, takenBy: string | undefined, witness: Witness): Promise<void> {
  const decision = await decideWitness(program, witness);
  if (takenBy) expect(decision.rule).toBe(takenBy);
  else expect(program.rules.find((r) => r.name === decision.rule)!.priority).toBeLessThan(later.priority);
  expect(later.events.some((e) => `${e.entity}.${e.kind}` === witness.type)).toBe(true);
  expect(evaluate(later.when, contextOf(program, witness.record))).toBe(true);
}
