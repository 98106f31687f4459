// Checks that need the whole directory: unique ids and names (DIST503), references
// to teams, workdays and holiday calendars (DIST504), team members who are not users
// (DIST507, a warning: they are left out), and agreement between a
// user's own `teams` and `teams[].members` (DIST505). Users without a `teams` key
// get their teams from the members lists, in the order the teams are written.
// Every check is linear in the size of the directory (sets, not list scans), so
// a team of 40,000 members loads as fast as 40 teams of 1,000.
import { closest, didYouMean, editDistance } from '../../language/suggest';
import type { IssueList, PathSegment } from './issues';
import type { Workday } from './model';
import type { TeamDraft } from './teams';
import type { UserDraft } from './users';

/** The parts of a read directory the cross-checks look at. */
export interface DirectoryDrafts {
  users: UserDraft[];
  teams: TeamDraft[];
  groups: TeamDraft[];
  workdays: ReadonlyMap<string, Workday>;
  holidays: ReadonlyMap<string, string[]>;
}

/** Runs every cross-check, reporting into `issues`, and fills in derived team lists. */
export function crossCheck(drafts: DirectoryDrafts, issues: IssueList): void {
  const hint = suggester();
  const users = firstByKey(drafts.users, (d) => d.user.id, (d) => ['users', d.index, 'id'], 'user id', issues);
  const teams = firstByKey(drafts.teams, (d) => d.team.name, (d) => ['teams', d.index, 'name'], 'team', issues);
  firstByKey(drafts.groups, (d) => d.team.name, (d) => ['groups', d.index, 'name'], 'group', issues);

  for (const { user, index } of drafts.users) {
    const who = `user \`${user.id}\``;
    const at = (...rest: PathSegment[]) => ['users', index, ...rest];
    repeats(user.teams, (k) => at('teams', k), `${who} lists team`, issues);
    user.teams.forEach((name, k) => {
      if (teams.has(name)) return;
      issues.report('DIST504', at('teams', k), `${who} lists unknown team \`${name}\`${hint(name, teams.keys(), 'add it to `teams` or fix the name')}`);
    });
    if (user.workday !== null && !drafts.workdays.has(user.workday)) {
      const message = `${who} names unknown workday \`${user.workday}\`${hint(user.workday, drafts.workdays.keys(), 'define it under `workdays` or fix the name')}`;
      issues.report('DIST504', at('workday'), message);
    }
    if (user.holidays !== null && !drafts.holidays.has(user.holidays)) {
      const calendar = `unknown holiday calendar \`${user.holidays}\``;
      issues.report('DIST504', at('holidays'), `${who} names ${calendar}${hint(user.holidays, drafts.holidays.keys(), 'define it under `holidays` or fix the name')}`);
    }
  }
  for (const [section, noun] of [['teams', 'team'], ['groups', 'group']] as const) {
    for (const { team, index } of drafts[section]) {
      const at = (k: number) => [section, index, 'members', k];
      repeats(team.members, at, `${noun} \`${team.name}\` lists member`, issues);
      team.members.forEach((id, k) => {
        if (users.has(id)) return;
        const advice = hint(id, users.keys(), 'add the user to `users` or remove the member');
        const message = `${noun} \`${team.name}\` lists \`${id}\`, who is not among the users, so they are left out${advice}`;
        issues.report('DIST507', at(k), message);
      });
      team.members = team.members.filter((id) => users.has(id));
    }
  }
  checkMembership(drafts, users, teams, issues);
}

function checkMembership(
  drafts: DirectoryDrafts,
  users: ReadonlyMap<string, UserDraft>,
  teams: ReadonlyMap<string, TeamDraft>,
  issues: IssueList,
): void {
  const members = new Map(drafts.teams.map((d) => [d, new Set(d.team.members)]));
  const teamsOf = new Map<string, string[]>();
  for (const d of drafts.teams) {
    for (const id of members.get(d)!) {
      const names = teamsOf.get(id);
      if (names) names.push(d.team.name);
      else teamsOf.set(id, [d.team.name]);
    }
  }
  for (const { user, index, listsTeams } of drafts.users) {
    if (!listsTeams) {
      user.teams = teamsOf.get(user.id) ?? [];
      continue;
    }
    user.teams.forEach((name, k) => {
      const team = teams.get(name);
      if (!team || members.get(team)!.has(user.id)) return;
      const message =
        `user \`${user.id}\` lists team \`${name}\`, but the members of team \`${name}\` do not include \`${user.id}\`; ` +
        "add the user to the team's `members` or remove the team from the user's `teams`";
      issues.report('DIST505', ['users', index, 'teams', k], message, {
        related: [{ path: ['teams', team.index, 'members'], message: `the members of team \`${name}\`` }],
      });
    });
  }
  const listed = new Map(drafts.users.map((d) => [d, new Set(d.user.teams)]));
  for (const { team, index } of drafts.teams) {
    team.members.forEach((id, k) => {
      const member = users.get(id);
      if (!member?.listsTeams || listed.get(member)!.has(team.name)) return;
      const message =
        `team \`${team.name}\` lists member \`${id}\`, but the \`teams\` of user \`${id}\` do not include \`${team.name}\`; ` +
        "add the team to the user's `teams` or remove the member";
      issues.report('DIST505', ['teams', index, 'members', k], message, {
        related: [{ path: ['users', member.index, 'teams'], message: `the teams of user \`${id}\`` }],
      });
    });
  }
}

/** Suggestions looked for per directory at most: each scans every known name, and a broken directory may have thousands of problems. */
const MAX_SUGGESTIONS = 20;

/** A hint maker for one directory: at most MAX_SUGGESTIONS of its hints look for a suggestion. */
function suggester(): (name: string, known: Iterable<string>, otherwise: string) => string {
  let left = MAX_SUGGESTIONS;
  return (name, known, otherwise) => (left-- > 0 ? typoHint(name, known, otherwise) : `; ${otherwise}`);
}

/**
 * `; did you mean `x`?` for a name one typo away from one of `known` (at most one
 * edit per six characters, so `dee@acme.test` is not taken for `ana@acme.test`),
 * else `; ${otherwise}`.
 */
function typoHint(name: string, known: Iterable<string>, otherwise: string): string {
  const near = closest(name, known);
  const close = near !== null && (near.toLowerCase() === name.toLowerCase() || editDistance(name.toLowerCase(), near.toLowerCase()) <= Math.max(1, Math.floor(name.length / 6)));
  return didYouMean(close ? near : null, (s) => `\`${s}\``, otherwise);
}

/** Maps each key to its first draft, reporting every later duplicate (DIST503) against the first. */
function firstByKey<T>(
  drafts: readonly T[],
  key: (d: T) => string,
  path: (d: T) => PathSegment[],
  noun: string,
  issues: IssueList,
): Map<string, T> {
  const first = new Map<string, T>();
  for (const draft of drafts) {
    const earlier = first.get(key(draft));
    if (earlier === undefined) first.set(key(draft), draft);
    else {
      issues.report('DIST503', path(draft), `${noun} \`${key(draft)}\` is defined twice; rename or remove one`, {
        related: [{ path: path(earlier), message: 'first defined here' }],
      });
    }
  }
  return first;
}

/** Reports each name listed again in the same list (DIST503). */
function repeats(names: readonly string[], at: (k: number) => PathSegment[], lead: string, issues: IssueList): void {
  const seen = new Set<string>();
  names.forEach((name, k) => {
    if (seen.has(name)) issues.report('DIST503', at(k), `${lead} \`${name}\` twice; remove one`);
    seen.add(name);
  });
}
