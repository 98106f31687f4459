// Checks of the marketplace clauses: `turnover EXPR min N` needs a positive
// minimum, and the methods that rank by something outside the `distribute`
// clause need it written — `max_turnover` the rule's `turnover` clause,
// `max_lead_count` a `quota total` setting (the share count it measures).
import type { DistributeClause } from '../../language/ast';
import { reportOn, type ClauseOf, type CompileContext, type RuleInfo } from './context';

/** `turnover EXPR min N`: N a number above zero. */
export function checkTurnover(ctx: CompileContext, rule: RuleInfo, clause: ClauseOf<'Turnover'>): void {
  const min = clause.min;
  if (min && !(Number.isFinite(min.value) && min.value > 0)) {
    reportOn(ctx, 'DIST319', rule.file, clause, 'min', `the \`turnover\` minimum must be a number above zero, not \`${min.raw}\`; leave \`min\` out for no minimum`);
  }
}

/** `max_turnover` needs a `turnover` clause; `max_lead_count` needs `quota total`. */
export function checkRankedBy(ctx: CompileContext, rule: RuleInfo, clause: DistributeClause): void {
  const method = clause.method;
  if (method.kind !== 'SimpleMethod') return;
  if (method.name.text === 'max_turnover' && !rule.clauses.Turnover) {
    const message = '`max_turnover` ranks users by what they earn, but this rule has no `turnover` clause; add one such as `turnover user.price`';
    reportOn(ctx, 'DIST320', rule.file, method, 'name', message);
  }
  if (method.name.text === 'max_lead_count' && !ctx.settings?.quotas.has('total')) {
    const message = '`max_lead_count` ranks users by the shares they have left, but the settings have no `quota total`; add one such as `quota total user.max_shares`';
    reportOn(ctx, 'DIST320', rule.file, method, 'name', message);
  }
}
