import type { IToken } from 'chevrotain';
import type { Comment } from './ast';
import { type Diagnostic } from './diagnostics';
/** The lexer's result for one file. */
export interface Lexed {
    tokens: IToken[];
    comments: Comment[];
    diagnostics: Diagnostic[];
    /** Literal tokens that were reported as malformed. */
    poisoned: Set<IToken>;
    /** Start offsets (the text length for the end of file) where parse errors are not reported. */
    quietAt: Set<number>;
}
/** Index of the first token starting at or after `offset`. */
export declare function firstTokenFrom(tokens: readonly IToken[], offset: number): number;
/** Lexes `text`; never throws for any string. */
export declare function lex(text: string, file: string): Lexed;
