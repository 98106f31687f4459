// Resolves a rule's `assign` clause to an ordered list of users (RUNTIME.md step
// 4): static lists in the order written, teams and groups in member order (teams
// in the order written, a user in two of them once), dynamic pools and `anyone`
// sorted by user id (a dynamic pool starting from the users its directory-only
// `where` conjuncts let through, kept per directory version). Drops unknown and inactive users and, for a team rule,
// non-members, recording each drop for the trace. Users a dynamic `where`
// rejects are counted, not listed (a directory may hold thousands).
import type { DirectoryIndex, IndexedUser } from './directory-index';
import type { EvalContext, UserView } from './evaluator/context';
import type { CompiledRule } from './program-index';
import type { PoolTrace } from './types';

/** The resolved pool. */
export interface ResolvedPool {
  users: string[];
  trace: PoolTrace;
}

type Drop = { user: string; reason: string };

/** Per directory version and rule: the users a dynamic pool's directory-only `where` conjuncts let through, sorted by id. */
const fixedPools = new WeakMap<DirectoryIndex, WeakMap<CompiledRule, readonly IndexedUser[]>>();

function fixedPool(compiled: CompiledRule, dir: DirectoryIndex): readonly IndexedUser[] {
  const split = compiled.dynamicWhere;
  if (!split) return dir.sortedUsers;
  let byRule = fixedPools.get(dir);
  if (!byRule) fixedPools.set(dir, (byRule = new WeakMap()));
  let users = byRule.get(compiled);
  if (!users) {
    const ctx: EvalContext = { entity: compiled.rule.entity, record: null, user: null, payload: null, now: 0 };
    users = dir.sortedUsers.filter((u) => split.fixed({ ...ctx, user: u.base }));
    byRule.set(compiled, users);
  }
  return users;
}

/**
 * The users a pool draws from before the per-record part of its `where`, in pool
 * order, with the ids the directory lacks. A dynamic pool starts from the users
 * its directory-only conjuncts let through (computed once per directory).
 */
export function poolSource(compiled: CompiledRule, dir: DirectoryIndex): { users: readonly IndexedUser[]; missing: Drop[] } {
  const { rule } = compiled;
  const pool = rule.pool;
  if (pool.kind === 'dynamic' || pool.kind === 'anyone') return { users: fixedPool(compiled, dir), missing: [] };
  const ids =
    pool.kind === 'users'
      ? pool.users
      : (pool.kind === 'teams' ? pool.teams.map((t) => dir.teams.get(t)) : pool.groups.map((g) => dir.groups.get(g))).flatMap(
          (members) => members ?? [],
        );
  const users: IndexedUser[] = [];
  const missing: Drop[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    const user = dir.users.get(id);
    if (user) users.push(user);
    else missing.push({ user: id, reason: 'not in directory' });
  }
  return { users, missing };
}

/**
 * Resolves the pool of `compiled` for one record. `viewOf` gives the view the
 * `where` sees for a user; `ctx` is reused with `user` set per candidate.
 */
export function resolvePool(
  compiled: CompiledRule,
  dir: DirectoryIndex,
  ctx: EvalContext,
  viewOf: (user: IndexedUser) => UserView,
): ResolvedPool {
  const { rule } = compiled;
  const { users: source, missing } = poolSource(compiled, dir);
  const dynamic = rule.pool.kind === 'dynamic' || rule.pool.kind === 'anyone';
  const poolWhere = compiled.dynamicWhere ? compiled.dynamicWhere.rest : compiled.poolWhere;
  const team = rule.scope.kind === 'team' ? rule.scope.team : null;
  const teamMembers = team === null ? null : new Set(dir.teams.get(team) ?? []);
  const dropped: Drop[] = [...missing];
  const users: string[] = [];
  let whereFalse = dynamic ? dir.sortedUsers.length - source.length : 0;
  for (const entry of source) {
    const id = entry.user.id;
    if (poolWhere) {
      ctx.user = viewOf(entry);
      if (!poolWhere(ctx)) {
        if (dynamic) whereFalse++;
        else dropped.push({ user: id, reason: '`where` is false' });
        continue;
      }
    }
    if (!entry.user.active) dropped.push({ user: id, reason: 'inactive' });
    else if (teamMembers && !teamMembers.has(id)) dropped.push({ user: id, reason: `not in team \`${team}\`` });
    else users.push(id);
  }
  ctx.user = null;
  const trace: PoolTrace = { kind: rule.pool.kind, users, dropped };
  if (dynamic && compiled.poolWhere) trace.whereFalse = whereFalse;
  return { users, trace };
}
