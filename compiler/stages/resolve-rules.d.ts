import { type CompileContext, type RuleInfo } from './context';
/** Resolves status and events of a rule and queues its expressions. */
export declare function resolveRule(ctx: CompileContext, rule: RuleInfo): void;
