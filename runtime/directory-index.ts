// Indexes over a loaded directory, built once per directory (setDirectory
// rebuilds them): users by id, team and group member lists in member order, and
// every user sorted by id for dynamic pools. Each user also carries its base
// UserView (directory values; the engine adds state-kept values per decision).
import type { Directory, DirectoryUser, Workday } from '../compiler/directory/model';
import type { UserView, Value } from './evaluator/context';

/** A directory user with the view rules read. */
export interface IndexedUser {
  user: DirectoryUser;
  /** Directory values only: `openLoad` is the directory's reported load, `lastAssignedAt` unset. */
  base: UserView;
  /** What decisions derive from the user alone, kept with it on first use (user-state.ts, quotas.ts, user-limits.ts). */
  memo: UserMemo;
}

/** Per-user values derived once per directory version. */
export interface UserMemo {
  /** The keys of the user's own state: last_assigned_at, its sequence, open_load. */
  ownKeys?: readonly [string, string, string];
  /** The quota counter keys of the windows last asked about, with those windows. */
  quotaKeys?: { windows: string; keys: readonly string[] };
  /** The directory-only capacity and quota limits under the program last asked about. */
  limits?: { program: object; capacity: number | undefined; quotas: readonly (number | undefined)[] };
}

/** The directory, indexed. */
export interface DirectoryIndex {
  directory: Directory;
  users: ReadonlyMap<string, IndexedUser>;
  /** Every user, sorted by id (the order of dynamic pools). */
  sortedUsers: readonly IndexedUser[];
  /** Every user's base view by id (the views of a decision that reads no state-kept value). */
  baseViews: ReadonlyMap<string, UserView>;
  teams: ReadonlyMap<string, readonly string[]>;
  groups: ReadonlyMap<string, readonly string[]>;
  /** The workday of a user, or null (always working). */
  workdayOf(user: DirectoryUser): Workday | null;
  /** The holiday dates of a user, or null (none). */
  holidaysOf(user: DirectoryUser): readonly string[] | null;
}

/** Builds the indexes of a directory. */
export function indexDirectory(directory: Directory): DirectoryIndex {
  const users = new Map<string, IndexedUser>();
  for (const user of directory.users) users.set(user.id, { user, base: baseView(user), memo: {} });
  const sortedUsers = [...users.values()].sort((a, b) => compareIds(a.user.id, b.user.id));
  return {
    directory,
    users,
    sortedUsers,
    baseViews: new Map([...users].map(([id, user]) => [id, user.base])),
    teams: new Map(directory.teams.map((t) => [t.name, t.members])),
    groups: new Map(directory.groups.map((g) => [g.name, g.members])),
    workdayOf: (user) => (user.workday === null ? null : (directory.workdays[user.workday] ?? null)),
    holidaysOf: (user) => (user.holidays === null ? null : (directory.holidays[user.holidays] ?? null)),
  };
}

/** Orders user ids by UTF-16 code units (stable across platforms and locales). */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function baseView(user: DirectoryUser): UserView {
  return {
    id: user.id,
    name: user.name,
    teams: user.teams,
    openLoad: user.openLoad,
    lastAssignedAt: undefined,
    lastAssignedSeq: 0,
    fields: user.fields as Record<string, Value>,
  };
}
