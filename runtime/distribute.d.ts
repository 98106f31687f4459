import type { DirectoryIndex } from './directory-index';
import type { RecordView } from './evaluator/context';
import type { CompiledRule, ProgramIndex } from './program-index';
import type { Transaction } from './state/store';
import type { FilterTrace, MethodTrace, PoolTrace } from './types';
/** What a distribution needs besides the rule and the record. */
export interface DistributeEnv {
    program: ProgramIndex;
    dir: DirectoryIndex;
    now: number;
}
/** The result of distributing one record under one rule. */
export interface Distribution {
    /** Chosen users; empty when the fallback must run. */
    assigned: string[];
    /** Why nobody was chosen (null when someone was). */
    reason: string | null;
    pool: PoolTrace;
    filters: FilterTrace[];
    method?: MethodTrace;
}
/** Distributes `record` under `compiled`, never choosing a user in `excluded`. */
export declare function distribute(env: DistributeEnv, tx: Transaction, compiled: CompiledRule, record: RecordView, excluded: ReadonlySet<string>): Promise<Distribution>;
