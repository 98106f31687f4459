// Eligibility kept between decisions, for a store that this process alone
// writes and whose commit feed reports every key written (the memory store, the
// worker-backed SQLite store). For a
// rule whose resolved pool is kept (pools.ts `shared`) and whose filters are the
// directory flags followed by the state filters (capacity last among `require`,
// then the quotas), the filters' result changes only:
// - when the clock enters another minute: every calendar fact (working hours,
//   holidays, leave, quota windows) changes on whole minutes when the zones'
//   offsets and the leave bounds are whole minutes, checked for each minute
//   (otherwise, and when a limit reads the clock, the memo holds for one instant);
// - for users whose state was written since: those alone are read again (once
//   for all the memos, memo-reads.ts) and tested again, and the candidate list
//   is rebuilt only when one of them is dropped or kept differently than before.
// Each memo is built by the filters of eligibility.ts, and the state filters'
// drops use the same tests, so the two agree by construction; tests compare them
// on random histories (eligibility-memo.test.ts).
import { offsetAt } from './calendar/zone-time';
import type { DirectoryIndex, IndexedUser } from './directory-index';
import { applyFilters, capacityDrop, quotaDrop, type Eligibility, type StateFacts } from './eligibility';
import type { UserView } from './evaluator/context';
import { MemoReads } from './memo-reads';
import type { CompiledRule, ProgramIndex } from './program-index';
import { StateChanges } from './state-changes';
import { userOfStateKey } from './state-keys';
import type { FilterTrace } from './types';

/** The state of some users as a decision reads it: their views and the facts the state filters test. */
export interface UsersState {
  views: ReadonlyMap<string, UserView>;
  facts: StateFacts;
}

/** What one rule's memo asks for a decision. */
export interface MemoInput {
  compiled: CompiledRule;
  program: ProgramIndex;
  dir: DirectoryIndex;
  /** The rule's resolved pool entries (kept by pools.ts, so the same array for every record). */
  pool: readonly IndexedUser[];
  now: number;
  /** Reads the state of `users`, once locked (see distribute.ts). */
  read(users: readonly IndexedUser[]): Promise<UsersState>;
}

/** The eligible users, as eligibility.ts finds them, with the state read and the users whose state changed since the memo was built. */
export type MemoEligibility = Eligibility & UsersState & { changes: StateChanges };

/** A state filter's drop of one user: which filter (index among the state filters) and why. */
type Drop = { filter: number; reason: string } | null;

interface Memo {
  /** The minute (whole-minute facts) or the instant the flags were applied for. */
  minute: number | null;
  instant: number;
  /** The users the directory flags keep, in pool order, with their positions. */
  flagged: readonly IndexedUser[];
  position: ReadonlyMap<string, number>;
  flagFilters: readonly FilterTrace[];
  /** Owned copies of the state read for `flagged`, updated for users whose state changes. */
  views: Map<string, UserView> | null;
  baseViews: ReadonlyMap<string, UserView>;
  facts: { capacity: Map<string, number | undefined>; quotaLimits: Map<string, readonly (number | undefined)[]>; quotaCounts: Map<string, readonly number[]> };
  drops: Drop[];
  stateNames: readonly string[];
  result: Eligibility;
  /** Users whose state was written since the memo last read it. */
  dirty: Set<string>;
  /** Users read again since the memo was built. */
  changes: StateChanges;
}

/** The memos of one directory version. */
interface DirectoryMemos {
  dir: DirectoryIndex;
  /** By pool, then by the filters' shape (`shapeOf`): rules with the same pool and filters share one memo. */
  byPool: WeakMap<readonly IndexedUser[], Map<string, Memo>>;
  /** Memos holding each user among `flagged` (a user may stay listed after leaving; marks then do nothing). */
  byUser: Map<string, Set<Memo>>;
  /** The users' state as read, shared by the memos. */
  reads: MemoReads;
  /** Zones whose offsets decide the calendar facts, and whether every leave bound is a whole minute. */
  zones: readonly string[];
  leaveOnMinutes: boolean;
}

const MINUTE_MS = 60_000;
const shapes = new WeakMap<CompiledRule, string>();

