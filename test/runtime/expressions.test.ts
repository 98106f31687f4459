// Runs the semantics corpus (cases/expressions.yaml) against both the compiled
// evaluator and the reference interpreter, and checks the explainer's output.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Expr } from '../../compiler/ir';
import { compileExpr } from '../../runtime/evaluator/compile-expr';
import type { EvalContext, Value } from '../../runtime/evaluator/context';
import { printIrExpr as printExpr } from '../../compiler/ir-print';
import { explainCondition } from '../../runtime/evaluator/explain-expr';
import { evaluate } from '../../runtime/evaluator/reference';

interface Case {
  name: string;
  expr: unknown;
  record?: Record<string, Value>;
  user?: Record<string, Value>;
  payload?: unknown;
  now?: number;
  expect: unknown;
}

const cases = parse(readFileSync(new URL('./cases/expressions.yaml', import.meta.url), 'utf8')) as Case[];

function contextOf(c: Case): EvalContext {
  const { open_load, last_assigned_at, ...fields } = c.user ?? {};
  return {
    entity: 'lead',
    record: { id: 'L1', owner: undefined, fields: c.record ?? {} },
    user: { id: 'u', name: 'U', teams: [], openLoad: (open_load as number) ?? 0, lastAssignedAt: last_assigned_at as number | undefined, lastAssignedSeq: 0, fields },
    payload: c.payload ?? null,
    now: c.now ?? 0,
  };
}

describe('expression semantics corpus', () => {
  for (const c of cases) {
    it(c.name, () => {
      const expr = Expr.parse(c.expr);
      const ctx = contextOf(c);
      const expected = c.expect ?? undefined;
      expect(compileExpr(expr)(ctx)).toEqual(expected);
      expect(evaluate(expr, ctx)).toEqual(expected);
    });
  }
});

describe('explaining conditions', () => {
  const f = (name: string): Expr => ({ op: 'field', entity: 'lead', path: [name] });
  const condition: Expr = {
    op: 'and',
    args: [
      { op: 'or', args: [{ op: 'cmp', operator: '==', left: f('source'), right: { op: 'lit', value: 'Website' } }, { op: 'cmp', operator: '==', left: f('source'), right: { op: 'lit', value: 'Facebook Ads' } }] },
      { op: 'cmp', operator: '>=', left: f('score'), right: { op: 'lit', value: 80 }, span: { start: 40, end: 56 } },
    ],
  };
  const ctx: EvalContext = { entity: 'lead', record: { id: 'L', owner: undefined, fields: { source: 'Website', score: 72 } }, user: null, payload: null, now: 0 };

  it('prints IR back as .dist text, with parentheses where the language needs them', () => {
    expect(printExpr(condition)).toBe('(lead.source == "Website" or lead.source == "Facebook Ads") and lead.score >= 80');
    const arith: Expr = { op: 'arith', operator: '*', left: { op: 'arith', operator: '-', left: f('a'), right: f('b') }, right: { op: 'duration', ms: 3_600_000 } };
    expect(printExpr(arith)).toBe('(lead.a - lead.b) * 1h');
  });

  it('reports the first false conjunct with the values it read', () => {
    const expected = { span: { start: 40, end: 56 }, text: 'lead.score >= 80', value: false, values: { 'lead.score': 72 } };
    expect(explainCondition(condition, ctx).failed).toEqual(expected);
    expect(explainCondition(condition, { ...ctx, record: { id: 'L', owner: undefined, fields: { source: 'Website', score: 90 } } })).toEqual({ value: true });
  });

  it('reports unset fields as null', () => {
    const unset = { ...ctx, record: { id: 'L', owner: undefined, fields: {} } };
    expect(explainCondition(condition, unset).failed?.values).toEqual({ 'lead.source': null });
  });

  it('records every boolean node in coverage mode', () => {
    const conditions = explainCondition(condition, ctx, true).conditions ?? [];
    expect(conditions.map((c) => [c.text, c.value])).toEqual([
      ['(lead.source == "Website" or lead.source == "Facebook Ads") and lead.score >= 80', false],
      ['lead.source == "Website" or lead.source == "Facebook Ads"', true],
      ['lead.source == "Website"', true],
      ['lead.source == "Facebook Ads"', false],
      ['lead.score >= 80', false],
    ]);
  });
});
