import { type CompileContext } from './context';
/** Reports every active rule whose priority and events clash with an earlier active rule. */
export declare function checkPriorityConflicts(ctx: CompileContext): void;
