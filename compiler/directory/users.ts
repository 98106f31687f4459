// Reads the `users` list: every key of a user, its defaults (DIRECTORY.md), its
// leave in its own zone and its fields against `schema user`. References to teams,
// workdays and calendars are checked afterwards (cross-checks.ts).
import type { FieldType } from '../ir';
import { MAX_ID_LENGTH } from '../../language/limits';
import { isValidTimeZone } from '../values';
import { describeRaw, type IssueList } from './issues';
import { readLeave } from './leave';
import { isMapping, MappingReader } from './mapping-reader';
import type { DirectoryUser, UserStatus, Workday } from './model';
import { readUserFields } from './user-fields';

const USER_KEYS = [
  'id',
  'name',
  'teams',
  'active',
  'status',
  'checked_in',
  'workday',
  'holidays',
  'leave',
  'open_load',
  'fields',
] as const;
const STATUSES: readonly UserStatus[] = ['available', 'away', 'busy', 'offline'];

/** What the loader needs about a directory's settings. */
export interface DirectoryContext {
  /** `schema user`'s fields; null: no schema, fields are not checked. */
  userSchema: Record<string, FieldType> | null;
  /** `settings.timezone`: local times of users without a workday zone. */
  timezone: string;
}

/** A read user and where it came from. */
export interface UserDraft {
  user: DirectoryUser;
  /** Index in `users`. */
  index: number;
  /** False when the user has no `teams` key: its teams then come from `teams[].members`. */
  listsTeams: boolean;
}

/** Reads every user; users without a usable `id` are reported and left out. */
export function readUsers(
  raw: unknown,
  ctx: DirectoryContext,
  workdays: ReadonlyMap<string, Workday>,
  issues: IssueList,
): UserDraft[] {
  if (!Array.isArray(raw)) {
    const message = `\`users\` must be a list of users; got ${describeRaw(raw)}`;
    if (raw !== undefined) issues.report('DIST502', ['users'], message);
    return [];
  }
  const drafts: UserDraft[] = [];
  raw.forEach((value, index) => {
    const named = isMapping(value) && typeof value.id === 'string' && value.id !== '' && value.id.length <= MAX_ID_LENGTH;
    const what = named ? `user \`${value.id as string}\`` : `\`users[${index}]\``;
    const reader = MappingReader.open(value, ['users', index], what, USER_KEYS, issues);
    if (!reader) return;
    const id = reader.id('id');
    const workday = reader.text('workday') ?? null;
    const zone = userZone(workday === null ? undefined : workdays.get(workday), ctx.timezone);
    const teams = reader.textList('teams');
    const user: DirectoryUser = {
      id: id ?? '',
      name: reader.text('name') ?? id ?? '',
      teams: teams ?? [],
      active: reader.bool('active') ?? true,
      status: reader.oneOf('status', STATUSES) ?? 'available',
      checkedIn: reader.bool('checked_in') ?? false,
      workday,
      holidays: reader.text('holidays') ?? null,
      leave: readLeave(reader, zone, issues),
      openLoad: reader.count('open_load') ?? 0,
      fields: readUserFields(reader, ctx.userSchema, zone, issues),
    };
    if (id !== undefined) drafts.push({ user, index, listsTeams: teams !== undefined });
  });
  return drafts;
}

/** The zone for a user's local times: the workday's, else the settings', else UTC (invalid zones skipped). */
function userZone(workday: Workday | undefined, settingsZone: string): string {
  for (const zone of [workday?.timezone, settingsZone]) if (zone && isValidTimeZone(zone)) return zone;
  return 'UTC';
}
