// Refuses, before parsing, token streams whose nesting would make the parser recurse
// deeply: more than MAX_NESTING open brackets, or a longer run of prefix `-`/`not`.
import type { IToken } from 'chevrotain';
import { diagnostic, type Diagnostic } from './diagnostics';
import { MAX_NESTING } from './limits';
import { KW, LBracket, LCurly, LParen, Minus, RBracket, RCurly, RParen } from './tokens';

/** DIST005 at the token that crosses a nesting limit, or null when the stream is shallow enough. */
export function nestingProblem(tokens: readonly IToken[], file: string): Diagnostic | null {
  let depth = 0;
  let prefixRun = 0;
  for (const token of tokens) {
    const type = token.tokenType;
    if (type === LParen || type === LBracket || type === LCurly) depth++;
    else if ((type === RParen || type === RBracket || type === RCurly) && depth > 0) depth--;
    prefixRun = type === Minus || type === KW.not ? prefixRun + 1 : 0;
    if (depth > MAX_NESTING || prefixRun > MAX_NESTING) {
      const span = { start: token.startOffset, end: token.startOffset + token.image.length };
      return diagnostic('DIST005', file, span, `nesting is deeper than ${MAX_NESTING} levels; simplify the expression`);
    }
  }
  return null;
}
