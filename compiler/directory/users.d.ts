import type { FieldType } from '../ir';
import { type IssueList } from './issues';
import type { DirectoryUser, Workday } from './model';
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
export declare function readUsers(raw: unknown, ctx: DirectoryContext, workdays: ReadonlyMap<string, Workday>, issues: IssueList): UserDraft[];
