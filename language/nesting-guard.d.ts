import type { IToken } from 'chevrotain';
import { type Diagnostic } from './diagnostics';
/** DIST005 at the token that crosses a nesting limit, or null when the stream is shallow enough. */
export declare function nestingProblem(tokens: readonly IToken[], file: string): Diagnostic | null;
