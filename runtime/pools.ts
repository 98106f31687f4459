// Resolves a rule's `assign` clause to an ordered list of users (RUNTIME.md step
// 4): static lists in the order written, teams and groups in member order (teams
// in the order written, a user in two of them once), dynamic pools and `anyone`
// sorted by user id. Drops unknown and inactive users and, for a team rule,
// non-members, recording each drop for the trace. Users a dynamic `where`
// rejects are counted, not listed (a directory may hold thousands).
//
// Partitions kept per directory version (a new directory is a new
// DirectoryIndex, so they never go stale): a dynamic pool starts from the users
// its directory-only `where` conjuncts let through (one list for every rule with
// the same conjuncts); its keyed conjuncts (`lead.zip in user.service_zips`,
// `user.region == lead.region`) become a map from the record's value to the
// users it lets through; and a pool whose `where` has nothing else to ask (or a
// static pool without one) is resolved once per source list and reused.
import type { DirectoryIndex, IndexedUser } from './directory-index';
import type { EvalContext, UserView, Value } from './evaluator/context';
import type { CompiledRule, PoolIndexSpec } from './program-index';
import type { PoolTrace } from './types';
import { shareJson } from './state/json-copy';

/** The resolved pool. */
export interface ResolvedPool {
  users: string[];
  /** The same users as directory entries, in the same order. */
  entries: IndexedUser[];
  trace: PoolTrace;
  /** True when this result is kept and returned again for later records (nothing per record is evaluated to resolve it). */
  shared: boolean;
}

type Drop = { user: string; reason: string };
type Scalar = string | number | boolean;

/** The users a set of directory-only conjuncts lets through, and its indexes, per directory version. */
interface Partition {
  /** Sorted by id. */
  fixed: readonly IndexedUser[];
  /** The fixed users each scalar lets through, per index spec (built on first use). */
  indexes: WeakMap<PoolIndexSpec, ReadonlyMap<Scalar, readonly IndexedUser[]>>;
}

/** Partitions per directory, by the (program-wide shared) directory-only condition; ALL_USERS for none. */
const partitions = new WeakMap<DirectoryIndex, WeakMap<object, Partition>>();
/** Resolved pools per source list (the lists are per directory) and pool shape; static pools per directory and rule. */
const resolvedBySource = new WeakMap<readonly IndexedUser[], Map<string, ResolvedPool>>();
const resolvedStatic = new WeakMap<DirectoryIndex, WeakMap<CompiledRule, ResolvedPool>>();
const ALL_USERS = {};
const NOBODY: readonly IndexedUser[] = [];

function partitionOf(compiled: CompiledRule, dir: DirectoryIndex): Partition {
  const fixed = compiled.dynamicWhere?.fixed ?? null;
  let byCondition = partitions.get(dir);
  if (!byCondition) partitions.set(dir, (byCondition = new WeakMap()));
  let found = byCondition.get(fixed ?? ALL_USERS);
  if (!found) {
    const ctx: EvalContext = { entity: compiled.rule.entity, record: null, user: null, payload: null, now: 0 };
    found = { fixed: fixed ? dir.sortedUsers.filter((u) => fixed({ ...ctx, user: u.base })) : dir.sortedUsers, indexes: new WeakMap() };
    byCondition.set(fixed ?? ALL_USERS, found);
  }
  return found;
}

function indexOf(partition: Partition, spec: PoolIndexSpec, entity: string): ReadonlyMap<Scalar, readonly IndexedUser[]> {
  let index = partition.indexes.get(spec);
  if (!index) partition.indexes.set(spec, (index = buildIndex(spec, partition.fixed, { entity, record: null, user: null, payload: null, now: 0 })));
  return index;
}

function isScalar(value: Value): value is Scalar {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * The users of `fixed` (in order) per scalar the conjunct holds for: for `equal`
 * the user's value (a list or an unset value equals no scalar), for `member` each
 * item of the user's list (the checker makes the user side of `in` a list).
 */
function buildIndex(key: PoolIndexSpec, fixed: readonly IndexedUser[], ctx: EvalContext): ReadonlyMap<Scalar, readonly IndexedUser[]> {
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
  for (const key of keys) {
    const value = key.record(ctx);
    if (!isScalar(value)) return { users: partition.fixed, keyed: false };
    lists.push(indexOf(partition, key.index, compiled.rule.entity).get(value) ?? NOBODY);
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
 * result is shared between decisions when nothing per record is evaluated: it
 * is frozen then.
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
    let byRule = resolvedStatic.get(dir);
    if (!byRule) resolvedStatic.set(dir, (byRule = new WeakMap()));
    let known = byRule.get(compiled);
    if (!known) byRule.set(compiled, (known = sharedPool(walk(compiled, dir, poolSource(compiled, dir), null, ctx, viewOf))));
    return known;
  }
  const source = dynamicSource(compiled, dir, ctx);
  const split = compiled.dynamicWhere;
  const where = split ? (source.keyed ? split.residual : split.rest) : compiled.poolWhere;
  if (where || source.users.length === 0) return walk(compiled, dir, { users: source.users, missing: [] }, where, ctx, viewOf);
  // What else the walk depends on: the pool kind, whether it has a `where` (the trace counts its rejections), the rule's team.
  const shape = `${rule.pool.kind} ${compiled.poolWhere ? 'where' : ''} ${rule.scope.kind === 'team' ? rule.scope.team : ''}`;
  let byShape = resolvedBySource.get(source.users);
  if (!byShape) resolvedBySource.set(source.users, (byShape = new Map()));
  let known = byShape.get(shape);
  if (!known) byShape.set(shape, (known = sharedPool(walk(compiled, dir, { users: source.users, missing: [] }, null, ctx, viewOf))));
  return known;
}

/** A pool kept between decisions: its trace (and its user list, which the trace holds) frozen and kept by reference by the state's copies (state/json-copy.ts). */
function sharedPool(pool: ResolvedPool): ResolvedPool {
  shareJson(pool.trace);
  return { ...pool, shared: true };
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
  const entries: IndexedUser[] = [];
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
    else {
      users.push(id);
      entries.push(entry);
    }
  }
  ctx.user = null;
  const trace: PoolTrace = { kind: rule.pool.kind, users, dropped };
  if (dynamic && compiled.poolWhere) trace.whereFalse = whereFalse;
  return { users, entries, trace, shared: false };
}
