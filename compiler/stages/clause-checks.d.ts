import { type ClauseKind, type ClauseOf, type CompileContext, type RuleInfo } from './context';
type ClauseCheck<K extends ClauseKind> = (ctx: CompileContext, rule: RuleInfo, clause: ClauseOf<K>) => void;
/** The checks of each clause kind. */
export declare const CLAUSE_CHECKS: {
    [K in ClauseKind]?: ClauseCheck<K>[];
};
export {};
