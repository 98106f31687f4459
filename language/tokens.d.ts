import { Lexer, type TokenType } from 'chevrotain';
/** Every word: identifiers, contextual keywords and reserved words. */
export declare const AnyWord: TokenType;
/**
 * Words that start a declaration, clause, setting or map item, and so are never read
 * as a value where a clause may begin. `capacity` is left out: it is also a requirement.
 */
export declare const StatementKeyword: TokenType;
/** `schema`, `settings`, `rule`, `map`: where top-level recovery resumes. */
export declare const DeclarationKeyword: TokenType;
/** Words that can be values (bare names, statuses, methods…): every identifier except statement keywords. */
export declare const ValueWord: TokenType;
/** `==` `!=` `<` `<=` `>` `>=` */
export declare const CompareOp: TokenType;
/** `??` `+` `-` `*` `/` (precedence is resolved when the AST is built). */
export declare const ArithOp: TokenType;
/** Every word usable as a name: plain identifiers and contextual keywords. */
export declare const Identifier: TokenType;
/** A word that is no keyword. */
export declare const PlainIdentifier: TokenType;
/** Operators and literals; never names except after `.` and in field-name positions. */
export declare const RESERVED_WORDS: readonly ["asc" | "desc" | "not" | "in" | "contains" | "starts_with" | "ends_with" | "and" | "or" | "true" | "false" | "between" | "is" | "set", ...("asc" | "desc" | "not" | "in" | "contains" | "starts_with" | "ends_with" | "and" | "or" | "true" | "false" | "between" | "is" | "set")[]];
/** Keywords that are also identifiers, so they can be used wherever a name is expected. */
export declare const CONTEXTUAL_KEYWORDS: readonly ["map" | "schema" | "settings" | "rule", ...("every" | "map" | "schema" | "settings" | "rule" | "priority" | "description" | "status" | "scope" | "on" | "when" | "assign" | "require" | "distribute" | "take" | "fallback" | "reassign" | "timezone" | "trigger" | "capacity" | "quota" | "unmatched" | "from" | "min" | "max" | "after" | "where" | "users" | "teams" | "groups" | "anyone" | "global" | "team" | "by" | "within" | "user" | "queue" | "retry" | "for" | "weighted" | "score" | "ordered" | "invalid")[]];
/** Every keyword, reserved or contextual (for a TextMate grammar and completion). */
export declare const KEYWORDS: readonly string[];
/** A keyword of either tier. */
export type Keyword = (typeof RESERVED_WORDS)[number] | (typeof CONTEXTUAL_KEYWORDS)[number];
/** Keyword token types by their word. */
export declare const KW: Readonly<Record<Keyword, TokenType>>;
export declare const WhiteSpace: TokenType;
export declare const LineComment: TokenType;
export declare const BlockComment: TokenType;
/** A string literal; unterminated ones (no closing quote on the line) are checked after lexing. */
export declare const StringLit: TokenType;
/** A number immediately followed by letters: `30m`, `2h`, but also `10q` (rejected after lexing). */
export declare const DurationLit: TokenType;
/** `80`, `0.5`, `750_000`; malformed underscores are rejected after lexing. */
export declare const NumberLit: TokenType;
export declare const LCurly: TokenType;
export declare const RCurly: TokenType;
export declare const LParen: TokenType;
export declare const RParen: TokenType;
export declare const LBracket: TokenType;
export declare const RBracket: TokenType;
export declare const Comma: TokenType;
export declare const Dot: TokenType;
export declare const Colon: TokenType;
export declare const EqEq: TokenType;
export declare const Equals: TokenType;
export declare const NotEq: TokenType;
export declare const LtEq: TokenType;
export declare const Lt: TokenType;
export declare const GtEq: TokenType;
export declare const Gt: TokenType;
export declare const Coalesce: TokenType;
export declare const Plus: TokenType;
export declare const Minus: TokenType;
export declare const Star: TokenType;
export declare const Slash: TokenType;
/** A run of characters that start no token (reported as DIST001). */
export declare const BadCharacters: TokenType;
/** Every token type, in lexer priority order, followed by the pattern-less categories. */
export declare const ALL_TOKENS: TokenType[];
/** The one lexer instance (offsets only: line and column are computed at the edges). */
export declare const lexer: Lexer;
