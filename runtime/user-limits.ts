// The per-user limits the capacity and quota filters compare state with: the
// available capacity (`settings.capacity` minus open_load) and each quota's
// limit. A limit that reads only directory fields is the same at every decision
// under one program and directory, so it is evaluated once per directory user and kept
// (a new directory has new IndexedUsers, so nothing goes stale); a limit that
// reads state-kept values is evaluated on the user's view each time.
import type { Compiled } from './evaluator/compile-expr';
import type { EvalContext, UserView } from './evaluator/context';
import type { IndexedUser, UserMemo } from './directory-index';
import type { ProgramIndex } from './program-index';

/** The limits of the users a decision loaded. */
export interface UserLimits {
  /** Available capacity (capacity − open_load) per user; undefined: no limit. */
  capacity: Map<string, number | undefined>;
  /** Quota limits per user, in `settings.quotas` order; undefined: no cap. */
  quotaLimits: Map<string, readonly (number | undefined)[]>;
}

function asLimit(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function evaluate(expr: Compiled, view: UserView, ctx: EvalContext): number | undefined {
  ctx.user = view;
  return asLimit(expr(ctx));
}

/** The user's directory-only limits under `program` (undefined where a limit reads state, or is unset), kept with the user. */
function kept(program: ProgramIndex, user: IndexedUser, ctx: EvalContext): NonNullable<UserMemo['limits']> {
  const known = user.memo.limits;
  if (known?.program === program) return known;
  const { capacity } = program;
  return (user.memo.limits = {
    program,
    capacity: capacity && program.capacityDirectoryOnly ? evaluate(capacity, user.base, ctx) : undefined,
    quotas: program.quotas.map((q) => (q.directoryOnly ? evaluate(q.limit, user.base, ctx) : undefined)),
  });
}

/**
 * The limits of `users`; capacity only
 * when `withCapacity` (the views then hold the users' open_load). `ctx.user` is
 * reset to null afterwards.
 */
export function userLimits(
  program: ProgramIndex,
  ctx: EvalContext,
  users: readonly IndexedUser[],
  views: ReadonlyMap<string, UserView>,
  withCapacity: boolean,
): UserLimits {
  const capacity = new Map<string, number | undefined>();
  const quotaLimits = new Map<string, readonly (number | undefined)[]>();
  const { quotas } = program;
  const cap = withCapacity ? program.capacity : null;
  const quotasPerDecision = quotas.some((q) => !q.directoryOnly);
  for (const user of users) {
    const id = user.user.id;
    const view = cap || quotasPerDecision ? (views.get(id) ?? user.base) : user.base;
    const limits = kept(program, user, ctx);
    if (cap) {
      const limit = program.capacityDirectoryOnly ? limits.capacity : evaluate(cap, view, ctx);
      capacity.set(id, limit === undefined ? undefined : limit - view.openLoad);
    }
    if (quotas.length > 0) {
      const own = limits.quotas;
      quotaLimits.set(id, quotasPerDecision ? quotas.map((q, i) => (q.directoryOnly ? own[i] : evaluate(q.limit, view, ctx))) : own);
    }
  }
  ctx.user = null;
  return { capacity, quotaLimits };
}
