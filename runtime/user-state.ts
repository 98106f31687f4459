// Per-user values the engine keeps in state (`last_assigned_at`, its own
// `open_load` count, the quota counters of the current windows) joined with the
// directory into the UserViews that rules, filters and methods read. Everything
// a decision needs about its users comes in one getMany.
import type { DirectoryIndex, IndexedUser } from './directory-index';
import type { UserView } from './evaluator/context';
import type { ProgramIndex } from './program-index';
import { quotaKeys, type QuotaCounts } from './quotas';
import { keys } from './state-keys';
import type { Transaction } from './state/store';

/** The state-kept facts of a set of users. */
export interface UserState {
  views: Map<string, UserView>;
  /** Quota counts per user, in `settings.quotas` order (empty without quotas). */
  quotaCounts: QuotaCounts;
}

/** The three keys of a user's own state, built once per directory user. */
const userKeys = new WeakMap<IndexedUser, readonly [string, string, string]>();

function keysOf(user: IndexedUser): readonly [string, string, string] {
  let found = userKeys.get(user);
  if (!found) {
    const id = user.user.id;
    found = [keys.lastAssignedAt(id), keys.lastAssignedSeq(id), keys.openLoad(id)];
    userKeys.set(user, found);
  }
  return found;
}

/** Views of `ids` with their state; ids not in the directory are left out. */
export async function loadUserViews(tx: Transaction, dir: DirectoryIndex, ids: readonly string[]): Promise<Map<string, UserView>> {
  return (await loadUserState(tx, dir, null, ids, 0, true)).views;
}

/**
 * Views of `ids` and, with `program`, their quota counts at `now`, in one read;
 * ids not in the directory are left out. Without `withState` the views are the
 * directory's alone (for decisions that read no state-kept value).
 */
export async function loadUserState(
  tx: Transaction,
  dir: DirectoryIndex,
  program: ProgramIndex | null,
  ids: readonly string[],
  now: number,
  withState: boolean,
): Promise<UserState> {
  const known: IndexedUser[] = [];
  for (const id of ids) {
    const user = dir.users.get(id);
    if (user) known.push(user);
  }
  const quotas = program ? quotaKeys(program, now) : null;
  const own = withState ? 3 : 0;
  const per = own + (quotas?.count ?? 0);
  const stateKeys: string[] = new Array(known.length * per);
  known.forEach((user, i) => {
    if (withState) {
      const [last, seq, load] = keysOf(user);
      stateKeys[i * per] = last;
      stateKeys[i * per + 1] = seq;
      stateKeys[i * per + 2] = load;
    }
    if (quotas) quotas.keysOf(user).forEach((key, q) => (stateKeys[i * per + own + q] = key));
  });
  const values = stateKeys.length > 0 ? await tx.getMany(stateKeys) : [];
  const views = new Map<string, UserView>();
  const quotaCounts = new Map<string, number[]>();
  known.forEach((user, i) => {
    const base = user.base;
    if (withState) {
      const last = values[i * per];
      const seq = values[i * per + 1];
      const load = values[i * per + 2];
      views.set(base.id, {
        ...base,
        openLoad: base.openLoad + (typeof load === 'number' ? load : 0),
        lastAssignedAt: typeof last === 'number' ? last : undefined,
        lastAssignedSeq: typeof seq === 'number' ? seq : 0,
      });
    } else views.set(base.id, base);
    if (quotas) {
      const counts: number[] = [];
      for (let q = 0; q < quotas.count; q++) {
        const v = values[i * per + own + q];
        counts.push(typeof v === 'number' ? v : 0);
      }
      quotaCounts.set(base.id, counts);
    }
  });
  return { views, quotaCounts };
}

/** Adds `delta` to a numeric key (missing counts as 0). */
export async function addTo(tx: Transaction, key: string, delta: number): Promise<number> {
  const current = await tx.get(key);
  const next = (typeof current === 'number' ? current : 0) + delta;
  await tx.put(key, next);
  return next;
}
