// Eligibility (RUNTIME.md step 5): the filters between the pool and the method,
// applied in order — the rule's `require` flags as written, then quotas, then
// users who already had the record (re-assignments and queue retries), then
// `workday within H` (last, because it asks whether anyone *left* works now).
// Each filter records whom it dropped and why. The users' state is read once,
// for the users still in the running when the first filter that needs it comes
// (capacity, quotas), or after the filters for the users left.
import { availabilityBucket, isHoliday, isOnLeave, isWorking, nextWorkStart, userZone } from './calendar';
import type { DirectoryUser, Workday } from '../compiler/directory/model';
import type { Requirement } from '../compiler/ir';
import type { DirectoryIndex, IndexedUser } from './directory-index';
import { formatDuration } from '../language/literals';
import type { CompiledRule, ProgramIndex } from './program-index';
import type { QuotaCounts } from './quotas';
import type { FilterTrace } from './types';

/** The state-kept facts the capacity and quota filters read, for the users loaded. */
export interface StateFacts {
  /** Available capacity (capacity − open_load) per user; undefined: no limit. */
  capacity: ReadonlyMap<string, number | undefined>;
  /** Quota limits per user, in `settings.quotas` order; undefined: no cap. */
  quotaLimits: ReadonlyMap<string, readonly (number | undefined)[]>;
  quotaCounts: QuotaCounts;
}

/** What the filters need about one decision. */
export interface EligibilityInput {
  compiled: CompiledRule;
  program: ProgramIndex;
  dir: DirectoryIndex;
  /** The resolved pool, in pool order. */
  pool: readonly string[];
  /** Reads the state of `users` (called once per decision, with the users still in the running). */
  loadState(users: readonly string[]): Promise<StateFacts>;
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

/** Per-user calendar facts for one decision; users sharing a workday and holiday calendar share one answer. */
interface Calendar {
  user(id: string): DirectoryUser;
  /** The user's zone: the workday's, else `settings.timezone`. */
  zone(id: string): string;
  worksNow(id: string): boolean;
  onHoliday(id: string): boolean;
}

function calendarOf(input: EligibilityInput): Calendar {
  const { dir, now } = input;
  const settingsZone = input.program.program.settings.timezone;
  const user = (id: string): DirectoryUser => (dir.users.get(id) as IndexedUser).user;
  const zone = (id: string) => userZone(dir.workdayOf(user(id)), settingsZone);
  const working = new Map<Workday | null, boolean>();
  const holidays = new Map<readonly string[], Map<string, boolean>>();
  const worksNow = (id: string) => {
    const workday = dir.workdayOf(user(id));
    let works = working.get(workday);
    if (works === undefined) working.set(workday, (works = isWorking(workday, userZone(workday, settingsZone), now)));
    return works;
  };
  const onHoliday = (id: string) => {
    const dates = dir.holidaysOf(user(id));
    if (!dates || dates.length === 0) return false;
    let byZone = holidays.get(dates);
    if (!byZone) holidays.set(dates, (byZone = new Map()));
    const at = zone(id);
    let is = byZone.get(at);
    if (is === undefined) byZone.set(at, (is = isHoliday(dates, at, now)));
    return is;
  };
  return { user, zone, worksNow, onHoliday };
}

/**
 * Applies every filter of the rule to the pool. `facts` are the state read for
 * the users left when the first filter needing it came, or (no such filter) for
 * the candidates: a superset of the candidates either way.
 */
export async function applyFilters(input: EligibilityInput): Promise<Eligibility & { facts: StateFacts }> {
  let facts: StateFacts | null = null;
  const found = await runFilters(input, async (users) => (facts ??= await input.loadState(users)));
  return { ...found, facts: facts ?? (await input.loadState(found.candidates)) };
}

async function runFilters(input: EligibilityInput, load: (users: readonly string[]) => Promise<StateFacts>): Promise<Eligibility> {
  const { compiled, program, dir, now } = input;
  const calendar = calendarOf(input);
  const filters: FilterTrace[] = [];
  let candidates = [...input.pool];
  const stateFacts = () => load(candidates);
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
  let written = '';
  for (const item of compiled.rule.require) {
    if (item.flag === 'workday' && item.withinMs !== null) {
      within = item.withinMs;
      written = item.within ?? formatDuration(item.withinMs);
    } else if (item.flag === 'capacity') {
      const { capacity } = await stateFacts();
      run(item.flag, (id) => {
        const available = capacity.get(id);
        return available === undefined || available > 0 ? null : `no available capacity (${available})`;
      });
    } else run(item.flag, flagTest(item.flag, input, calendar));
  }
  if (program.quotas.length > 0) {
    const { quotaLimits, quotaCounts } = await stateFacts();
    program.quotas.forEach((quota, i) => {
      run(`quota ${quota.period}`, (id) => {
        const limit = quotaLimits.get(id)?.[i];
        const count = quotaCounts.get(id)?.[i] ?? 0;
        return limit !== undefined && count >= limit ? `${quota.period} quota reached (${count} of ${limit})` : null;
      });
    });
  }
  if (input.excluded.size > 0) run('earlier owners', (id) => (input.excluded.has(id) ? 'already had the record' : null));
  if (within === null || candidates.length === 0) return { candidates, filters, bucket: null, reason: null };

  const label = `workday within ${written}`;
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
    if (b === null) return `does not work within ${written}`;
    return b === first ? null : `starts work later (bucket ${b}D, bucket ${first}D is first)`;
  });
  return { candidates, filters, bucket: first, reason: first === null ? `no user works within ${written}` : null };
}

function flagTest(flag: Exclude<Requirement, 'capacity'>, input: EligibilityInput, calendar: Calendar): Test {
  const { now } = input;
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
      return (id) => (calendar.onHoliday(id) ? 'on a holiday' : null);
    case 'leave':
      return (id) => (isOnLeave(calendar.user(id).leave, now) ? 'on leave' : null);
  }
}
