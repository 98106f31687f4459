// The marketplace values of a distribution: what each user would rank by under
// `max_turnover` (the rule's `turnover EXPR`) or `max_lead_count` (the shares
// left under `quota total`: its limit minus the user's count, infinite without a
// cap), and what the chosen users earn together, checked against the rule's
// `turnover … min N`.
import type { EvalContext, UserView } from './evaluator/context';
import type { CompiledRule, ProgramIndex } from './program-index';
import type { QuotaCounts } from './quotas';
import type { TurnoverTrace } from './types';

/** The per-user values `max_turnover` and `max_lead_count` rank by; null for other methods. */
export function marketplaceValues(
  compiled: CompiledRule,
  program: ProgramIndex,
  ctx: EvalContext,
  views: ReadonlyMap<string, UserView>,
  candidates: readonly string[],
  quota: { limits: ReadonlyMap<string, readonly (number | undefined)[]>; counts: QuotaCounts },
): Map<string, unknown[]> | null {
  const kind = compiled.rule.method.kind;
  if (kind !== 'max_turnover' && kind !== 'max_lead_count') return null;
  const total = program.quotas.findIndex((q) => q.period === 'total');
  const values = new Map<string, unknown[]>();
  for (const id of candidates) {
    if (kind === 'max_turnover') {
      ctx.user = views.get(id) ?? null;
      values.set(id, [compiled.turnover ? compiled.turnover(ctx) : undefined]);
    } else {
      const limit = total < 0 ? undefined : quota.limits.get(id)?.[total];
      const used = total < 0 ? 0 : (quota.counts.get(id)?.[total] ?? 0);
      values.set(id, [limit === undefined ? Number.POSITIVE_INFINITY : limit - used]);
    }
  }
  ctx.user = null;
  return values;
}

/** What `chosen` earn under the rule's `turnover`; null when the rule has none. */
export function turnoverOf(compiled: CompiledRule, ctx: EvalContext, views: ReadonlyMap<string, UserView>, chosen: readonly string[]): TurnoverTrace | null {
  if (!compiled.turnover || !compiled.rule.turnover) return null;
  const values = chosen.map((user) => {
    ctx.user = views.get(user) ?? null;
    const value = (compiled.turnover as NonNullable<CompiledRule['turnover']>)(ctx);
    return { user, value: typeof value === 'number' && Number.isFinite(value) ? value : null };
  });
  ctx.user = null;
  const total = values.reduce((sum, v) => sum + (v.value ?? 0), 0);
  return { values, total, min: compiled.rule.turnover.min };
}

/** Why `t` falls short of its minimum, or null when it does not. */
export function turnoverShortfall(t: TurnoverTrace | null): string | null {
  if (!t || t.min === null || t.total >= t.min) return null;
  return `turnover ${t.total} is below the minimum ${t.min}`;
}
