// Resolves a rule's `assign` clause to an ordered list of users (RUNTIME.md step
// 4): static lists in the order written, teams and groups in member order (teams
// in the order written, a user in two of them once), dynamic pools and `anyone`
// sorted by user id. Drops unknown and inactive users and, for a team rule,
// non-members, recording each drop for the trace. Users a dynamic `where`
// rejects are counted, not listed (a directory may hold thousands).
//
// Partitions kept per directory version (a new directory is a new
// DirectoryIndex, so they never go stale): a dynamic pool starts from the users
// its directory-only `where` conjuncts let through; its keyed conjuncts
// (`lead.zip in user.service_zips`, `user.region == lead.region`) become a map
// from the record's value to the users it lets through; and a pool whose `where`
// has nothing else to ask (or a static pool without one) is resolved once per
// value and reused.
import type { DirectoryIndex, IndexedUser } from './directory-index';
import type { EvalContext, UserView, Value } from './evaluator/context';
import type { CompiledRule, PoolKey } from './program-index';
import type { PoolTrace } from './types';

/** The resolved pool. */
export interface ResolvedPool {
  users: string[];
  trace: PoolTrace;
}

type Drop = { user: string; reason: string };
type Scalar = string | number | boolean;

/** What one rule's pool keeps per directory version. */
interface Partition {
  /** The users the directory-only conjuncts let through, sorted by id. */
  fixed: readonly IndexedUser[];
  /** Per keyed conjunct: the fixed users each record value lets through. */
  keys: readonly ReadonlyMap<Scalar, readonly IndexedUser[]>[];
  /** Resolved pools by source (the fixed users or a keyed lookup), when nothing per record is left to evaluate. */
  resolved: WeakMap<readonly IndexedUser[], ResolvedPool>;
}

const partitions = new WeakMap<DirectoryIndex, WeakMap<CompiledRule, Partition>>();
const NOBODY: readonly IndexedUser[] = [];

function partitionOf(compiled: CompiledRule, dir: DirectoryIndex): Partition {
  let byRule = partitions.get(dir);
  if (!byRule) partitions.set(dir, (byRule = new WeakMap()));
  let found = byRule.get(compiled);
  if (!found) {
    const split = compiled.dynamicWhere;
    const ctx: EvalContext = { entity: compiled.rule.entity, record: null, user: null, payload: null, now: 0 };
    const fixed = split?.fixed ? dir.sortedUsers.filter((u) => (split.fixed as (c: EvalContext) => boolean)({ ...ctx, user: u.base })) : dir.sortedUsers;
    const keys = (split?.keys ?? []).map((key) => indexKey(key, fixed, ctx));
    found = { fixed, keys, resolved: new WeakMap() };
    byRule.set(compiled, found);
  }
  return found;
}

