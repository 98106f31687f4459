import type { Rule } from '../compiler/ir';
import type { DirectoryIndex, IndexedUser } from './directory-index';
import type { EvalContext, UserView } from './evaluator/context';
import type { CompiledRule } from './program-index';
import type { PoolTrace } from './types';
/** The resolved pool. */
export interface ResolvedPool {
    users: string[];
    trace: PoolTrace;
}
type Drop = {
    user: string;
    reason: string;
};
/** The users a pool draws from before its `where`, in pool order, with the ids the directory lacks. */
export declare function poolSource(rule: Rule, dir: DirectoryIndex): {
    users: IndexedUser[];
    missing: Drop[];
};
/**
 * Resolves the pool of `compiled` for one record. `viewOf` gives the view the
 * `where` sees for a user; `ctx` is reused with `user` set per candidate.
 */
export declare function resolvePool(compiled: CompiledRule, dir: DirectoryIndex, ctx: EvalContext, viewOf: (user: IndexedUser) => UserView): ResolvedPool;
export {};
