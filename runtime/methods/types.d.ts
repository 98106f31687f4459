import type { Rule } from '../../compiler/ir';
import type { DirectoryIndex } from '../directory-index';
import type { UserView } from '../evaluator/context';
import type { Json } from '../state/store';
/** What a method sees. */
export interface MethodInput {
    rule: Rule;
    /** Eligible users, in pool order. */
    candidates: readonly string[];
    /** How many to pick (`take N`), without replacement. */
    count: number;
    views: ReadonlyMap<string, UserView>;
    /** Available capacity per user (undefined: no limit); null when no capacity is configured. */
    capacity: ReadonlyMap<string, number | undefined> | null;
    /** Values of `score EXPR` / `ordered by` keys per user (keys in clause order). */
    values: ReadonlyMap<string, readonly unknown[]>;
    dir: DirectoryIndex;
    /** The method's state, by key (see `stateKeys`). */
    state: ReadonlyMap<string, Json | undefined>;
}
/** What a method decided. */
export interface MethodResult {
    /** Chosen users, in order; fewer than `count` when not enough could be had. */
    chosen: string[];
    /** State keys to write (only those that changed). */
    state: Map<string, Json>;
    ranking?: {
        user: string;
        value: unknown;
    }[];
}
/** A distribution method. */
export interface DistributionMethod {
    /** The state keys the method reads for `rule` (loaded before `run`). */
    stateKeys(rule: Rule): string[];
    run(input: MethodInput): MethodResult;
}
