import type { IssueList } from './issues';
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
export declare function crossCheck(drafts: DirectoryDrafts, issues: IssueList): void;
