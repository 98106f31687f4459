import { type Program, type QuotaPeriod, type Rule } from '../compiler/ir';
import { type Compiled, type CompiledCondition } from './evaluator/compile-expr';
import { type CompiledExplainer } from './evaluator/explain-expr';
/** A rule with its expressions compiled. */
export interface CompiledRule {
    rule: Rule;
    /** The `when` condition: null when it holds, else its first false conjunct with the values read. */
    when: CompiledExplainer | null;
    /** The pool's `where` (dynamic pools and narrowed static lists). */
    poolWhere: CompiledCondition | null;
    /** True when the pool's `where` reads `user.open_load` or `user.last_assigned_at`. */
    poolWhereReadsState: boolean;
    /** `score EXPR`, or the keys of `ordered by`. */
    score: Compiled | null;
    orderKeys: {
        value: Compiled;
        direction: 'asc' | 'desc';
    }[];
    reassignWhen: CompiledCondition | null;
}
/** A quota with its limit compiled. */
export interface CompiledQuota {
    period: QuotaPeriod;
    limit: Compiled;
}
/** The program, prepared. */
export interface ProgramIndex {
    program: Program;
    rules: readonly CompiledRule[];
    byId: ReadonlyMap<string, CompiledRule>;
    /** Rules (any status) with an `on` clause naming this event type, in ascending priority. */
    rulesFor(eventType: string): readonly CompiledRule[];
    capacity: Compiled | null;
    quotas: readonly CompiledQuota[];
}
/** Compiles and indexes a program; throws when its IR version is not this runtime's. */
export declare function indexProgram(program: Program): ProgramIndex;
