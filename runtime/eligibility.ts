// Eligibility (RUNTIME.md step 5): the filters between the pool and the method,
// applied in order — the rule's `require` flags as written, then quotas, then
// re-assignment exclusions, then `workday within H` (last, because it asks
// whether anyone *left* works now). Each filter records whom it dropped and why.
import { availabilityBucket, isHoliday, isOnLeave, isWorking, nextWorkStart, userZone } from './calendar';
import type { DirectoryUser } from '../compiler/directory/model';
import type { Requirement } from '../compiler/ir';
import type { DirectoryIndex, IndexedUser } from './directory-index';
import { formatDuration } from '../language/literals';
import type { CompiledRule, ProgramIndex } from './program-index';
import type { QuotaCounts } from './quotas';
import type { FilterTrace } from './types';

/** What the filters need about one decision. */
export interface EligibilityInput {
  compiled: CompiledRule;
  program: ProgramIndex;
  dir: DirectoryIndex;
  /** The resolved pool, in pool order. */
  pool: readonly string[];
  /** Available capacity (capacity − open_load) per user; undefined: no limit. */
  capacity: ReadonlyMap<string, number | undefined>;
  /** Quota limits per user, in `settings.quotas` order; undefined: no cap. */
  quotaLimits: ReadonlyMap<string, readonly (number | undefined)[]>;
  quotaCounts: QuotaCounts;
  excluded: ReadonlySet<string>;
  now: number;
}

/** The eligible users and how they were found. */
export interface Eligibility {
  /** Eligible users, in pool order. */
  candidates: string[];
  filters: FilterTrace[];
  /** `workday within` served this later bucket (>0): the method gives way to least_recent. */
  bucket: number | null;
  /** Why nobody is left, when more precise than "no eligible user". */
  reason: string | null;
}

type Test = (id: string) => string | null;

/** Per-user calendar facts, resolved once per decision. */
interface Calendar {
  user(id: string): DirectoryUser;
  /** The user's zone: the workday's, else `settings.timezone`. */
  zone(id: string): string;
  worksNow(id: string): boolean;
}

function calendarOf(input: EligibilityInput): Calendar {
  const { dir, now } = input;
  const settingsZone = input.program.program.settings.timezone;
  const user = (id: string): DirectoryUser => (dir.users.get(id) as IndexedUser).user;
  const zone = (id: string) => userZone(dir.workdayOf(user(id)), settingsZone);
  return { user, zone, worksNow: (id) => isWorking(dir.workdayOf(user(id)), zone(id), now) };
}

/** Applies every filter of the rule to the pool. */
export function applyFilters(input: EligibilityInput): Eligibility {
  const { compiled, program, dir, now } = input;
  const calendar = calendarOf(input);
  const filters: FilterTrace[] = [];
  let candidates = [...input.pool];
  const run = (filter: string, test: Test) => {
    const dropped: { user: string; reason: string }[] = [];
    candidates = candidates.filter((id) => {
      const reason = test(id);
      if (reason !== null) dropped.push({ user: id, reason });
      return reason === null;
    });
    filters.push({ filter, dropped });
  };
  let within: number | null = null;
  for (const { flag, withinMs } of compiled.rule.require) {
    if (flag === 'workday' && withinMs !== null) within = withinMs;
    else run(flag, flagTest(flag, input, calendar));
  }
  program.quotas.forEach((quota, i) => {
    run(`quota ${quota.period}`, (id) => {
      const limit = input.quotaLimits.get(id)?.[i];
      const count = input.quotaCounts.get(id)?.[i] ?? 0;
      return limit !== undefined && count >= limit ? `${quota.period} quota reached (${count} of ${limit})` : null;
    });
  });
  if (input.excluded.size > 0) run('reassign exclusion', (id) => (input.excluded.has(id) ? 'already had the record' : null));
  if (within === null || candidates.length === 0) return { candidates, filters, bucket: null, reason: null };

  const label = `workday within ${formatDuration(within)}`;
  if (candidates.some(calendar.worksNow)) {
    run(label, (id) => (calendar.worksNow(id) ? null : 'outside working hours'));
    return { candidates, filters, bucket: 0, reason: null };
  }
  const buckets = new Map<string, number | null>();
  for (const id of candidates) {
    const next = nextWorkStart(dir.workdayOf(calendar.user(id)), calendar.zone(id), now, within);
    buckets.set(id, availabilityBucket(next, now));
  }
  const found = [...buckets.values()].filter((b): b is number => b !== null);
  const first = found.length > 0 ? Math.min(...found) : null;
  run(label, (id) => {
    const b = buckets.get(id) ?? null;
    if (b === null) return `does not work within ${formatDuration(within)}`;
    return b === first ? null : `starts work later (bucket ${b}D, bucket ${first}D is first)`;
  });
  return { candidates, filters, bucket: first, reason: first === null ? `no user works within ${formatDuration(within)}` : null };
}

function flagTest(flag: Requirement, input: EligibilityInput, calendar: Calendar): Test {
  const { dir, now } = input;
  switch (flag) {
    case 'checked_in':
      return (id) => (calendar.user(id).checkedIn ? null : 'not checked in');
    case 'available':
      return (id) => {
        const status = calendar.user(id).status;
        return status === 'available' ? null : `status is ${status}`;
      };
    case 'workday':
      return (id) => (calendar.worksNow(id) ? null : 'outside working hours');
    case 'holidays':
      return (id) => {
        const dates = dir.holidaysOf(calendar.user(id));
        return dates && isHoliday(dates, calendar.zone(id), now) ? 'on a holiday' : null;
      };
    case 'leave':
      return (id) => (isOnLeave(calendar.user(id).leave, now) ? 'on leave' : null);
    case 'capacity':
      return (id) => {
        const available = input.capacity.get(id);
        return available === undefined || available > 0 ? null : `no available capacity (${available})`;
      };
  }
}
