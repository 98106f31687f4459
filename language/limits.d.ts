/** Diagnostics kept per file; one more says that checking stopped. */
export declare const MAX_DIAGNOSTICS = 100;
/** Deepest `(`/`[`/`{` nesting, and longest run of prefix `-`/`not`, that is parsed. */
export declare const MAX_NESTING = 64;
/** Deepest expression tree kept in the AST (later stages walk trees recursively). */
export declare const MAX_EXPRESSION_DEPTH = 256;
