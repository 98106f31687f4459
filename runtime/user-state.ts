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
  /** Views of the users loaded; without state, every directory user's base view. */
  views: ReadonlyMap<string, UserView>;
  /** Quota counts per user, in `settings.quotas` order (empty without quotas). */
  quotaCounts: QuotaCounts;
}

/** The three keys of a user's own state, built once per directory user. */
function keysOf(user: IndexedUser): readonly [string, string, string] {
  const id = user.user.id;
  return (user.memo.ownKeys ??= [keys.lastAssignedAt(id), keys.lastAssignedSeq(id), keys.openLoad(id)]);
}

/** Views of `users` with their state. */
export async function loadUserViews(tx: Transaction, dir: DirectoryIndex, users: readonly IndexedUser[]): Promise<ReadonlyMap<string, UserView>> {
  return (await loadUserState(tx, dir, null, users, 0, true)).views;
}

function numberOr(value: unknown, otherwise: number): number {
  return typeof value === 'number' ? value : otherwise;
}

/**
 * Views of `users` and, with `program`, their quota counts at `now`, in one
 * read. Without `withState` the views are the directory's alone (for decisions
 * that read no state-kept value).
 */
export async function loadUserState(
  tx: Transaction,
  dir: DirectoryIndex,
  program: ProgramIndex | null,
  known: readonly IndexedUser[],
  now: number,
  withState: boolean,
): Promise<UserState> {
  const quotas = program ? quotaKeys(program, now) : null;
  const quotaCount = quotas?.count ?? 0;
  if (!withState && quotaCount === 0) return { views: dir.baseViews, quotaCounts: new Map() };
  const own = withState ? 3 : 0;
  const per = own + quotaCount;
  const stateKeys: string[] = new Array(known.length * per);
  let at = 0;
  for (const user of known) {
    if (withState) {
      const [last, seq, load] = keysOf(user);
      stateKeys[at++] = last;
      stateKeys[at++] = seq;
      stateKeys[at++] = load;
    }
    if (quotas) for (const key of quotas.keysOf(user)) stateKeys[at++] = key;
  }
  const values = stateKeys.length > 0 ? await tx.getMany(stateKeys) : [];
  const views = withState ? new Map<string, UserView>() : null;
  const quotaCounts = new Map<string, number[]>();
  at = 0;
  for (const user of known) {
    const base = user.base;
    if (views) {
      const last = values[at++];
      const seq = values[at++];
      const load = values[at++];
      // Every field written out, in the base view's order, so that all views share one shape.
      views.set(base.id, {
        id: base.id,
        name: base.name,
        teams: base.teams,
        openLoad: base.openLoad + numberOr(load, 0),
        lastAssignedAt: typeof last === 'number' ? last : undefined,
        lastAssignedSeq: numberOr(seq, 0),
        fields: base.fields,
      });
    }
    if (quotaCount > 0) {
      const counts: number[] = new Array(quotaCount);
      for (let q = 0; q < quotaCount; q++) counts[q] = numberOr(values[at++], 0);
      quotaCounts.set(base.id, counts);
    }
  }
  return { views: views ?? dir.baseViews, quotaCounts };
}

/** Adds `delta` to a numeric key (missing counts as 0). */
export async function addTo(tx: Transaction, key: string, delta: number): Promise<number> {
  const current = await tx.get(key);
  const next = (typeof current === 'number' ? current : 0) + delta;
  await tx.put(key, next);
  return next;
}