/** True when a rule's filters are the directory flags, then the state filters: the shape memos keep. */
export function memoisable(compiled: CompiledRule): boolean {
  const require = compiled.rule.require;
  if (compiled.poolWhereReadsState) return false;
  if (require.some((r) => r.flag === 'workday' && r.withinMs !== null)) return false;
  const capacity = require.findIndex((r) => r.flag === 'capacity');
  return capacity < 0 || capacity === require.length - 1;
}

/** The engine's memos, fed by the store's commit feed. */
export class EligibilityMemos {
  private current: DirectoryMemos | null = null;

  /** Marks the users whose state `keys` hold, and forgets what was read of them (called at every commit of the store). */
  written(keys: Iterable<string>): void {
    const current = this.current;
    if (!current) return;
    // A decision writes several keys of each user it changes: each user's memos are marked once.
    let last: string | null = null;
    for (const key of keys) {
      const user = userOfStateKey(key);
      if (user === null || user === last) continue;
      last = user;
      current.reads.forget(user);
      const memos = current.byUser.get(user);
      if (memos) for (const memo of memos) memo.dirty.add(user);
    }
  }

  /** The eligible users of a memoisable rule with no excluded users (see `memoisable`). */
  async eligibility(given: MemoInput): Promise<MemoEligibility> {
    const memos = this.memosOf(given.dir, given.program);
    // Reads go through what the memos of this directory have read (memo-reads.ts).
    const input: MemoInput = { ...given, read: (users) => memos.reads.read(given.program, given.compiled.readsUserState, users, given.now, given.read) };
    let byShape = memos.byPool.get(input.pool);
    if (!byShape) memos.byPool.set(input.pool, (byShape = new Map()));
    const shape = shapeOf(input.compiled);
    let memo = byShape.get(shape);
    if (!memo || !holds(memo, input.now)) {
      // A memo keeps its identity when rebuilt, so that the users' sets of memos never grow.
      const built = await build(input, memos);
      if (memo) Object.assign(memo, built);
      else byShape.set(shape, (memo = built));
      for (const { user } of memo.flagged) {
        let set = memos.byUser.get(user.id);
        if (!set) memos.byUser.set(user.id, (set = new Set()));
        set.add(memo);
      }
    } else if (memo.dirty.size > 0) await refresh(memo, input);
    return { ...memo.result, views: memo.views ?? memo.baseViews, facts: memo.facts, changes: memo.changes };
  }

  private memosOf(dir: DirectoryIndex, program: ProgramIndex): DirectoryMemos {
    if (this.current?.dir === dir) return this.current;
    const workdayZones = Object.values(dir.directory.workdays).flatMap((w) => (w.timezone === null ? [] : [w.timezone]));
    const leaveOnMinutes = dir.directory.users.every((u) => u.leave.every((p) => p.startMs % MINUTE_MS === 0 && p.endMs % MINUTE_MS === 0));
    this.current = {
      dir,
      byPool: new WeakMap(),
      byUser: new Map(),
      reads: new MemoReads(dir),
      zones: [...new Set([program.program.settings.timezone, ...workdayZones])],
      leaveOnMinutes,
    };
    return this.current;
  }
}

/** What of a rule its memo depends on besides the pool: the `require` list, and whether the users' state-kept values are read. */
function shapeOf(compiled: CompiledRule): string {
  let shape = shapes.get(compiled);
  if (shape === undefined) shapes.set(compiled, (shape = `${compiled.readsUserState} ${compiled.rule.require.map((r) => r.flag).join(' ')}`));
  return shape;
}

function holds(memo: Memo, now: number): boolean {
  return memo.minute !== null ? Math.floor(now / MINUTE_MS) === memo.minute : memo.instant === now;
}

/** The minute of `now` when every calendar fact is constant through it (see the file comment); null otherwise. */
function wholeMinute(memos: DirectoryMemos, program: ProgramIndex, now: number): number | null {
  if (!memos.leaveOnMinutes || program.limitsReadClock) return null;
  const minute = Math.floor(now / MINUTE_MS);
  const start = minute * MINUTE_MS;
  for (const zone of memos.zones) {
    const offset = offsetAt(zone, start);
    if (offset % MINUTE_MS !== 0 || offsetAt(zone, start + MINUTE_MS - 1) !== offset) return null;
  }
  return minute;
}

