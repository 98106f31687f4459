// Property test of the rule index: on random rule sets (conditions that pin
// fields by equality, `in`, `or` and number ranges, mixed with conditions that
// pin nothing, some rules inactive or listening to `updated(f)` only) and random
// records, the first match through the index is the rule the linear walk finds
// with the reference interpreter.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Expr, Rule } from '../../compiler/ir';
import type { EvalContext, Value } from '../../runtime/evaluator/context';
import { holds } from '../../runtime/evaluator/reference';
import { skipReason } from '../../runtime/explain-rules';
import { RuleIndex } from '../../runtime/rule-index';

const field = (name: string): Expr => ({ op: 'field', entity: 'lead', path: [name] });
const lit = (value: string | number | boolean): Expr => ({ op: 'lit', value });

const zips = ['1', '2', '3', '4', '5', '6'];
const sources = ['Web', 'Ads', 'Partner'];
const numbers = [-5, 0, 10, 25, 49.5, 50, 75, 100];

const scalar = fc.oneof(fc.constantFrom(...zips), fc.constantFrom(...sources), fc.constantFrom(...numbers), fc.boolean());
const textField = fc.constantFrom('zip', 'source').map(field);
const numberField = fc.constantFrom('score', 'age').map(field);

const pinning: fc.Arbitrary<Expr> = fc.oneof(
  fc.record({ f: textField, v: fc.oneof(fc.constantFrom(...zips, ...sources), fc.constantFrom(1, 2)), flip: fc.boolean() }).map(({ f, v, flip }): Expr => {
    const [left, right] = flip ? [lit(v), f] : [f, lit(v)];
    return { op: 'cmp', operator: '==', left, right };
  }),
  fc.record({ f: textField, vs: fc.array(fc.constantFrom(...zips, ...sources), { minLength: 1, maxLength: 3 }), asLit: fc.boolean() }).map(({ f, vs, asLit }): Expr => ({
    op: 'in',
    value: f,
    collection: asLit ? { op: 'lit', value: vs } : { op: 'list', items: vs.map(lit) },
    negated: false,
  })),
  fc.record({ f: textField, vs: fc.array(fc.constantFrom(...zips, ...sources), { minLength: 2, maxLength: 3 }) }).map(({ f, vs }): Expr => ({
    op: 'or',
    args: vs.map((v) => ({ op: 'cmp', operator: '==', left: f, right: lit(v) })) as [Expr, Expr],
  })),
  fc.record({ f: numberField, lo: fc.constantFrom(...numbers), hi: fc.constantFrom(...numbers) }).map(({ f, lo, hi }): Expr => ({ op: 'between', value: f, low: lit(lo), high: lit(hi) })),
  fc
    .record({ f: numberField, op: fc.constantFrom('<' as const, '<=' as const, '>' as const, '>=' as const), v: fc.constantFrom(...numbers), flip: fc.boolean() })
    .map(({ f, op, v, flip }): Expr => ({ op: 'cmp', operator: op, left: flip ? lit(v) : f, right: flip ? f : lit(v) })),
);

const other: fc.Arbitrary<Expr> = fc.oneof(
  fc.record({ f: textField, v: fc.constantFrom(...zips, ...sources), negated: fc.boolean() }).map(({ f, v, negated }): Expr => ({ op: 'in', value: f, collection: { op: 'list', items: [lit(v)] }, negated: !negated })),
  fc.record({ f: textField, v: fc.constantFrom(...zips) }).map(({ f, v }): Expr => ({ op: 'cmp', operator: '!=', left: f, right: lit(v) })),
  fc.record({ f: fc.constantFrom('zip', 'score', 'flag').map(field), negated: fc.boolean() }).map(({ f, negated }): Expr => ({ op: 'is_set', value: f, negated })),
  pinning.map((arg): Expr => ({ op: 'not', arg })),
  fc.tuple(pinning, pinning).map(([a, b]): Expr => ({ op: 'or', args: [a, b] })),
  fc.constant<Expr>({ op: 'cmp', operator: '==', left: field('flag'), right: lit(true) }),
);

const when: fc.Arbitrary<Expr | null> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 6, arbitrary: fc.array(fc.oneof({ weight: 3, arbitrary: pinning }, { weight: 1, arbitrary: other }), { minLength: 1, maxLength: 4 }).map((args): Expr => (args.length === 1 ? args[0]! : { op: 'and', args })) },
);

const ruleArb = fc.record({
  when,
  status: fc.constantFrom('active', 'active', 'active', 'active', 'draft', 'paused'),
  updatedFields: fc.option(fc.subarray(['zip', 'score', 'status'], { minLength: 1 }), { nil: null }),
  created: fc.boolean(),
});

