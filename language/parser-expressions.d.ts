import { CstParser, type CstNode, type IRecognitionException, type TokenType } from 'chevrotain';
/** Configuration and expression rules; not usable alone (no self-analysis). */
export declare class ExpressionParser extends CstParser {
    private errorCount;
    /** OR alternatives and MANY options built once (else every call allocates fresh arrays and closures). */
    private readonly cache;
    constructor();
    reset(): void;
    /** Recovery may insert a missing `}` or keyword, never a value the user did not write. */
    protected canTokenTypeBeInsertedInRecovery(type: TokenType): boolean;
    protected canTokenTypeBeDeletedInRecovery(type: TokenType): boolean;
    /** Records an error; past the cap, jumps to the end of input so that parsing stops quickly. */
    protected SAVE_ERROR(error: IRecognitionException): IRecognitionException;
    /**
     * Starts a CST node. Chevrotain gives `children` a null prototype, which puts every
     * node in V8's slow dictionary mode; a plain object halves the parse time. Safe
     * because no child key (token names, labels, rule names) is an `Object.prototype` name.
     */
    protected cstInvocationStateUpdate(ruleName: string): void;
    /** The argument of one OR or MANY, created on first use and reused (`key` is unique per call site). */
    protected cached<T>(key: string, make: () => T): T;
    /** `a.b.c` as used by `weighted by`. */
    path: import("chevrotain").ParserMethod<[], CstNode>;
    /** `a and b and c`: one level of `and`/`or` (mixing is reported when the AST is built). */
    expr: import("chevrotain").ParserMethod<[], CstNode>;
    /**
     * `not* operand tail*`, all inline: the operands are `-`* primary (op `-`* primary)*
     * (precedence is applied when the AST is built) and a tail is a comparison operator
     * with its right operand, `between A and B`, or `is [not] set`. The builder splits
     * the flat lists by the offsets of the comparison words (`cmp`). Any number of tails
     * are read, so that `a < b < c` gets a clear message from the AST builder.
     */
    comparison: import("chevrotain").ParserMethod<[], CstNode>;
    private comparators;
    /** One operand inline in `comparison`; `at` keeps Chevrotain's occurrence indices apart. */
    private operand;
    primary: import("chevrotain").ParserMethod<[], CstNode>;
    /** Comma-separated expressions of a call (`at` = 1) or a list literal (`at` = 2), inline in `primary`. */
    private exprList;
}
