import type { Rule } from '../compiler/ir';
import type { DirectoryIndex } from './directory-index';
import { type Distribution } from './distribute';
import type { ProgramIndex } from './program-index';
import { type RecordState } from './record-state';
import type { Transaction } from './state/store';
import type { Decision, Outcome, RuleTrace } from './types';
/** Everything a decision reads besides state. */
export interface EngineEnv {
    program: ProgramIndex;
    dir: DirectoryIndex;
    now: number;
    /** Record every condition's value in rule traces (`dist test --coverage`). */
    coverage: boolean;
    /** Add an outbox item per decision (the server delivers them). */
    outbox: boolean;
}
/** Why a decision is being made. */
export interface DecisionCause {
    eventId: string;
    eventType: string;
    changed: readonly string[];
    cause: Decision['cause'];
}
/** An outcome before its effects are applied. */
export interface ResolvedOutcome {
    outcome: Outcome;
    assigned: string[];
    reason: string | null;
    queue: string | null;
    retry: {
        everyMs: number;
        forMs: number;
    } | null;
}
/** Routes the record through the rules of its event and logs the decision. */
export declare function route(env: EngineEnv, tx: Transaction, record: RecordState, cause: DecisionCause): Promise<Decision>;
/** The outcome of a distribution: its users, or the rule's fallback. */
export declare function resolve(program: ProgramIndex, rule: Rule, distribution: Distribution): ResolvedOutcome;
/** The rule's fallback for `reason`; without a fallback clause, the project's unmatched queue. */
export declare function fallback(program: ProgramIndex, rule: Rule, reason: string): ResolvedOutcome;
/** The trace parts gathered before the outcome. */
export interface TraceParts {
    rule: Rule | null;
    rules: RuleTrace[];
    distribution?: Distribution;
}
/** Applies an outcome's effects, saves the record and logs the decision. */
export declare function finish(env: EngineEnv, tx: Transaction, record: RecordState, cause: DecisionCause, parts: TraceParts, resolved: ResolvedOutcome): Promise<Decision>;
