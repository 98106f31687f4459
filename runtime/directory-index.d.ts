import type { Directory, DirectoryUser, Workday } from '../compiler/directory/model';
import type { UserView } from './evaluator/context';
/** A directory user with the view rules read. */
export interface IndexedUser {
    user: DirectoryUser;
    /** Directory values only: `openLoad` is the directory's reported load, `lastAssignedAt` unset. */
    base: UserView;
}
/** The directory, indexed. */
export interface DirectoryIndex {
    directory: Directory;
    users: ReadonlyMap<string, IndexedUser>;
    /** Every user, sorted by id (the order of dynamic pools). */
    sortedUsers: readonly IndexedUser[];
    teams: ReadonlyMap<string, readonly string[]>;
    groups: ReadonlyMap<string, readonly string[]>;
    /** The workday of a user, or null (always working). */
    workdayOf(user: DirectoryUser): Workday | null;
    /** The holiday dates of a user, or null (none). */
    holidaysOf(user: DirectoryUser): readonly string[] | null;
}
/** Builds the indexes of a directory. */
export declare function indexDirectory(directory: Directory): DirectoryIndex;
