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
  pool: readonly IndexedUser[];
  /** Reads the state of `users` (called once per decision, with the users still in the running). */
  loadState(users: readonly IndexedUser[]): Promise<StateFacts>;
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

type Test = (user: DirectoryUser) => string | null;

/** Per-user calendar facts for one decision; users sharing a workday and holiday calendar share one answer. */
interface Calendar {
  /** The user's zone: the workday's, else `settings.timezone`. */
  zone(user: DirectoryUser): string;
  worksNow(user: DirectoryUser): boolean;
  onHoliday(user: DirectoryUser): boolean;
}

function calendarOf(input: EligibilityInput): Calendar {
  const { dir, now } = input;
  const settingsZone = input.program.program.settings.timezone;
  const zone = (user: DirectoryUser) => userZone(dir.workdayOf(user), settingsZone);
  const working = new Map<Workday | null, boolean>();
  const holidays = new Map<readonly string[], Map<string, boolean>>();
  const worksNow = (user: DirectoryUser) => {
    const workday = dir.workdayOf(user);
    let works = working.get(workday);
    if (works === undefined) working.set(workday, (works = isWorking(workday, userZone(workday, settingsZone), now)));
    return works;
  };
  const onHoliday = (user: DirectoryUser) => {
    const dates = dir.holidaysOf(user);
    if (!dates || dates.length === 0) return false;
    let byZone = holidays.get(dates);
    if (!byZone) holidays.set(dates, (byZone = new Map()));
    const at = zone(user);
    let is = byZone.get(at);
    if (is === undefined) byZone.set(at, (is = isHoliday(dates, at, now)));
    return is;
  };
  return { zone, worksNow, onHoliday };
}

/**
 * Applies every filter of the rule to the pool. `facts` are the state read for
 * the users left when the first filter needing it came, or (no such filter) for
 * the candidates: a superset of the candidates either way.
 */
export async function applyFilters(input: EligibilityInput): Promise<Eligibility & { facts: StateFacts }> {
  let facts: StateFacts | null = null;
  const found = await runFilters(input, async (users) => (facts ??= await input.loadState(users)));
  const candidates = found.candidates.map((u) => u.user.id);
  return { ...found, candidates, facts: facts ?? (await input.loadState(found.candidates)) };
}

async function runFilters(
  input: EligibilityInput,
  load: (users: readonly IndexedUser[]) => Promise<StateFacts>,
): Promise<Omit<Eligibility, 'candidates'> & { candidates: IndexedUser[] }> {
  const { compiled, program, dir, now } = input;
  const calendar = calendarOf(input);
  const filters: FilterTrace[] = [];
  let candidates: IndexedUser[] = [...input.pool];
  const stateFacts = () => load(candidates);
  // Consecutive filters run in one pass: each user is dropped by the first that rejects them, as filtering in turn would.
  const runAll = (tests: readonly (readonly [string, Test])[]) => {
    const dropped = tests.map((): { user: string; reason: string }[] => []);
    candidates = candidates.filter(({ user }) => {
      for (let t = 0; t < tests.length; t++) {
        const reason = (tests[t] as readonly [string, Test])[1](user);
        if (reason !== null) {
          (dropped[t] as { user: string; reason: string }[]).push({ user: user.id, reason });
          return false;
        }
      }
      return true;
    });
    tests.forEach(([filter], t) => filters.push({ filter, dropped: dropped[t] as { user: string; reason: string }[] }));
  };
  const run = (filter: string, test: Test) => runAll([[filter, test]]);
  const pending: [string, Test][] = [];
  const flush = () => {
    if (pending.length > 0) runAll(pending.splice(0));
  };
  let within: number | null = null;
  let written = '';
  for (const item of compiled.rule.require) {
    if (item.flag === 'workday' && item.withinMs !== null) {
      within = item.withinMs;
      written = item.within ?? formatDuration(item.withinMs);
    } else if (item.flag === 'capacity') {
      flush();
      const facts = await stateFacts();
      run(item.flag, (user) => capacityDrop(facts, user.id));
    } else pending.push([item.flag, flagTest(item.flag, input, calendar)]);
  }
  flush();
  if (program.quotas.length > 0) {
    const facts = await stateFacts();
    program.quotas.forEach((quota, i) => run(`quota ${quota.period}`, (user) => quotaDrop(program, facts, user.id, i)));
  }
  if (input.excluded.size > 0) run('earlier owners', (user) => (input.excluded.has(user.id) ? 'already had the record' : null));
  if (within === null || candidates.length === 0) return { candidates, filters, bucket: null, reason: null };

  const label = `workday within ${written}`;
  if (candidates.some((u) => calendar.worksNow(u.user))) {
    run(label, (user) => (calendar.worksNow(user) ? null : 'outside working hours'));
    return { candidates, filters, bucket: 0, reason: null };
  }
  const buckets = new Map<DirectoryUser, number | null>();
  for (const { user } of candidates) {
    const next = nextWorkStart(dir.workdayOf(user), calendar.zone(user), now, within);
    buckets.set(user, availabilityBucket(next, now));
  }
  const found = [...buckets.values()].filter((b): b is number => b !== null);
  const first = found.length > 0 ? Math.min(...found) : null;
  run(label, (user) => {
    const b = buckets.get(user) ?? null;
    if (b === null) return `does not work within ${written}`;
    return b === first ? null : `starts work later (bucket ${b}D, bucket ${first}D is first)`;
  });
  return { candidates, filters, bucket: first, reason: first === null ? `no user works within ${written}` : null };
}

/** Why the capacity filter drops user `id` (null: it keeps them). */
export function capacityDrop(facts: StateFacts, id: string): string | null {
  const available = facts.capacity.get(id);
  return available === undefined || available > 0 ? null : `no available capacity (${available})`;
}

/** Why the filter of quota `i` (in `settings.quotas` order) drops user `id` (null: it keeps them). */
export function quotaDrop(program: ProgramIndex, facts: StateFacts, id: string, i: number): string | null {
  const quota = program.quotas[i] as ProgramIndex['quotas'][number];
  const limit = facts.quotaLimits.get(id)?.[i];
  const count = facts.quotaCounts.get(id)?.[i] ?? 0;
  return limit !== undefined && count >= limit ? `${quota.period} quota reached (${count} of ${limit})` : null;
}

function flagTest(flag: Exclude<Requirement, 'capacity'>, input: EligibilityInput, calendar: Calendar): Test {
  const { now } = input;
  switch (flag) {
    case 'checked_in':
      return (user) => (user.checkedIn ? null : 'not checked in');
    case 'available':
      return (user) => (user.status === 'available' ? null : `status is ${user.status}`);
    case 'workday':
      return (user) => (calendar.worksNow(user) ? null : 'outside working hours');
    case 'holidays':
      return (user) => (calendar.onHoliday(user) ? 'on a holiday' : null);
    case 'leave':
      return (user) => (isOnLeave(user.leave, now) ? 'on leave' : null);
  }
}
