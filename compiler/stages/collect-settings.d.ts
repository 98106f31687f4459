import { type CompileContext } from './context';
/** Collects the settings block into `ctx.settings`. */
export declare function collectSettings(ctx: CompileContext): void;
