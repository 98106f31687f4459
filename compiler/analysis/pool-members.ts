// Who can ever be assigned by a rule, as far as the directory file decides it:
// the pool's users (static lists, teams, groups; every user for `users where` and
// `anyone`, an upper bound), less those the rule can never pick: inactive users,
// users outside its `scope team`, and for `require workday` users whose workday
// has no working hours, for `require capacity` users whose capacity is no more
// than the open load the directory gives them. States that change during the day
// (`checked_in`, status, leave, holidays) are not judged.
import type { Directory, DirectoryUser } from '../directory/model';
import type { Expr, Program, Rule } from '../ir';

/** Why users of a pool can never be picked, by user id. */
export interface PoolMembers {
  /** Users the pool names or reaches, before any check. */
  listed: string[];
  /** Those who can take records. */
  members: DirectoryUser[];
  inactive: string[];
  outsideTeam: string[];
  neverWorks: string[];
  noCapacity: string[];
}

/** The directory by name. */
export interface DirectoryNames {
  users: ReadonlyMap<string, DirectoryUser>;
  teams: ReadonlyMap<string, readonly string[]>;
  groups: ReadonlyMap<string, readonly string[]>;
}

/** Indexes a directory by user id and team and group name. */
export function directoryNames(directory: Directory): DirectoryNames {
  return {
    users: new Map(directory.users.map((u) => [u.id, u])),
    teams: new Map(directory.teams.map((t) => [t.name, t.members])),
    groups: new Map(directory.groups.map((g) => [g.name, g.members])),
  };
}

/** The users a rule's pool reaches, in order, without repeats. */
function listedUsers(rule: Rule, dir: Directory, names: DirectoryNames): string[] {
  const pool = rule.pool;
  const ids =
    pool.kind === 'users'
      ? pool.users
      : pool.kind === 'teams'
        ? pool.teams.flatMap((t) => names.teams.get(t) ?? [])
        : pool.kind === 'groups'
          ? pool.groups.flatMap((g) => names.groups.get(g) ?? [])
          : dir.users.map((u) => u.id);
  return [...new Set(ids)];
}

/** Who of a rule's pool can ever take a record, and why the others cannot. */
export function poolMembers(program: Program, rule: Rule, dir: Directory, names: DirectoryNames): PoolMembers {
  const out: PoolMembers = { listed: listedUsers(rule, dir, names), members: [], inactive: [], outsideTeam: [], neverWorks: [], noCapacity: [] };
  const team = rule.scope.kind === 'team' ? new Set(names.teams.get(rule.scope.team) ?? []) : null;
  const flags = new Set(rule.require.map((r) => r.flag));
  for (const id of out.listed) {
    const user = names.users.get(id);
    if (!user) continue;
    if (!user.active) out.inactive.push(id);
    else if (team && !team.has(id)) out.outsideTeam.push(id);
    else if (flags.has('workday') && neverWorks(user, dir)) out.neverWorks.push(id);
    else if (flags.has('capacity') && noCapacity(user, program.settings.capacity)) out.noCapacity.push(id);
    else out.members.push(user);
  }
  return out;
}

function neverWorks(user: DirectoryUser, dir: Directory): boolean {
  if (user.workday === null || !Object.prototype.hasOwnProperty.call(dir.workdays, user.workday)) return false;
  const days = dir.workdays[user.workday]!.days;
  return Object.values(days).every((intervals) => (intervals ?? []).length === 0);
}

function noCapacity(user: DirectoryUser, capacity: Expr | null): boolean {
  const limit = capacity ? userNumber(user, capacity) : undefined;
  return limit !== undefined && limit - user.openLoad <= 0;
}

/** A whole number or a `user.` number field of this user; undefined when the user has no value (no limit). */
export function userNumber(user: DirectoryUser, limit: Expr): number | undefined {
  if (limit.op === 'lit') return typeof limit.value === 'number' ? limit.value : undefined;
  if (limit.op !== 'field' || limit.entity !== 'user' || limit.path.length !== 1) return undefined;
  const name = limit.path[0]!;
  const value = Object.prototype.hasOwnProperty.call(user.fields, name) ? user.fields[name] : undefined;
  return typeof value === 'number' ? value : undefined;
}
