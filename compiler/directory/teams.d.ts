import { type IssueList } from './issues';
import type { Team } from './model';
/** A read team or group and its index in its list. */
export interface TeamDraft {
    team: Team;
    index: number;
}
/** Reads `teams` or `groups`; entries without a usable `name` are reported and left out. */
export declare function readTeams(raw: unknown, section: 'teams' | 'groups', issues: IssueList): TeamDraft[];
