// Limits that keep lexing, parsing and later tree walks bounded on hostile input,
// and the one length limit of every id (events, records, users).

/** The longest id (event, record or user), in characters: every host accepts ids up to it, in bodies and in URL paths. */
export const MAX_ID_LENGTH = 256;

/** Diagnostics kept per file; one more says that checking stopped. */
export const MAX_DIAGNOSTICS = 100;
/** Deepest `(`/`[`/`{` nesting, and longest run of prefix `-`/`not`, that is parsed. */
export const MAX_NESTING = 64;
/** Deepest expression tree kept in the AST (later stages walk trees recursively). */
export const MAX_EXPRESSION_DEPTH = 256;
