import { type IParserErrorMessageProvider, type IToken } from 'chevrotain';
/** What the messages may look at while one file is parsed. */
export declare const messageState: {
    text: string;
    tokens: IToken[];
    /** The declaration being read, as a phrase: "rule `X`", "schema `lead`", "settings". */
    declaration: string;
};
/** The provider given to the parser; every message it builds becomes a DIST003. */
export declare const errorMessageProvider: IParserErrorMessageProvider;
