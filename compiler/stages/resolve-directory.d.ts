import type { DirectoryUser, Team } from '../directory/model';
import { type CompileContext, type RuleInfo } from './context';
/** The directory by name: users by id, teams and groups by name. */
export interface DirectoryIndex {
    users: Map<string, DirectoryUser>;
    teams: Map<string, Team>;
    groups: Map<string, Team>;
}
/** Loads `ctx.directorySource` (if any) into `ctx.directory` and `ctx.names`. */
export declare function loadProjectDirectory(ctx: CompileContext): void;
/** Checks the users, teams and groups a rule names against the directory. */
export declare function checkRuleNames(ctx: CompileContext, rule: RuleInfo): void;
