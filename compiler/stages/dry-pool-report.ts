// Diagnostics for pools that run dry (compiler/analysis/dry-pools.ts): a static
// pool nobody can take records from (DIST402), and quotas that cannot take the
// volume an `expect` clause states (DIST406), each with the numbers.
import type { DryFinding, EmptyPoolFinding, ShortQuotaFinding } from '../analysis/dry-pools';
import { report, type CompileContext } from './context';

/** Reports every dry-pool finding against its `assign` or `expect`. */
export function reportDryPools(ctx: CompileContext, findings: readonly DryFinding[]): void {
  const infos = new Map(ctx.rules.map((r) => [r.id, r]));
  const where = `\`${ctx.directorySource?.file ?? 'the directory'}\``;
  for (const finding of findings) {
    if (finding.kind === 'empty-pool') {
      const info = infos.get(finding.rule.id);
      const pool = info?.clauses.Assign?.pool;
      if (info && pool) report(ctx, 'DIST402', info.file, pool.span, emptyMessage(finding, where), { data: reasons(finding) });
      continue;
    }
    const target = finding.rule ? infos.get(finding.rule.id)?.clauses.Expect : ctx.settings?.entries.ExpectSetting;
    const file = finding.rule ? infos.get(finding.rule.id)?.file : ctx.settings?.file;
    if (target && file !== undefined) report(ctx, 'DIST406', file, target.span, shortMessage(finding), { data: { ...finding, rule: finding.rule?.name ?? null } });
  }
}

function emptyMessage(f: EmptyPoolFinding, where: string): string {
  const { inactive, outsideTeam, neverWorks, noCapacity, listed } = f.pool;
  if (neverWorks.length === 0 && noCapacity.length === 0 && outsideTeam.length === 0) {
    return `this pool has no active user in ${where}, so the rule always falls back; add active users or change the pool`;
  }
  const parts = [
    group(inactive, 'inactive'),
    group(outsideTeam, `outside team \`${f.rule.scope.kind === 'team' ? f.rule.scope.team : ''}\``),
    group(neverWorks, 'never at work (a workday without hours) while the rule requires `workday`'),
    group(noCapacity, 'without capacity (their `capacity` is no more than their open load) while the rule requires `capacity`'),
  ].filter((p) => p !== null);
  const said = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `no user of this pool can ever take a record, so the rule always falls back: of its ${listed.length} user${listed.length === 1 ? '' : 's'} in ${where}, ${said}; add users who can, or change the pool or its \`require\``;
}

function group(ids: readonly string[], what: string): string | null {
  if (ids.length === 0) return null;
  const shown = ids.slice(0, 3).map((id) => `\`${id}\``).join(', ');
  const more = ids.length > 3 ? ` and ${ids.length - 3} more` : '';
  return `${shown}${more} ${ids.length === 1 ? 'is' : 'are'} ${what}`;
}

function reasons(f: EmptyPoolFinding): Record<string, string[]> {
  const { inactive, outsideTeam, neverWorks, noCapacity } = f.pool;
  return { inactive, outsideTeam, neverWorks, noCapacity };
}

const UNIT = { hourly: 'hour', daily: 'day', weekly: 'week', monthly: 'month', total: 'all time' } as const;

function shortMessage(f: ShortQuotaFinding): string {
  const who = f.rule ? `the ${f.users} user${f.users === 1 ? '' : 's'} this rule can assign` : `all ${f.users} active user${f.users === 1 ? '' : 's'}`;
  const clause = `\`expect ${f.expect.count} per ${f.expect.per}\``;
  const perRecord = f.rule && f.rule.take.min > 1 ? ` (${f.rule.take.min} users per record, from \`take ${f.rule.take.count} min ${f.rule.take.min}\`)` : '';
  const quota = `the \`${f.quota}\` quotas of ${who}`;
  const allowed =
    f.scale === 'finer'
      ? `allow at most ${f.capacity} assignments per ${f.expect.per} (${f.caps} per ${UNIT[f.quota]} over at most ${f.windows} ${UNIT[f.quota]}s)`
      : f.scale === 'coarser' && f.quota !== 'total'
        ? `add up to ${f.caps} assignments per ${UNIT[f.quota]}`
        : `add up to ${f.caps} assignments${f.quota === 'total' ? ' in all' : ` per ${UNIT[f.quota]}`}`;
  const needed =
    f.scale === 'coarser' && f.quota !== 'total'
      ? `the ${f.demand} that ${clause} needs over the ${f.windows} whole ${f.expect.per}s every ${UNIT[f.quota]} has${perRecord}`
      : `the ${f.demand} that ${clause} needs${f.quota === 'total' ? ` in one ${f.expect.per}` : ''}${perRecord}`;
  return `${quota} ${allowed}, fewer than ${needed}; raise the quotas, add users or lower the expectation`;
}
