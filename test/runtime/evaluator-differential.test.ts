// Differential property test: the compiled evaluator, the planned conditions of
// the first-match path and the reference interpreter agree on random IR expressions over a small schema (text, number,
// bool and list fields, any of which may be unset) and random records and users.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Expr } from '../../compiler/ir';
import { compileCondition, compileExpr } from '../../runtime/evaluator/compile-expr';
import { planCondition, runPlan } from '../../runtime/evaluator/condition-plan';
import type { EvalContext, Value } from '../../runtime/evaluator/context';
import { evaluate, holds } from '../../runtime/evaluator/reference';

const field = (entity: string, name: string): Expr => ({ op: 'field', entity, path: [name] });
const lit = (value: string | number | boolean): Expr => ({ op: 'lit', value });

const texts = ['a', 'b', 'A', '', 'ab'];
const numbers = [-1, 0, 1, 2.5, 10];

const { bool } = fc.letrec<{ text: Expr; num: Expr; list: Expr; bool: Expr; any: Expr }>((tie) => ({
  text: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(field('lead', 't'), field('user', 'ut'), field('lead', 'id'), field('user', 'id')),
    fc.constantFrom(...texts).map(lit),
    fc.record({ fn: fc.constantFrom('lower' as const, 'upper' as const, 'trim' as const), a: tie('text') }).map(({ fn, a }): Expr => ({ op: 'call', fn, args: [a] })),
    fc.tuple(tie('text'), tie('text')).map(([a, b]): Expr => ({ op: 'coalesce', args: [a, b] })),
  ),
  num: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(field('lead', 'n'), field('user', 'un'), field('user', 'open_load'), field('user', 'last_assigned_at')),
    fc.constantFrom(...numbers).map(lit),
    fc.record({ operator: fc.constantFrom('+' as const, '-' as const, '*' as const, '/' as const), left: tie('num'), right: tie('num') }).map((r): Expr => ({ op: 'arith', ...r })),
    tie('num').map((arg): Expr => ({ op: 'neg', arg })),
    fc.oneof(tie('text'), tie('list')).map((a): Expr => ({ op: 'call', fn: 'length', args: [a] })),
    tie('num').map((a): Expr => ({ op: 'call', fn: 'hours_since', args: [a] })),
  ),
  list: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(field('lead', 'l'), field('user', 'ul'), field('user', 'teams')),
    fc.array(tie('text'), { maxLength: 3 }).map((items): Expr => ({ op: 'list', items })),
  ),
  any: fc.oneof(tie('text'), tie('num'), tie('list'), tie('bool')),
  bool: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(field('lead', 'b')),
    fc.boolean().map(lit),
    fc
      .record({ operator: fc.constantFrom('==' as const, '!=' as const, '<' as const, '<=' as const, '>' as const, '>=' as const), left: tie('any'), right: tie('any') })
      .map((r): Expr => ({ op: 'cmp', ...r })),
    fc.record({ value: tie('text'), collection: fc.oneof(tie('list'), tie('text')), negated: fc.boolean() }).map((r): Expr => ({ op: 'in', ...r })),
    fc.record({ collection: fc.oneof(tie('list'), tie('text')), value: tie('text') }).map((r): Expr => ({ op: 'contains', ...r })),
    fc.record({ op: fc.constantFrom('starts_with' as const, 'ends_with' as const), text: tie('text'), affix: tie('text') }).map((r): Expr => r),
    fc.record({ value: tie('num'), low: tie('num'), high: tie('num') }).map((r): Expr => ({ op: 'between', ...r })),
    fc.record({ value: tie('any'), negated: fc.boolean() }).map((r): Expr => ({ op: 'is_set', ...r })),
    fc.record({ op: fc.constantFrom('and' as const, 'or' as const), args: fc.array(tie('bool'), { minLength: 2, maxLength: 3 }) }).map((r): Expr => r),
    tie('bool').map((arg): Expr => ({ op: 'not', arg })),
  ),
}));

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const text = fc.constantFrom(...texts);
const context: fc.Arbitrary<EvalContext> = fc
  .record({
    t: maybe(text),
    n: maybe(fc.constantFrom(...numbers)),
    b: maybe(fc.boolean()),
    l: maybe(fc.array(text, { maxLength: 3 })),
    ut: maybe(text),
    un: maybe(fc.constantFrom(...numbers)),
    ul: maybe(fc.array(text, { maxLength: 3 })),
    load: fc.nat(5),
    last: maybe(fc.constantFrom(0, 3_600_000)),
  })
  .map((v) => {
    const defined = (o: Record<string, Value>) => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined));
    return {
      entity: 'lead',
      record: { id: 'a', owner: undefined, fields: defined({ t: v.t, n: v.n, b: v.b, l: v.l }) },
      user: { id: 'b', name: 'B', teams: ['a'], openLoad: v.load, lastAssignedAt: v.last, lastAssignedSeq: 0, fields: defined({ ut: v.ut, un: v.un, ul: v.ul }) },
      payload: null,
      now: 7_200_000,
    };
  });

describe('compiled evaluator ≡ condition plans ≡ reference interpreter', () => {
  it('agrees on random conditions, records and users', () => {
    fc.assert(
      fc.property(bool, context, (expr, ctx) => {
        Expr.parse(expr);
        expect(compileCondition(expr)(ctx)).toBe(holds(expr, ctx));
        expect(compileExpr(expr)(ctx)).toEqual(evaluate(expr, ctx));
        expect(runPlan(planCondition(expr, 'lead'), ctx)).toBe(holds(expr, ctx));
      }),
      { numRuns: 3000 },
    );
  });
});
