// Token types of the `.dist` language and the one Chevrotain lexer built from them.
// The keywords come from the vocabulary's tables (vocabulary.ts).
// Words follow a two-tier keyword scheme: RESERVED words (operators and literals)
// are never names except after `.` and in field-name positions; CONTEXTUAL keywords
// carry the `Identifier` category, so `status`, `score` or `user` stay usable as
// names. `AnyWord` is the category of every word. Every character of any input
// matches some token (unknown characters become `BadCharacters`), so the Chevrotain
// lexer never takes its slow error path.
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { badCharactersAt, blockCommentAt, BAD_CHARACTER_HINTS } from './lexer-patterns';
import { CLAUSES, DECLARATIONS, namesOf, OPERATORS, OTHER_KEYWORDS, REQUIREMENTS, SETTINGS } from './vocabulary';

/** Every word: identifiers, contextual keywords and reserved words. */
export const AnyWord = createToken({ name: 'AnyWord', pattern: Lexer.NA });
/**
 * Words that start a declaration, clause, setting or map item, and so are never read
 * as a value where a clause may begin. `capacity` is left out: it is also a requirement.
 */
export const StatementKeyword = createToken({ name: 'StatementKeyword', pattern: Lexer.NA });
/** `schema`, `settings`, `rule`, `map`: where top-level recovery resumes. */
export const DeclarationKeyword = createToken({ name: 'DeclarationKeyword', pattern: Lexer.NA });
/** Words that can be values (bare names, statuses, methods…): every identifier except statement keywords. */
export const ValueWord = createToken({ name: 'ValueWord', pattern: Lexer.NA });
/** `==` `!=` `<` `<=` `>` `>=` */
export const CompareOp = createToken({ name: 'CompareOp', pattern: Lexer.NA });
/** `??` `+` `-` `*` `/` (precedence is resolved when the AST is built). */
export const ArithOp = createToken({ name: 'ArithOp', pattern: Lexer.NA });

/** Every word usable as a name: plain identifiers and contextual keywords. */
export const Identifier = createToken({ name: 'Identifier', pattern: Lexer.NA, categories: [AnyWord] });
/** A word that is no keyword. */
export const PlainIdentifier = createToken({
  name: 'PlainIdentifier',
  pattern: /[A-Za-z_][A-Za-z0-9_]*/,
  categories: [Identifier, AnyWord, ValueWord],
});

/** Operators and literals; never names except after `.` and in field-name positions. */
export const RESERVED_WORDS = namesOf(OPERATORS);

const CONTEXTUAL = [...namesOf(DECLARATIONS), ...namesOf(CLAUSES), ...namesOf(SETTINGS), ...namesOf(OTHER_KEYWORDS)] as const;

/** Keywords that are also identifiers, so they can be used wherever a name is expected (`expect` is both a clause and a setting). */
export const CONTEXTUAL_KEYWORDS: readonly (typeof CONTEXTUAL)[number][] = [...new Set(CONTEXTUAL)];

/** Every keyword, reserved or contextual (for a TextMate grammar and completion). */
export const KEYWORDS: readonly string[] = [...RESERVED_WORDS, ...CONTEXTUAL_KEYWORDS];

const DECLARATION_WORDS: ReadonlySet<string> = new Set(namesOf(DECLARATIONS));
/** Declarations, clauses and settings start a statement; `capacity` does not, as it is also a requirement. */
const REQUIREMENT_WORDS: ReadonlySet<string> = new Set(namesOf(REQUIREMENTS));
const STATEMENT_WORDS: ReadonlySet<string> = new Set(
  [...DECLARATION_WORDS, ...namesOf(CLAUSES), ...namesOf(SETTINGS)].filter((w) => !REQUIREMENT_WORDS.has(w)),
);

function tokenName(word: string): string {
  return word.replace(/(^|_)([a-z])/g, (_m, _sep: string, c: string) => c.toUpperCase());
}

function keyword(word: string, reserved: boolean): TokenType {
  const categories = reserved ? [AnyWord] : [Identifier, AnyWord];
  if (STATEMENT_WORDS.has(word)) categories.push(StatementKeyword);
  else if (!reserved) categories.push(ValueWord);
  if (DECLARATION_WORDS.has(word)) categories.push(DeclarationKeyword);
  return createToken({ name: tokenName(word), pattern: word, longer_alt: PlainIdentifier, categories });
}

/** A keyword of either tier. */
export type Keyword = (typeof RESERVED_WORDS)[number] | (typeof CONTEXTUAL_KEYWORDS)[number];

