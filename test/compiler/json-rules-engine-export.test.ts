// Differential property test of the json-rules-engine export: on random
// conditions over a typed schema (text, choice, number, bool and list fields)
// and random valid records (any field may be unset), the compiled evaluator, the
// reference interpreter and json-rules-engine running the exported conditions
// agree. Constructs that cannot be exported are refused with the rule and the
// construct.
import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { exportConditionOf, exportJsonRulesEngine, type ExportProblem } from '../../compiler/export/json-rules-engine';
import type { Expr, FieldType } from '../../compiler/ir';
import { compileCondition } from '../../runtime/evaluator/compile-expr';
import type { EvalContext, Value } from '../../runtime/evaluator/context';
import { holds } from '../../runtime/evaluator/reference';
import { compileSnippet } from '../runtime/helpers';

const fields = new Map<string, FieldType>([
  ['source', { type: 'text' }],
  ['grade', { type: 'choice', options: ['A', 'B', 'C'] }],
  ['score', { type: 'number' }],
  ['vip', { type: 'bool' }],
  ['tags', { type: 'list', element: { type: 'text' } }],
]);
const field = (name: string): Expr => ({ op: 'field', entity: 'lead', path: [name] });
const lit = (value: string | number | boolean): Expr => ({ op: 'lit', value });
const texts = ['Web', 'Ads', 'web', ''];
const numbers = [-1, 0, 10, 50, 99.5];

const leafArb: fc.Arbitrary<Expr> = fc.oneof(
  fc.record({ v: fc.constantFrom(...texts), flip: fc.boolean() }).map(({ v, flip }): Expr => ({ op: 'cmp', operator: '==', left: flip ? lit(v) : field('source'), right: flip ? field('source') : lit(v) })),
  fc.record({ v: fc.constantFrom('A', 'B', 'C'), op: fc.constantFrom('==' as const, '!=' as const) }).map(({ v, op }): Expr => ({ op: 'cmp', operator: op, left: field('grade'), right: lit(v) })),
  fc.record({ v: fc.boolean(), op: fc.constantFrom('==' as const, '!=' as const) }).map(({ v, op }): Expr => ({ op: 'cmp', operator: op, left: field('vip'), right: lit(v) })),
  fc
    .record({ v: fc.constantFrom(...numbers), op: fc.constantFrom('==' as const, '!=' as const, '<' as const, '<=' as const, '>' as const, '>=' as const), flip: fc.boolean() })
    .map(({ v, op, flip }): Expr => ({ op: 'cmp', operator: op, left: flip ? lit(v) : field('score'), right: flip ? field('score') : lit(v) })),
  fc.record({ lo: fc.constantFrom(...numbers), hi: fc.constantFrom(...numbers) }).map(({ lo, hi }): Expr => ({ op: 'between', value: field('score'), low: lit(lo), high: lit(hi) })),
  fc.record({ vs: fc.subarray(['A', 'B', 'C'], { minLength: 1 }), negated: fc.boolean() }).map(({ vs, negated }): Expr => ({ op: 'in', value: field('grade'), collection: { op: 'list', items: vs.map(lit) }, negated })),
  fc.record({ vs: fc.subarray(numbers, { minLength: 1 }), negated: fc.boolean() }).map(({ vs, negated }): Expr => ({ op: 'in', value: field('score'), collection: { op: 'list', items: vs.map(lit) }, negated })),
  fc.record({ vs: fc.subarray(texts, { minLength: 1 }) }).map(({ vs }): Expr => ({ op: 'in', value: field('source'), collection: { op: 'list', items: vs.map(lit) }, negated: false })),
  fc.constantFrom(...texts).map((v): Expr => ({ op: 'contains', collection: field('tags'), value: lit(v) })),
);

const conditionArb: fc.Arbitrary<Expr> = fc.letrec<{ c: Expr }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArb,
    fc.record({ op: fc.constantFrom('and' as const, 'or' as const), args: fc.array(tie('c'), { minLength: 2, maxLength: 3 }) }).map((r): Expr => r),
  ),
})).c;

