// Checks on literals where the language expects a particular kind of number:
// whole numbers (priority, take, max, limits) and positive durations.
import type { DurationLit, NumberLit, RetryWindow } from '../../language/ast';
import { report, type CompileContext } from './context';

/** True when `lit` is a whole number of at least `min`; else reports DIST207 naming `what`. */
export function checkWhole(ctx: CompileContext, file: string, lit: NumberLit, what: string, min: number): boolean {
  if (Number.isSafeInteger(lit.value) && lit.value >= min) return true;
  const need = min <= 0 ? 'a whole number' : `a whole number of at least ${min}`;
  report(ctx, 'DIST207', file, lit.span, `${what} must be ${need}, not \`${lit.raw}\``);
  return false;
}

/** True when `lit` is longer than zero; else reports DIST207 naming `what`. */
export function checkDuration(ctx: CompileContext, file: string, lit: DurationLit, what: string): boolean {
  if (lit.ms > 0 && Number.isFinite(lit.ms)) return true;
  report(ctx, 'DIST207', file, lit.span, `${what} must be longer than zero, not \`${lit.raw}\``);
  return false;
}

/** Checks both durations of `retry every D for D`. */
export function checkRetry(ctx: CompileContext, file: string, retry: RetryWindow | null): void {
  if (!retry) return;
  checkDuration(ctx, file, retry.every, '`retry every`');
  checkDuration(ctx, file, retry.for, 'the retry window (`for`)');
}
