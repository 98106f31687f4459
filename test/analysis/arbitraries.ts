// fast-check generators for the analysis properties: random IR conditions over
// the test schema (helpers.ts) — every test the analysis decides, plus opaque
// parts (function calls, arithmetic, two fields compared) — and random records
// whose values come from the same small pools, so that conditions and records meet.
import fc from 'fast-check';
import type { Expr } from '../../compiler/ir';

const field = (name: string): Expr => ({ op: 'field', entity: 'lead', path: [name] });
const lit = (value: string | number | boolean): Expr => ({ op: 'lit', value });

const TEXTS = ['', 'a', 'b', 'ab', 'ba', 'abc'];
const CHOICES = ['a', 'b', 'c'];
const NUMBERS = [-1, 0, 1, 2.5, 10];
const DURATIONS = [0, 1000, 60_000];

const textField = fc.constantFrom(field('t'), field('id'), field('owner'));
const textLit = fc.constantFrom(...TEXTS).map(lit);
const numberField = fc.constantFrom(field('n'), field('d'));
const numberLit = fc.oneof(fc.constantFrom(...NUMBERS).map(lit), fc.constantFrom(...DURATIONS).map((ms): Expr => ({ op: 'duration', ms })));
const compareOp = fc.constantFrom('==' as const, '!=' as const, '<' as const, '<=' as const, '>' as const, '>=' as const);

const atom: fc.Arbitrary<Expr> = fc.oneof(
  fc.tuple(fc.constantFrom('==' as const, '!=' as const), textField, textLit, fc.boolean()).map(([operator, f, v, flip]): Expr =>
    flip ? { op: 'cmp', operator, left: v, right: f } : { op: 'cmp', operator, left: f, right: v },
  ),
  fc.tuple(fc.constantFrom('==' as const, '!=' as const), fc.constantFrom(...CHOICES)).map(([operator, v]): Expr => ({ op: 'cmp', operator, left: field('c'), right: lit(v) })),
  fc.tuple(compareOp, numberField, numberLit, fc.boolean()).map(([operator, f, v, flip]): Expr =>
    flip ? { op: 'cmp', operator, left: v, right: f } : { op: 'cmp', operator, left: f, right: v },
  ),
  fc.tuple(numberField, numberLit, numberLit).map(([value, low, high]): Expr => ({ op: 'between', value, low, high })),
  fc.tuple(fc.constantFrom(field('t'), field('c')), fc.subarray(TEXTS), fc.boolean()).map(([value, items, negated]): Expr => ({ op: 'in', value, collection: { op: 'list', items: items.map(lit) }, negated })),
  fc.tuple(numberField, fc.subarray(NUMBERS), fc.boolean()).map(([value, items, negated]): Expr => ({ op: 'in', value, collection: { op: 'list', items: items.map(lit) }, negated })),
  fc.tuple(textLit, fc.boolean()).map(([value, negated]): Expr => ({ op: 'in', value, collection: field('l'), negated })),
  textLit.map((value): Expr => ({ op: 'contains', collection: field('l'), value })),
  fc.tuple(fc.constantFrom('starts_with' as const, 'ends_with' as const), fc.constantFrom(field('t'), field('c')), textLit).map(([op, text, affix]): Expr => ({ op, text, affix })),
  fc.tuple(fc.constantFrom('t', 'c', 'n', 'd', 'at', 'b', 'l', 'g', 'owner'), fc.boolean()).map(([name, negated]): Expr => ({ op: 'is_set', value: field(name), negated })),
  fc.constant(field('b')),
  fc.boolean().map((v): Expr => ({ op: 'cmp', operator: '==', left: field('b'), right: lit(v) })),
  fc.boolean().map(lit),
  // Opaque parts: the analysis must never claim anything it cannot prove about these.
  textLit.map((v): Expr => ({ op: 'cmp', operator: '==', left: { op: 'call', fn: 'lower', args: [field('t')] }, right: v })),
  fc.tuple(compareOp, numberLit).map(([operator, v]): Expr => ({ op: 'cmp', operator, left: { op: 'arith', operator: '*', left: field('n'), right: lit(2) }, right: v })),
  compareOp.map((operator): Expr => ({ op: 'cmp', operator, left: field('n'), right: field('d') })),
  fc.constant<Expr>({ op: 'cmp', operator: '==', left: field('t'), right: field('owner') }),
);

/** A random condition: atoms under `and`, `or` and `not`, a few levels deep. */
export const condition: fc.Arbitrary<Expr> = fc.letrec<{ cond: Expr }>((tie) => ({
  cond: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atom,
    fc.record({ op: fc.constantFrom('and' as const, 'or' as const), args: fc.array(tie('cond'), { minLength: 2, maxLength: 3 }) }).map((r): Expr => r),
    tie('cond').map((arg): Expr => ({ op: 'not', arg })),
  ),
})).cond;

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const text = fc.oneof(fc.constantFrom(...TEXTS), fc.constantFrom('x', 'abx', 'bab'));

/** A random record in the JSON form of an event; unset fields are left out. */
export const record: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    id: fc.constantFrom('lead-1', 'a', 'ab'),
    owner: maybe(text),
    t: maybe(text),
    c: maybe(fc.constantFrom(...CHOICES)),
    n: maybe(fc.oneof(fc.constantFrom(...NUMBERS, ...DURATIONS), fc.constantFrom(-2, 0.5, 3, 11, 2, 2000, 60_001))),
    d: maybe(fc.constantFrom(...DURATIONS, 1, 500, 2000, 59_999, 60_001)),
    at: maybe(fc.constantFrom('2026-01-01T00:00:00Z')),
    b: maybe(fc.boolean()),
    l: maybe(fc.array(text, { maxLength: 3 })),
    g: maybe(fc.constant({ lat: 1, lon: 2 })),
  })
  .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));

/** A condition over `lead.n` alone (comparisons, `between`, `in`), so that number ranges often touch or meet. */
export const numberCondition: fc.Arbitrary<Expr> = fc.letrec<{ cond: Expr }>((tie) => ({
  cond: fc.oneof(
    { depthSize: 'small' },
    fc.tuple(compareOp, fc.constantFrom(...NUMBERS)).map(([operator, v]): Expr => ({ op: 'cmp', operator, left: field('n'), right: lit(v) })),
    fc.tuple(fc.constantFrom(...NUMBERS), fc.constantFrom(...NUMBERS)).map(([a, b]): Expr => ({ op: 'between', value: field('n'), low: lit(a), high: lit(b) })),
    fc.subarray(NUMBERS, { minLength: 1 }).map((items): Expr => ({ op: 'in', value: field('n'), collection: { op: 'list', items: items.map(lit) }, negated: false })),
    fc.record({ op: fc.constantFrom('and' as const, 'or' as const), args: fc.array(tie('cond'), { minLength: 2, maxLength: 3 }) }).map((r): Expr => r),
  ),
})).cond;
