// The per-user limits the capacity and quota filters compare state with: the
// available capacity (`settings.capacity` minus open_load) and each quota's
// limit. A limit that reads only directory fields is the same at every decision
// under one directory, so it is evaluated once per directory user and kept
// (a new directory has new IndexedUsers, so nothing goes stale); a limit that
// reads state-kept values is evaluated on the user's view each time.
import type { Compiled } from './evaluator/compile-expr';
import type { EvalContext, UserView } from './evaluator/context';
import type { DirectoryIndex, IndexedUser } from './directory-index';
import type { ProgramIndex } from './program-index';

/** The limits of the users a decision loaded. */
export interface UserLimits {
  /** Available capacity (capacity − open_load) per user; undefined: no limit. */
  capacity: Map<string, number | undefined>;
  /** Quota limits per user, in `settings.quotas` order; undefined: no cap. */
  quotaLimits: Map<string, (number | undefined)[]>;
}

/** Directory-only values per compiled expression and directory user. */
const kept = new WeakMap<Compiled, WeakMap<IndexedUser, number | undefined>>();

function asLimit(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** `expr` for `user`: from the directory user's kept value when `directoryOnly`, else on `view`. */
function limitOf(expr: Compiled, directoryOnly: boolean, user: IndexedUser, view: UserView, ctx: EvalContext): number | undefined {
  if (!directoryOnly) {
    ctx.user = view;
    return asLimit(expr(ctx));
  }
  let byUser = kept.get(expr);
  if (!byUser) kept.set(expr, (byUser = new WeakMap()));
  if (byUser.has(user)) return byUser.get(user);
  ctx.user = user.base;
  const value = asLimit(expr(ctx));
  byUser.set(user, value);
  return value;
}

/**
 * The limits of `users` (ids the directory lacks are left out); capacity only
 * when `withCapacity` (the views then hold the users' open_load). `ctx.user` is
 * reset to null afterwards.
 */
export function userLimits(
  program: ProgramIndex,
  dir: DirectoryIndex,
  ctx: EvalContext,
  users: readonly string[],
  views: ReadonlyMap<string, UserView>,
  withCapacity: boolean,
): UserLimits {
  const capacity = new Map<string, number | undefined>();
  const quotaLimits = new Map<string, (number | undefined)[]>();
  const { quotas } = program;
  const cap = withCapacity ? program.capacity : null;
  for (const id of users) {
    const user = dir.users.get(id);
    if (!user) continue;
    const view = views.get(id) ?? user.base;
    if (cap) {
      const limit = limitOf(cap, program.capacityDirectoryOnly, user, view, ctx);
      capacity.set(id, limit === undefined ? undefined : limit - view.openLoad);
    }
    if (quotas.length > 0) quotaLimits.set(id, quotas.map((q) => limitOf(q.limit, q.directoryOnly, user, view, ctx)));
  }
  ctx.user = null;
  return { capacity, quotaLimits };
}
