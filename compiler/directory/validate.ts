// The one validation core behind directory.yaml and `PUT /v1/directory`: takes the
// parsed plain value, lists every problem with its path, and builds the Directory
// only when there is none (a bad directory is rejected whole).
import { CODES } from '../../language/diagnostics';
import { IssueList, type DirectoryIssue } from './issues';
import { readHolidays, readWorkdays } from './calendars';
import { crossCheck } from './cross-checks';
import { MappingReader } from './mapping-reader';
import { emptyDirectory, type Directory } from './model';
import { readTeams } from './teams';
import { readUsers, type DirectoryContext } from './users';

const SECTIONS = ['users', 'teams', 'groups', 'workdays', 'holidays'];

/** Validates a parsed directory; `null` or `undefined` (an empty file) is the empty directory. */
export function validateDirectory(
  value: unknown,
  ctx: DirectoryContext,
): { directory: Directory | null; issues: DirectoryIssue[] } {
  if (value === null || value === undefined) return { directory: emptyDirectory(), issues: [] };
  const issues = new IssueList();
  const top = MappingReader.open(value, [], 'the directory', SECTIONS, issues);
  if (!top) return { directory: null, issues: issues.items };
  const workdays = readWorkdays(top.get('workdays'), issues);
  const holidays = readHolidays(top.get('holidays'), issues);
  const users = readUsers(top.get('users'), ctx, workdays, issues);
  const teams = readTeams(top.get('teams'), 'teams', issues);
  const groups = readTeams(top.get('groups'), 'groups', issues);
  crossCheck({ users, teams, groups, workdays, holidays }, issues);
  if (issues.items.some((issue) => CODES[issue.code].severity === 'error')) return { directory: null, issues: issues.items };
  return {
    directory: {
      users: users.map((d) => d.user),
      teams: teams.map((d) => d.team),
      groups: groups.map((d) => d.team),
      workdays: record(workdays),
      holidays: record(holidays),
    },
    issues: issues.items,
  };
}

/** A prototype-free record from a map (keys were checked against forbidden names already). */
function record<T>(map: ReadonlyMap<string, T>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [key, value] of map) out[key] = value;
  return out;
}
