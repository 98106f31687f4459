// Applies a suite's `given` to the directory and to state. The directory is merged
// in its file form (the JSON that directory.yaml parses to), so the directory
// loader validates the result exactly as it validates the file: teams and groups by
// name (members replaced), then users by id with a shallow merge of `fields` (a new
// `teams` list moves the user between teams), workdays and holidays by key.
import type { UserStateOverrides } from '../runtime/types';
import type { GivenInput } from './suite-schema';
import { parseIsoTime } from '../compiler/values';

/** A directory in its file form (DIRECTORY.md), as parsed from YAML or JSON. */
export type RawDirectory = Record<string, unknown>;

type RawEntry = Record<string, unknown>;

/** True when `given` changes the directory (anything besides `state`). */
export function changesDirectory(given: GivenInput | undefined): boolean {
  return given !== undefined && Object.keys(given).some((key) => key !== 'state');
}

/** A new raw directory with `given` merged in; `raw` is left unchanged. */
export function mergeGiven(raw: RawDirectory, given: GivenInput): RawDirectory {
  const next = structuredClone(raw);
  for (const section of ['teams', 'groups'] as const) {
    for (const [name, { members }] of Object.entries(given[section] ?? {})) {
      const list = entries(next, section);
      const index = list.findIndex((t) => t.name === name);
      if (index < 0) list.push({ name, members });
      else list[index] = { ...list[index], members };
      next[section] = list;
    }
  }
  for (const [id, override] of Object.entries(given.users ?? {})) {
    const users = entries(next, 'users');
    const index = users.findIndex((u) => u.id === id);
    if (index < 0) continue;
    const user = users[index]!;
    const fields = { ...asEntry(user.fields), ...override.fields };
    users[index] = { ...user, ...override, fields };
    if (override.teams) moveToTeams(next, id, override.teams);
    next.users = users;
  }
  if (given.workdays) next.workdays = { ...asEntry(next.workdays), ...given.workdays };
  if (given.holidays) next.holidays = { ...asEntry(next.holidays), ...given.holidays };
  return next;
}

/** Keeps `teams[].members` in agreement with a user's new `teams` list: joins at the end, leaves elsewhere. */
function moveToTeams(raw: RawDirectory, id: string, teams: string[]): void {
  const list = entries(raw, 'teams').map((team) => {
    const members = Array.isArray(team.members) ? team.members.map(String) : [];
    const wanted = teams.includes(String(team.name));
    const has = members.includes(id);
    if (wanted && !has) return { ...team, members: [...members, id] };
    if (!wanted && has) return { ...team, members: members.filter((m) => m !== id) };
    return team;
  });
  raw.teams = list;
}

/** The state part of `given` as engine overrides; times are read in `timezone` (already validated). */
export function stateOverrides(given: GivenInput | undefined, timezone: string): UserStateOverrides | null {
  const state = given?.state;
  if (!state) return null;
  const overrides: UserStateOverrides = {};
  if (state.last_assigned_at) {
    overrides.lastAssignedAt = {};
    for (const [id, text] of Object.entries(state.last_assigned_at)) {
      const ms = parseIsoTime(text, timezone);
      if (ms !== null) overrides.lastAssignedAt[id] = ms;
    }
  }
  if (state.open_load) overrides.openLoad = { ...state.open_load };
  return overrides;
}

/** Two sets of overrides as one; `later` wins per user. */
export function mergeState(earlier: UserStateOverrides | null, later: UserStateOverrides | null): UserStateOverrides | null {
  if (!earlier || !later) return later ?? earlier;
  const merged: UserStateOverrides = {};
  if (earlier.lastAssignedAt || later.lastAssignedAt) {
    merged.lastAssignedAt = { ...earlier.lastAssignedAt, ...later.lastAssignedAt };
  }
  if (earlier.openLoad || later.openLoad) merged.openLoad = { ...earlier.openLoad, ...later.openLoad };
  return merged;
}

function entries(raw: RawDirectory, section: string): RawEntry[] {
  const list = raw[section];
  return Array.isArray(list) ? list.filter((e): e is RawEntry => typeof e === 'object' && e !== null) : [];
}

function asEntry(value: unknown): RawEntry {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as RawEntry) : {};
}
