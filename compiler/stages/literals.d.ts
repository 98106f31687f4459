import type { DurationLit, NumberLit, RetryWindow } from '../../language/ast';
import { type CompileContext } from './context';
/** True when `lit` is a whole number of at least `min`; else reports DIST207 naming `what`. */
export declare function checkWhole(ctx: CompileContext, file: string, lit: NumberLit, what: string, min: number): boolean;
/** True when `lit` is longer than zero; else reports DIST207 naming `what`. */
export declare function checkDuration(ctx: CompileContext, file: string, lit: DurationLit, what: string): boolean;
/** Checks both durations of `retry every D for D`. */
export declare function checkRetry(ctx: CompileContext, file: string, retry: RetryWindow | null): void;
