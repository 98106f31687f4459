import { type CompileContext } from './context';
/** Collects every map block into `ctx.maps`. */
export declare function collectMaps(ctx: CompileContext): void;
