// Small checks registered per clause kind (DESIGN principle 6). Each receives the
// first clause of its kind in a rule and reports against that clause's nodes.
import type { Name, NumberLit } from '../../language/ast';
import { listWords } from '../../language/vocabulary';
import { REQUIREMENTS, VOLUME_PERIODS } from '../ir';
import { report, reportOn, type ClauseKind, type ClauseOf, type CompileContext, type RuleInfo } from './context';
import { checkDuration, checkRetry, checkWhole } from './literals';
import { checkDistribute } from './method-checks';
import { checkPool } from './pool-checks';
import { checkRankedBy, checkTurnover } from './turnover-checks';
import { closest, didYouMean, suggestionData } from '../../language/suggest';

type ClauseCheck<K extends ClauseKind> = (ctx: CompileContext, rule: RuleInfo, clause: ClauseOf<K>) => void;

/** The checks of each clause kind. */
export const CLAUSE_CHECKS: { [K in ClauseKind]?: ClauseCheck<K>[] } = {
  Priority: [(ctx, rule, c) => void checkWhole(ctx, rule.file, c.value, '`priority`', 0)],
  Take: [checkTake],
  Expect: [(ctx, rule, c) => checkExpect(ctx, rule.file, c)],
  Reassign: [checkReassign],
  Require: [checkRequire],
  Fallback: [(ctx, rule, c) => (c.target.kind === 'QueueTarget' ? checkRetry(ctx, rule.file, c.target.retry) : undefined)],
  Turnover: [checkTurnover],
  Distribute: [(ctx, rule, c) => checkDistribute(ctx, rule, c), checkRankedBy],
  Assign: [(ctx, rule, c) => checkPool(ctx, rule, c.pool)],
};

/** `expect N per PERIOD` (a rule's or the settings'): N a whole number of at least 1, PERIOD a volume period. */
export function checkExpect(ctx: CompileContext, file: string, clause: { count: NumberLit; period: Name }): void {
  checkWhole(ctx, file, clause.count, '`expect`', 1);
  const period = clause.period.text;
  if ((VOLUME_PERIODS as readonly string[]).includes(period)) return;
  const suggestion = closest(period, VOLUME_PERIODS);
  const hint = didYouMean(suggestion, (s) => `\`${s}\``, `use ${listWords(VOLUME_PERIODS)}`);
  reportOn(ctx, 'DIST111', file, clause, 'period', `unknown period \`${period}\` in \`expect\`${hint}`, suggestionData(suggestion, clause.period));
}

function checkTake(ctx: CompileContext, rule: RuleInfo, clause: ClauseOf<'Take'>): void {
  checkTakeIn(ctx, rule.file, clause);
}

/** `take N [min M]` of a rule or a workflow: N a whole number of at least 1, M between 1 and N. */
export function checkTakeIn(ctx: CompileContext, file: string, clause: ClauseOf<'Take'>): boolean {
  const { count, min } = clause;
  if (!checkWhole(ctx, file, count, '`take`', 0)) return false;
  if (count.value < 1) {
    report(ctx, 'DIST311', file, count.span, '`take` must assign at least one user; write `take 1` or more');
    return false;
  }
  if (!min) return true;
  if (!checkWhole(ctx, file, min, '`min`', 0)) return false;
  if (min.value < 1 || min.value > count.value) {
    report(ctx, 'DIST311', file, min.span, `\`min ${min.raw}\` must be between 1 and the \`take\` count ${count.raw}`);
    return false;
  }
  return true;
}

function checkReassign(ctx: CompileContext, rule: RuleInfo, clause: ClauseOf<'Reassign'>): void {
  checkDuration(ctx, rule.file, clause.after, '`reassign after`');
  if (clause.max) checkWhole(ctx, rule.file, clause.max, '`max`', 1);
}

function checkRequire(ctx: CompileContext, rule: RuleInfo, clause: ClauseOf<'Require'>): void {
  const seen = new Set<string>();
  for (const item of clause.items) {
    const name = item.name.text;
    if (!(REQUIREMENTS as readonly string[]).includes(name)) {
      const suggestion = closest(name, REQUIREMENTS);
      const hint = didYouMean(suggestion, (s) => `\`${s}\``, `use one of ${REQUIREMENTS.map((r) => `\`${r}\``).join(', ')}`);
      reportOn(ctx, 'DIST109', rule.file, item, 'name', `unknown requirement \`${name}\`${hint}`, suggestionData(suggestion, item.name));
      continue;
    }
    if (seen.has(name)) report(ctx, 'DIST312', rule.file, item.span, `\`${name}\` is required twice; remove one`);
    seen.add(name);
    if (item.within && name !== 'workday') {
      reportOn(ctx, 'DIST314', rule.file, item, 'within', `\`within\` applies only to \`workday\`; remove it from \`${name}\``);
    } else if (item.within) checkDuration(ctx, rule.file, item.within, '`workday within`');
    if (name === 'capacity' && !ctx.settings?.entries.CapacitySetting) {
      const message = '`require capacity` needs a capacity to measure; add `capacity user.FIELD` (or a number) to `settings`';
      reportOn(ctx, 'DIST305', rule.file, item, 'name', message);
    }
  }
}
