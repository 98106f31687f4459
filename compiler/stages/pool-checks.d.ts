import type { Pool } from '../../language/ast';
import { type CompileContext, type RuleInfo } from './context';
/** Checks a rule's pool against its scope and the directory. */
export declare function checkPool(ctx: CompileContext, rule: RuleInfo, pool: Pool): void;