/** Keyword token types by their word. */
export const KW = Object.fromEntries([
  ...RESERVED_WORDS.map((w) => [w, keyword(w, true)] as const),
  ...CONTEXTUAL_KEYWORDS.map((w) => [w, keyword(w, false)] as const),
]) as Readonly<Record<Keyword, TokenType>>;

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f\v\uFEFF]+/, group: Lexer.SKIPPED, line_breaks: true });
export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\r\n]*/, group: 'comments' });
export const BlockComment = createToken({
  name: 'BlockComment',
  pattern: { exec: blockCommentAt },
  start_chars_hint: ['/'],
  line_breaks: true,
  group: 'comments',
});
/** A string literal; unterminated ones (no closing quote on the line) are checked after lexing. */
export const StringLit = createToken({ name: 'StringLit', pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*(?:"|\\)?/ });
/** A number immediately followed by letters: `30m`, `2h`, but also `10q` (rejected after lexing). */
export const DurationLit = createToken({ name: 'DurationLit', pattern: /[0-9][0-9_]*(?:\.[0-9][0-9_]*)?[A-Za-z][A-Za-z0-9_]*/ });
/** `80`, `0.5`, `750_000`; malformed underscores are rejected after lexing. */
export const NumberLit = createToken({ name: 'NumberLit', pattern: /[0-9][0-9_]*(?:\.[0-9][0-9_]*)?/ });

export const LCurly = createToken({ name: 'LCurly', pattern: '{' });
export const RCurly = createToken({ name: 'RCurly', pattern: '}' });
export const LParen = createToken({ name: 'LParen', pattern: '(' });
export const RParen = createToken({ name: 'RParen', pattern: ')' });
export const LBracket = createToken({ name: 'LBracket', pattern: '[' });
export const RBracket = createToken({ name: 'RBracket', pattern: ']' });
export const Comma = createToken({ name: 'Comma', pattern: ',' });
export const Dot = createToken({ name: 'Dot', pattern: '.' });
export const Colon = createToken({ name: 'Colon', pattern: ':' });
export const EqEq = createToken({ name: 'EqEq', pattern: '==', categories: [CompareOp] });
export const Equals = createToken({ name: 'Equals', pattern: '=' });
export const NotEq = createToken({ name: 'NotEq', pattern: '!=', categories: [CompareOp] });
export const LtEq = createToken({ name: 'LtEq', pattern: '<=', categories: [CompareOp] });
export const Lt = createToken({ name: 'Lt', pattern: '<', categories: [CompareOp] });
export const GtEq = createToken({ name: 'GtEq', pattern: '>=', categories: [CompareOp] });
export const Gt = createToken({ name: 'Gt', pattern: '>', categories: [CompareOp] });
export const Coalesce = createToken({ name: 'Coalesce', pattern: '??', categories: [ArithOp] });
export const Plus = createToken({ name: 'Plus', pattern: '+', categories: [ArithOp] });
export const Minus = createToken({ name: 'Minus', pattern: '-', categories: [ArithOp] });
export const Star = createToken({ name: 'Star', pattern: '*', categories: [ArithOp] });
export const Slash = createToken({ name: 'Slash', pattern: '/', categories: [ArithOp] });
/** A run of characters that start no token (reported as DIST001). */
export const BadCharacters = createToken({
  name: 'BadCharacters',
  pattern: { exec: badCharactersAt },
  start_chars_hint: BAD_CHARACTER_HINTS,
  line_breaks: true,
  group: 'bad',
});

/** Keywords longest first, so that `settings` is not lexed as `set` plus more. */
const KEYWORD_TOKENS = (KEYWORDS as Keyword[])
  .slice()
  .sort((a, b) => b.length - a.length)
  .map((w) => KW[w]);

/** Every token type, in lexer priority order, followed by the pattern-less categories. */
export const ALL_TOKENS: TokenType[] = [
  WhiteSpace, LineComment, BlockComment, StringLit, DurationLit, NumberLit,
  ...KEYWORD_TOKENS, PlainIdentifier,
  LCurly, RCurly, LParen, RParen, LBracket, RBracket, Comma, Dot, Colon,
  EqEq, Equals, NotEq, LtEq, Lt, GtEq, Gt, Coalesce, Plus, Minus, Star, Slash,
  BadCharacters,
  Identifier, AnyWord, ValueWord, StatementKeyword, DeclarationKeyword, CompareOp, ArithOp,
];

/** The one lexer instance (offsets only: line and column are computed at the edges). */
export const lexer = new Lexer(ALL_TOKENS, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
});