type RuleSpec = { when: Expr | null; status: string; updatedFields: string[] | null; created: boolean };

function makeRules(specs: RuleSpec[]): Rule[] {
  return specs.map((s, i): Rule => ({
    id: `r${i}`,
    name: `R${i}`,
    priority: i,
    description: null,
    status: s.status as Rule['status'],
    scope: { kind: 'global' },
    entity: 'lead',
    events: [...(s.created ? [{ entity: 'lead', kind: 'created' as const, fields: null }] : []), { entity: 'lead', kind: 'updated' as const, fields: s.updatedFields }],
    when: s.when,
    pool: { kind: 'anyone' },
    require: [],
    method: { kind: 'round_robin' },
    take: { count: 1, min: 1 },
    fallback: null,
    reassign: null,
  }));
}

const recordArb = fc.record(
  { zip: scalar, source: scalar, score: fc.oneof(fc.constantFrom(...numbers), fc.double({ noNaN: true }), scalar), age: fc.constantFrom(...numbers), flag: fc.boolean() },
  { requiredKeys: [] },
);

function linearFirst(rules: readonly Rule[], eventType: string, changed: string[], ctx: EvalContext): string | null {
  for (const rule of rules) {
    if (!rule.events.some((e) => `${e.entity}.${e.kind}` === eventType)) continue;
    if (skipReason(rule, eventType, changed) !== null) continue;
    if (rule.when === null || holds(rule.when, ctx)) return rule.id;
  }
  return null;
}

describe('the rule index', () => {
  it('finds the rule the linear walk finds, on random rules and records', () => {
    fc.assert(
      fc.property(
        fc.array(ruleArb, { minLength: 0, maxLength: 60 }),
        fc.array(fc.record({ record: recordArb, created: fc.boolean(), changed: fc.subarray(['zip', 'score', 'status']) }), { minLength: 1, maxLength: 20 }),
        (specs, events) => {
          const rules = makeRules(specs);
          const index = new RuleIndex(rules, (r) => r);
          for (const { record, created, changed } of events) {
            const type = created ? 'lead.created' : 'lead.updated';
            const ctx: EvalContext = { entity: 'lead', record: { id: 'L1', owner: undefined, fields: record as Record<string, Value> }, user: null, payload: null, now: 0 };
            expect(index.firstMatch(type, changed, ctx)?.id ?? null).toBe(linearFirst(rules, type, changed, ctx));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds the rule the linear walk finds when most rules pin fields, so buckets nest and drop the conjuncts their keys imply', () => {
    const pinned = fc.array(fc.oneof({ weight: 4, arbitrary: pinning }, { weight: 1, arbitrary: other }), { minLength: 1, maxLength: 4 }).map((args): Expr => (args.length === 1 ? args[0]! : { op: 'and', args }));
    const spec = fc.record({ when: pinned, status: fc.constant('active'), updatedFields: fc.constant(null), created: fc.constant(true) });
    fc.assert(
      fc.property(fc.array(spec, { minLength: 20, maxLength: 200 }), fc.array(recordArb, { minLength: 1, maxLength: 30 }), (specs, records) => {
        const rules = makeRules(specs);
        const index = new RuleIndex(rules, (r) => r);
        for (const record of records) {
          const ctx: EvalContext = { entity: 'lead', record: { id: 'L1', owner: undefined, fields: record as Record<string, Value> }, user: null, payload: null, now: 0 };
          expect(index.firstMatch('lead.created', [], ctx)?.id ?? null).toBe(linearFirst(rules, 'lead.created', [], ctx));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('finds the last of 10,000 rules each pinned to its own zip', () => {
    const rules = makeRules(
      Array.from({ length: 10_000 }, (_, i) => ({
        when: { op: 'and', args: [{ op: 'cmp', operator: '==', left: field('zip'), right: lit(String(i)) }, { op: 'between', value: field('score'), low: lit(i % 50), high: lit(50 + (i % 50)) }] },
        status: 'active',
        updatedFields: null,
        created: true,
      })),
    );
    const index = new RuleIndex(rules, (r) => r);
    const ctx = (zip: string, score: number): EvalContext => ({ entity: 'lead', record: { id: 'L', owner: undefined, fields: { zip, score } }, user: null, payload: null, now: 0 });
    expect(index.firstMatch('lead.created', [], ctx('9999', 60))?.id).toBe('r9999');
    expect(index.firstMatch('lead.created', [], ctx('9999', 10))).toBeNull();
    expect(index.firstMatch('lead.created', [], ctx('nowhere', 60))).toBeNull();
  });
});
