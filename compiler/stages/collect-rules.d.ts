import type { CompileContext } from './context';
/** Collects every rule into `ctx.rules`. */
export declare function collectRules(ctx: CompileContext): void;