/** Runs the filters of eligibility.ts and keeps what they found, split into the flags' part and the state's part. */
async function build(input: MemoInput, memos: DirectoryMemos): Promise<Memo> {
  const { compiled, program, dir, now } = input;
  let flagged: readonly IndexedUser[] = [];
  let state: UsersState | null = null;
  const found = await applyFilters({
    compiled,
    program,
    dir,
    pool: input.pool,
    excluded: new Set(),
    now,
    loadState: async (users) => {
      flagged = users;
      state = await input.read(users);
      return state.facts;
    },
  });
  const read = state as UsersState | null;
  if (!read) throw new Error('the filters read no state');
  const stateNames = [...(compiled.rule.require.some((r) => r.flag === 'capacity') ? ['capacity'] : []), ...program.quotas.map((q) => `quota ${q.period}`)];
  const flagFilters = found.filters.slice(0, found.filters.length - stateNames.length);
  const facts = {
    capacity: new Map(read.facts.capacity),
    quotaLimits: new Map(read.facts.quotaLimits),
    quotaCounts: new Map(read.facts.quotaCounts),
  };
  const kept: Omit<Memo, 'result'> = {
    minute: wholeMinute(memos, program, now),
    instant: now,
    flagged,
    position: new Map(flagged.map((u, i) => [u.user.id, i])),
    flagFilters,
    views: read.views === dir.baseViews ? null : new Map(read.views),
    baseViews: dir.baseViews,
    facts,
    drops: flagged.map((u) => dropOf(input, stateNames, facts, u.user.id)),
    stateNames,
    dirty: new Set(),
    changes: new StateChanges(),
  };
  return { ...kept, result: rebuild(kept) };
}

/** The first state filter that drops user `id` (capacity if required, then each quota), as eligibility.ts applies them. */
function dropOf(input: MemoInput, stateNames: readonly string[], facts: StateFacts, id: string): Drop {
  let filter = 0;
  if (stateNames[0] === 'capacity') {
    const reason = capacityDrop(facts, id);
    if (reason !== null) return { filter, reason };
    filter++;
  }
  for (let i = 0; i < input.program.quotas.length; i++, filter++) {
    const reason = quotaDrop(input.program, facts, id, i);
    if (reason !== null) return { filter, reason };
  }
  return null;
}

/** Reads again the users marked dirty and, when one of them is now dropped or kept otherwise, the result. */
async function refresh(memo: Memo, input: MemoInput): Promise<void> {
  const users: IndexedUser[] = [];
  for (const id of memo.dirty) {
    const at = memo.position.get(id);
    if (at !== undefined) users.push(memo.flagged[at] as IndexedUser);
  }
  memo.dirty.clear();
  if (users.length === 0) return;
  const read = await input.read(users);
  let changed = false;
  for (const { user } of users) {
    const id = user.id;
    memo.changes.add(id);
    if (memo.views) memo.views.set(id, read.views.get(id) as UserView);
    if (read.facts.capacity.has(id)) memo.facts.capacity.set(id, read.facts.capacity.get(id));
    const limits = read.facts.quotaLimits.get(id);
    if (limits) memo.facts.quotaLimits.set(id, limits);
    const counts = read.facts.quotaCounts.get(id);
    if (counts) memo.facts.quotaCounts.set(id, counts);
    const at = memo.position.get(id) as number;
    const before = memo.drops[at] ?? null;
    const after = dropOf(input, memo.stateNames, memo.facts, id);
    if (before?.filter !== after?.filter || before?.reason !== after?.reason) {
      memo.drops[at] = after;
      changed = true;
    }
  }
  if (changed) memo.result = rebuild(memo);
}

/** The candidates and filter traces from the flags' part and each flagged user's drop, in pool order. */
function rebuild(memo: Omit<Memo, 'result'>): Eligibility {
  const candidates: string[] = [];
  const dropped = memo.stateNames.map((): { user: string; reason: string }[] => []);
  memo.flagged.forEach(({ user }, i) => {
    const drop = memo.drops[i] ?? null;
    if (drop === null) candidates.push(user.id);
    else (dropped[drop.filter] as { user: string; reason: string }[]).push({ user: user.id, reason: drop.reason });
  });
  const filters = [...memo.flagFilters, ...memo.stateNames.map((filter, i) => ({ filter, dropped: dropped[i] as { user: string; reason: string }[] }))];
  return { candidates, filters, bucket: null, reason: null };
}
