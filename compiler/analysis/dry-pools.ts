// Pools that run dry: a static pool nobody in it can ever take records from
// (pool-members.ts says who can), and quotas that cannot take a stated volume
// (`expect N per PERIOD` in a rule, or in the settings for the whole project).
// Quota windows and volume periods are compared only in ways that are sure: a
// finer quota is multiplied by the most windows it can have in the period (25
// hours in a day with a clock change, 6 calendar weeks touching a month), and a
// coarser quota must hold at least the fewest whole periods its window contains
// (23 hours in a day, 28 days and 3 whole weeks in a month).
import type { Directory } from '../directory/model';
import type { Expectation, Program, QuotaPeriod, Rule, VolumePeriod } from '../ir';
import { directoryNames, poolMembers, userNumber, type DirectoryNames, type PoolMembers } from './pool-members';

/** A static pool in which nobody can take records. */
export interface EmptyPoolFinding {
  kind: 'empty-pool';
  rule: Rule;
  pool: PoolMembers;
}

/** Quota caps that add up to fewer assignments than a stated volume needs. */
export interface ShortQuotaFinding {
  kind: 'short-quota';
  /** Null: the settings' `expect`, over every active user. */
  rule: Rule | null;
  expect: Expectation;
  quota: QuotaPeriod;
  users: number;
  /** The caps of those users added up, per quota window. */
  caps: number;
  /** Assignments the quotas allow per volume period at most (`caps × windows` for a finer quota), or per quota window. */
  capacity: number;
  /** Assignments the volume needs in the same span. */
  demand: number;
  /** How many quota windows (finer quota) or volume periods (coarser quota) the comparison counted; 1 when the same. */
  windows: number;
  /** `finer`: the quota window is shorter than the period; `coarser`: longer; `same`. */
  scale: 'finer' | 'coarser' | 'same';
}

export type DryFinding = EmptyPoolFinding | ShortQuotaFinding;

/** Each rule's finding kept under its IR, with the directory and the settings it was found against. */
export type DryPoolCache = WeakMap<Rule, { directory: Directory; settings: string; finding: DryFinding | null }>;

/** Every dry pool of `program` against `directory`; `cache` keeps each rule's finding between runs. */
export function dryPools(program: Program, directory: Directory, cache?: DryPoolCache): DryFinding[] {
  let names: DirectoryNames | null = null;
  const settings = cache ? JSON.stringify(program.settings) : '';
  const findings: DryFinding[] = [];
  for (const rule of program.rules) {
    const known = cache?.get(rule);
    let finding: DryFinding | null;
    if (known?.directory === directory && known.settings === settings) finding = known.finding;
    else {
      finding = ruleFinding(program, rule, directory, (names ??= directoryNames(directory)));
      cache?.set(rule, { directory, settings, finding });
    }
    if (finding) findings.push(finding);
  }
  const expect = program.settings.expect;
  const active = directory.users.filter((u) => u.active);
  if (expect && active.length > 0) {
    const short = shortQuota(program, expect, active, 1);
    if (short) findings.push({ ...short, rule: null });
  }
  return findings;
}

/** Whether a rule's pool runs dry: nobody in a static pool, or quotas short of its `expect`. */
function ruleFinding(program: Program, rule: Rule, directory: Directory, names: DirectoryNames): DryFinding | null {
  const isStatic = rule.pool.kind === 'users' || rule.pool.kind === 'teams' || rule.pool.kind === 'groups';
  if (!isStatic && !rule.expect) return null;
  const pool = poolMembers(program, rule, directory, names);
  // Static users outside a team rule's team are reported on their own (DIST404).
  const outsiders = rule.pool.kind === 'users' && pool.outsideTeam.length > 0;
  if (isStatic && pool.members.length === 0 && !outsiders) return { kind: 'empty-pool', rule, pool };
  if (rule.expect && pool.members.length > 0) {
    const short = shortQuota(program, rule.expect, pool.members, rule.take.min);
    if (short) return { ...short, rule };
  }
  return null;
}

/** Calendar units from the shortest. */
const RANK: Record<VolumePeriod, number> = { hour: 0, day: 1, week: 2, month: 3 };

/** Quota windows that can touch one period (finer quota), and whole periods a quota window surely holds (coarser quota). */
const WINDOWS: Record<string, number> = {
  'hourly/day': 25,
  'hourly/week': 169,
  'hourly/month': 745,
  'daily/week': 7,
  'daily/month': 31,
  'weekly/month': 6,
  'day/hour': 23,
  'week/hour': 167,
  'month/hour': 671,
  'week/day': 7,
  'month/day': 28,
  'month/week': 3,
};

function shortQuota(
  program: Program,
  expect: Expectation,
  users: readonly Parameters<typeof userNumber>[0][],
  perRecord: number,
): Omit<ShortQuotaFinding, 'rule'> | null {
  for (const quota of program.settings.quotas) {
    const caps = users.map((u) => userNumber(u, quota.limit));
    if (caps.some((c) => c === undefined)) continue; // someone without a cap: this quota never runs dry
    const total = (caps as number[]).reduce((a, b) => a + b, 0);
    const demand = expect.count * perRecord;
    const base = { kind: 'short-quota' as const, expect, quota: quota.period, users: users.length, caps: total };
    if (quota.period === 'total') {
      if (total < demand) return { ...base, capacity: total, demand, windows: 1, scale: 'coarser' };
      continue;
    }
    const unit = quotaUnit(quota.period);
    if (unit === expect.per) {
      if (total < demand) return { ...base, capacity: total, demand, windows: 1, scale: 'same' };
    } else if (RANK[unit] < RANK[expect.per]) {
      const windows = WINDOWS[`${quota.period}/${expect.per}`]!;
      if (total * windows < demand) return { ...base, capacity: total * windows, demand, windows, scale: 'finer' };
    } else {
      const periods = WINDOWS[`${unit}/${expect.per}`]!;
      if (total < demand * periods) return { ...base, capacity: total, demand: demand * periods, windows: periods, scale: 'coarser' };
    }
  }
  return null;
}

function quotaUnit(period: Exclude<QuotaPeriod, 'total'>): VolumePeriod {
  return ({ hourly: 'hour', daily: 'day', weekly: 'week', monthly: 'month' } as const)[period];
}
