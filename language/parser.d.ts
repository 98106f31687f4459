import { type CstNode, type IRecognitionException, type IToken } from 'chevrotain';
/** What the parser made of one token stream. */
export interface ParserOutput {
    cst: CstNode;
    errors: IRecognitionException[];
}
/** Parses a token stream with the shared parser instance. */
export declare function parseTokens(text: string, tokens: IToken[]): ParserOutput;
