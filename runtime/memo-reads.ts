// The users' state as the eligibility memos (eligibility-memo.ts) read it,
// shared by all of them. A user's state is written at an assignment and read
// again by every memo whose pool holds the user (dozens, for users in many
// pools); here it is read once, and each memo takes it from what was read.
// What is kept for a user holds until a commit writes the user's state (the
// memos' commit feed drops it then), the quota windows move on (the user's
// quota keys change), or the directory changes (new memos, new reads). It is
// kept only while no capacity or quota limit reads the clock, as the memos are.
import type { DirectoryIndex, IndexedUser } from './directory-index';
import type { UsersState } from './eligibility-memo';
import type { UserView } from './evaluator/context';
import type { ProgramIndex } from './program-index';
import { quotaKeys } from './quotas';

/** One user's state as read: the view, and each fact only where the read gave one. */
interface KnownUser {
  /** The user's quota keys when read (the windows then); null without quotas. */
  windows: readonly string[] | null;
  view: UserView | undefined;
  capacity: { value: number | undefined } | null;
  quotaLimits: readonly (number | undefined)[] | undefined;
  quotaCounts: readonly number[] | undefined;
}

/** Reads of the users' state shared by the memos of one directory version. */
export class MemoReads {
  /** By whether the rule reads state-kept values (the reads differ), then by user. */
  private readonly known = [new Map<string, KnownUser>(), new Map<string, KnownUser>()] as const;

  constructor(private readonly dir: DirectoryIndex) {}

  /** A commit wrote the state of `user`. */
  forget(user: string): void {
    this.known[0].delete(user);
    this.known[1].delete(user);
  }

  /**
   * The state of `users` at `now`: what was read before where it still holds,
   * the rest read by `read` (one call) and kept.
   */
  async read(
    program: ProgramIndex,
    readsUserState: boolean,
    users: readonly IndexedUser[],
    now: number,
    read: (users: readonly IndexedUser[]) => Promise<UsersState>,
  ): Promise<UsersState> {
    if (program.limitsReadClock) return read(users);
    const known = this.known[readsUserState ? 1 : 0];
    const quotas = quotaKeys(program, now);
    const missing: IndexedUser[] = [];
    const missingWindows: (readonly string[] | null)[] = [];
    for (const user of users) {
      const windows = quotas ? quotas.keysOf(user) : null;
      const held = known.get(user.user.id);
      if (!held || held.windows !== windows) {
        missing.push(user);
        missingWindows.push(windows);
      }
    }
    const fresh = missing.length > 0 ? await read(missing) : null;
    if (fresh) {
      for (const [i, user] of missing.entries()) {
        const id = user.user.id;
        known.set(id, {
          windows: missingWindows[i] as readonly string[] | null,
          view: fresh.views.get(id),
          capacity: fresh.facts.capacity.has(id) ? { value: fresh.facts.capacity.get(id) } : null,
          quotaLimits: fresh.facts.quotaLimits.get(id),
          quotaCounts: fresh.facts.quotaCounts.get(id),
        });
      }
      // Every user was just read: the read's own answer, as it is.
      if (missing.length === users.length) return fresh;
    }
    const views = new Map<string, UserView>();
    const capacity = new Map<string, number | undefined>();
    const quotaLimits = new Map<string, readonly (number | undefined)[]>();
    const quotaCounts = new Map<string, readonly number[]>();
    for (const user of users) {
      const id = user.user.id;
      const held = known.get(id) as KnownUser;
      if (readsUserState && held.view) views.set(id, held.view);
      if (held.capacity) capacity.set(id, held.capacity.value);
      if (held.quotaLimits) quotaLimits.set(id, held.quotaLimits);
      if (held.quotaCounts) quotaCounts.set(id, held.quotaCounts);
    }
    // Without state-kept values, a read's views are the directory's own.
    return { views: readsUserState ? views : this.dir.baseViews, facts: { capacity, quotaLimits, quotaCounts } };
  }
}