const recordArb = fc.record(
  {
    source: fc.constantFrom(...texts),
    grade: fc.constantFrom('A', 'B', 'C'),
    score: fc.oneof(fc.constantFrom(...numbers), fc.double({ noNaN: true, noDefaultInfinity: true, min: -100, max: 100 })),
    vip: fc.boolean(),
    tags: fc.subarray(texts),
  },
  { requiredKeys: [] },
);

async function jreHolds(conditions: unknown, record: Record<string, unknown>): Promise<boolean> {
  const engine = new Engine([{ conditions: conditions as never, event: { type: 'route' } }], { allowUndefinedFacts: true });
  const { events } = await engine.run({ ...record });
  return events.length === 1;
}

describe('the json-rules-engine export', () => {
  it('agrees with the compiled evaluator and the reference interpreter on random conditions and records', async () => {
    await fc.assert(
      fc.asyncProperty(conditionArb, fc.array(recordArb, { minLength: 1, maxLength: 5 }), async (condition, records) => {
        const problems: ExportProblem[] = [];
        const exported = exportConditionOf(condition, fields, 'lead', {}, problems);
        expect(problems).toEqual([]);
        const compiled = compileCondition(condition);
        for (const record of records) {
          const ctx: EvalContext = { entity: 'lead', record: { id: 'L1', owner: undefined, fields: record as Record<string, Value> }, user: null, payload: null, now: 0 };
          const expected = holds(condition, ctx);
          expect(compiled(ctx)).toBe(expected);
          expect(await jreHolds({ all: [exported] }, record)).toBe(expected);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('exports a project in priority order and refuses what has no equivalent, naming the rule and the construct', () => {
    const { program } = compileSnippet(
      `schema lead {
  source: text
  score: number
}

rule "Late" {
  priority 20
  on lead.created
  when lead.score >= 50
  assign users "a"
  distribute round_robin
}

rule "Early" {
  priority 10
  on lead.created
  when lead.source == "Web" or lead.score between 1 and 9
  assign users "a"
  distribute round_robin
}
`,
      'users:\n  - { id: a, name: a }\n',
    );
    const exported = exportJsonRulesEngine(program);
    expect(exported).toEqual({
      ok: true,
      rules: [
        {
          name: 'Early',
          priority: 2,
          conditions: {
            any: [
              { fact: 'source', operator: 'equal', value: 'Web' },
              { all: [{ fact: 'score', operator: 'greaterThanInclusive', value: 1 }, { fact: 'score', operator: 'lessThanInclusive', value: 9 }] },
            ],
          },
          event: { type: 'route', params: { rule: 'Early', ruleId: expect.any(String) } },
        },
        { name: 'Late', priority: 1, conditions: { all: [{ fact: 'score', operator: 'greaterThanInclusive', value: 50 }] }, event: { type: 'route', params: { rule: 'Late', ruleId: expect.any(String) } } },
      ],
    });
    const problems: ExportProblem[] = [];
    exportConditionOf({ op: 'cmp', operator: '!=', left: field('source'), right: lit('Web') }, fields, 'lead', {}, problems);
    exportConditionOf({ op: 'is_set', value: field('score'), negated: false }, fields, 'lead', {}, problems);
    expect(problems.map((p) => [p.construct, p.reason])).toEqual([
      ['lead.source != "Web"', expect.stringContaining('unset field')],
      ['lead.score is set', expect.stringContaining('no equivalent')],
    ]);
    const lenient: ExportProblem[] = [];
    expect(exportConditionOf({ op: 'cmp', operator: '!=', left: field('source'), right: lit('Web') }, fields, 'lead', { lenient: true }, lenient)).toEqual({ fact: 'source', operator: 'notEqual', value: 'Web' });
    expect(lenient).toEqual([]);
  });
});
