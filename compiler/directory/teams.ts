// Reads `teams` and `groups`: both are lists of `{ name, members }`, where the
// members' order is the round-robin order. Names and members are checked against
// the rest of the directory in cross-checks.ts.
import { describeRaw, type IssueList } from './issues';
import { isMapping, MappingReader } from './mapping-reader';
import type { Team } from './model';

/** A read team or group and its index in its list. */
export interface TeamDraft {
  team: Team;
  index: number;
}

/** Reads `teams` or `groups`; entries without a usable `name` are reported and left out. */
export function readTeams(raw: unknown, section: 'teams' | 'groups', issues: IssueList): TeamDraft[] {
  const noun = section === 'teams' ? 'team' : 'group';
  if (!Array.isArray(raw)) {
    const message = `\`${section}\` must be a list of ${section}; got ${describeRaw(raw)}`;
    if (raw !== undefined) issues.report('DIST502', [section], message);
    return [];
  }
  const drafts: TeamDraft[] = [];
  raw.forEach((value, index) => {
    const named = isMapping(value) && typeof value.name === 'string' && value.name !== '';
    const what = named ? `${noun} \`${value.name as string}\`` : `\`${section}[${index}]\``;
    const reader = MappingReader.open(value, [section, index], what, ['name', 'members'], issues);
    if (!reader) return;
    const name = reader.text('name', true);
    const members = reader.textList('members') ?? [];
    if (name !== undefined) drafts.push({ team: { name, members }, index });
  });
  return drafts;
}