function isScalar(value: Value): value is Scalar {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * The users of `fixed` (in order) per scalar the conjunct holds for: for `equal`
 * the user's value (a list or an unset value equals no scalar), for `member` each
 * item of the user's list (the checker makes the user side of `in` a list).
 */
function indexKey(key: PoolKey, fixed: readonly IndexedUser[], ctx: EvalContext): ReadonlyMap<Scalar, readonly IndexedUser[]> {
  const index = new Map<Scalar, IndexedUser[]>();
  const add = (value: Scalar, user: IndexedUser) => {
    const list = index.get(value);
    if (!list) index.set(value, [user]);
    else if (list[list.length - 1] !== user) list.push(user);
  };
  for (const user of fixed) {
    const value = key.user({ ...ctx, user: user.base });
    if (key.kind === 'equal') {
      if (isScalar(value)) add(value, user);
    } else if (Array.isArray(value)) {
      for (const item of value) if (isScalar(item)) add(item, user);
    }
  }
  return index;
}

/**
 * The users a dynamic pool draws from for the record of `ctx`, and whether its
 * keyed conjuncts were answered by the index (then only `residual` is left to
 * evaluate; otherwise all of `rest`).
 */
function dynamicSource(compiled: CompiledRule, dir: DirectoryIndex, ctx: EvalContext): { users: readonly IndexedUser[]; keyed: boolean } {
  const partition = partitionOf(compiled, dir);
  const keys = compiled.dynamicWhere?.keys ?? [];
  if (keys.length === 0) return { users: partition.fixed, keyed: false };
  const lists: (readonly IndexedUser[])[] = [];
  for (const [i, key] of keys.entries()) {
    const value = key.record(ctx);
    if (!isScalar(value)) return { users: partition.fixed, keyed: false };
    lists.push(partition.keys[i]?.get(value) ?? NOBODY);
  }
  if (lists.length === 1) return { users: lists[0] as readonly IndexedUser[], keyed: true };
  const others = lists.slice(1).map((l) => new Set(l));
  return { users: (lists[0] as readonly IndexedUser[]).filter((u) => others.every((s) => s.has(u))), keyed: true };
}

/**
 * The users a pool draws from before the per-record part of its `where`, in pool
 * order, with the ids the directory lacks. A dynamic pool starts from the users
 * its directory-only conjuncts let through (computed once per directory).
 */
export function poolSource(compiled: CompiledRule, dir: DirectoryIndex): { users: readonly IndexedUser[]; missing: Drop[] } {
  const { rule } = compiled;
  const pool = rule.pool;
  if (pool.kind === 'dynamic' || pool.kind === 'anyone') return { users: partitionOf(compiled, dir).fixed, missing: [] };
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
 * `where` sees for a user; `ctx` is reused with `user` set per candidate. The
 * result is shared between decisions when nothing per record is evaluated: its
 * callers never change it.
 */
export function resolvePool(
  compiled: CompiledRule,
  dir: DirectoryIndex,
  ctx: EvalContext,
  viewOf: (user: IndexedUser) => UserView,
): ResolvedPool {
  const { rule } = compiled;
  const dynamic = rule.pool.kind === 'dynamic' || rule.pool.kind === 'anyone';
  if (!dynamic) {
    if (compiled.poolWhere) return walk(compiled, dir, poolSource(compiled, dir), compiled.poolWhere, ctx, viewOf);
    const partition = partitionOf(compiled, dir);
    let known = partition.resolved.get(NOBODY);
    if (!known) partition.resolved.set(NOBODY, (known = walk(compiled, dir, poolSource(compiled, dir), null, ctx, viewOf)));
    return known;
  }
  const source = dynamicSource(compiled, dir, ctx);
  const split = compiled.dynamicWhere;
  const where = split ? (source.keyed ? split.residual : split.rest) : compiled.poolWhere;
  if (where) return walk(compiled, dir, { users: source.users, missing: [] }, where, ctx, viewOf);
  const partition = partitionOf(compiled, dir);
  let known = partition.resolved.get(source.users);
  if (!known) partition.resolved.set(source.users, (known = walk(compiled, dir, { users: source.users, missing: [] }, null, ctx, viewOf)));
  return known;
}

/** The pool from `source`: `where` (if any) on each user, then inactive users and, for a team rule, non-members dropped. */
function walk(
  compiled: CompiledRule,
  dir: DirectoryIndex,
  source: { users: readonly IndexedUser[]; missing: Drop[] },
  where: ((ctx: EvalContext) => boolean) | null,
  ctx: EvalContext,
  viewOf: (user: IndexedUser) => UserView,
): ResolvedPool {
  const { rule } = compiled;
  const dynamic = rule.pool.kind === 'dynamic' || rule.pool.kind === 'anyone';
  const team = rule.scope.kind === 'team' ? rule.scope.team : null;
  const teamMembers = team === null ? null : new Set(dir.teams.get(team) ?? []);
  const dropped: Drop[] = [...source.missing];
  const users: string[] = [];
  let whereFalse = dynamic ? dir.sortedUsers.length - source.users.length : 0;
  for (const entry of source.users) {
    const id = entry.user.id;
    if (where) {
      ctx.user = viewOf(entry);
      if (!where(ctx)) {
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
