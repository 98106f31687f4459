import type { DistributeClause } from '../../language/ast';
import { type CompileContext, type RuleInfo } from './context';
/** Checks a rule's `distribute` clause. */
export declare function checkDistribute(ctx: CompileContext, rule: RuleInfo, clause: DistributeClause): void;
