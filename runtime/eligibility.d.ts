import type { DirectoryIndex } from './directory-index';
import type { CompiledRule, ProgramIndex } from './program-index';
import type { QuotaCounts } from './quotas';
import type { FilterTrace } from './types';
/** What the filters need about one decision. */
export interface EligibilityInput {
    compiled: CompiledRule;
    program: ProgramIndex;
    dir: DirectoryIndex;
    /** The resolved pool, in pool order. */
    pool: readonly string[];
    /** Available capacity (capacity − open_load) per user; undefined: no limit. */
    capacity: ReadonlyMap<string, number | undefined>;
    /** Quota limits per user, in `settings.quotas` order; undefined: no cap. */
    quotaLimits: ReadonlyMap<string, readonly (number | undefined)[]>;
    quotaCounts: QuotaCounts;
    excluded: ReadonlySet<string>;
    now: number;
}
/** The eligible users and how they were found. */
export interface Eligibility {
    /** Eligible users, in pool order. */
    candidates: string[];
    filters: FilterTrace[];
    /** `workday within` served this later bucket (>0): the method gives way to least_recent. */
    bucket: number | null;
    /** Why nobody is left, when more precise than "no eligible user". */
    reason: string | null;
}
/** Applies every filter of the rule to the pool. */
export declare function applyFilters(input: EligibilityInput): Eligibility;
