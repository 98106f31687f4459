// Turns Chevrotain's parse failures into messages in the house style: lower-case,
// one sentence, user text in backticks, saying what was expected and what was found.
// The parser keeps `messageState` current so that messages can name the declaration
// being read and the words just before the error (`after \`fallback user\``).
import { EOF, tokenMatcher, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';
import { firstTokenFrom } from './lexer';
import { showSource } from './show-source';
import { closest } from './suggest';
import {
  AnyWord, ArithOp, CompareOp, DeclarationKeyword, DurationLit, Equals, Identifier, KW, NumberLit, PlainIdentifier,
  RCurly, RParen, StatementKeyword, StringLit, ValueWord,
} from './tokens';
import { CLAUSES, DECLARATIONS, listWords, METHODS, namesOf, QUOTA_PERIODS, REQUIREMENTS, SETTINGS, STATUSES, TRIGGERS, VOLUME_PERIODS } from './vocabulary';

/** What the messages may look at while one file is parsed. */
export const messageState = {
  text: '',
  tokens: [] as IToken[],
  /** The declaration being read, as a phrase: "rule `X`", "schema `lead`", "settings". */
  declaration: '',
};

const NOUNS = new Map<TokenType, string>([
  [StringLit, 'a string'],
  [NumberLit, 'a number'],
  [DurationLit, 'a duration such as `30m`'],
  [Identifier, 'a name'],
  [PlainIdentifier, 'a name'],
  [ValueWord, 'a name'],
  [AnyWord, 'a name'],
  [CompareOp, 'a comparison such as `==`'],
  [ArithOp, 'an operator such as `+`'],
  [EOF, 'the end of the file'],
]);

const CLAUSE_ITEM = 'a clause such as `priority`, `on`, `when`, `assign` or `distribute`';
const VALUE = 'a value such as `lead.score`, `80` or `"text"`';

/** What a `word` position expects, by the keyword before it. */
const WORD_AFTER = new Map<TokenType, string>([
  [KW.status, `a status such as ${listWords(namesOf(STATUSES))}`],
  [KW.trigger, listWords(namesOf(TRIGGERS))],
  [KW.quota, `a period such as ${listWords(namesOf(QUOTA_PERIODS))}`],
  [KW.per, `a period such as ${listWords(namesOf(VOLUME_PERIODS))}`],
  [KW.require, `a requirement such as ${listWords(namesOf(REQUIREMENTS))}`],
  [KW.distribute, `a method such as ${listWords(METHODS.map((m) => ('written' in m ? m.written : m.name)))}`],
]);

/** The words that may start an item of a body, for "did you mean" on a misspelt one. */
const BODY_WORDS = new Map<string, readonly string[]>([
  ['ruleDecl', namesOf(CLAUSES)],
  ['settingsDecl', namesOf(SETTINGS)],
  ['file', namesOf(DECLARATIONS)],
]);

/** `; did you mean \`priority\`?` when the word found is a misspelling of one that fits here. */
function misspelt(actual: IToken, rule: string): string {
  const words = BODY_WORDS.get(rule);
  if (!words || !tokenMatcher(actual, AnyWord)) return '';
  const suggestion = closest(actual.image, words);
  return suggestion === null ? '' : `; did you mean \`${suggestion}\`?`;
}

/** Expectations in a body (rule, schema, …) when something else stands where an item should start. */
const BODY_ITEMS: Record<string, string> = {
  ruleDecl: CLAUSE_ITEM,
  schemaDecl: 'a field such as `score: number`',
  settingsDecl: `a setting such as ${listWords(namesOf(SETTINGS))}`,
  mapDecl: 'a mapping such as `email = payload.email`',
  distributeClause: 'a weight such as `"A": 50`',
};

/** Expectations of an alternative, by rule, when nothing fits. */
const NO_ALTERNATIVE: Record<string, string> = {
  primary: VALUE,
  scopeClause: '`global` or `team "T"`',
  fallbackClause: '`user "u"` or `queue "q"`',
  distributeClause: WORD_AFTER.get(KW.distribute)!,
  typeExpr: 'quoted choices or a type',
};

function describe(type: TokenType): string {
  return NOUNS.get(type) ?? (typeof type.PATTERN === 'string' ? '`' + type.PATTERN + '`' : type.name);
}

function found(token: IToken): string {
  return tokenMatcher(token, EOF) ? 'found the end of the file' : `found ${showSource(token.image)}`;
}

function either(items: string[]): string {
  const unique = [...new Set(items)];
  return unique.length < 2 ? (unique[0] ?? 'something else') : `${unique.slice(0, -1).join(', ')} or ${unique.at(-1)}`;
}

/** ` after \`…\`` naming the words before `previous` back to a statement keyword, or just `previous`. */
function after(previous: IToken | undefined): string {
  if (!previous || Number.isNaN(previous.startOffset) || tokenMatcher(previous, EOF)) return '';
  const tokens = messageState.tokens;
  const at = firstTokenFrom(tokens, previous.startOffset);
  let from = at;
  for (let k = at; k >= 0 && k > at - 3; k--) {
    if (tokenMatcher(tokens[k]!, StatementKeyword)) {
      from = k;
      break;
    }
  }
  const start = tokens[from]?.startOffset ?? previous.startOffset;
  const words = messageState.text.slice(start, previous.startOffset + previous.image.length).replace(/\s+/g, ' ');
  return ` after ${showSource(words)}`;
}

function closes(actual: IToken): boolean {
  return tokenMatcher(actual, EOF) || tokenMatcher(actual, DeclarationKeyword);
}

function mismatch(expected: TokenType, actual: IToken, previous: IToken, rule: string): string {
  const body = BODY_ITEMS[rule];
  if (expected === RCurly && body !== undefined) {
    if (rule === 'ruleDecl' && actual.tokenType === Equals) return 'expected `==` to compare values, found `=`';
    if (closes(actual) || tokenMatcher(actual, StatementKeyword)) {
      const what = rule === 'distributeClause' ? 'the weights' : messageState.declaration;
      return `expected \`}\` to close ${what}, ${found(actual)}`;
    }
    return `expected ${body}, ${found(actual)}${misspelt(actual, rule)}`;
  }
  if (rule === 'file') return `expected a declaration such as ${listWords(namesOf(DECLARATIONS))}, ${found(actual)}${misspelt(actual, rule)}`;
  if (rule === 'onClause' && expected !== RParen) return `expected an event such as \`lead.created\`${after(previous)}, ${found(actual)}`;
  if (rule === 'path' || (rule === 'primary' && expected === AnyWord)) {
    const field = expected === AnyWord ? 'a field name' : 'a field such as `user.grade`';
    return `expected ${field}${after(previous)}, ${found(actual)}`;
  }
  if (expected === ValueWord) {
    // After `,` a word is the next requirement of `require a, b`.
    const word = WORD_AFTER.get(previous.tokenType) ?? WORD_AFTER.get(KW.require)!;
    return `expected ${word}${after(previous)}, ${found(actual)}`;
  }
  if (expected === KW.and) return `expected \`and\` between the bounds of \`between\`, ${found(actual)}`;
  if (rule === 'typeExpr' && expected === AnyWord) {
    return `expected a type such as \`text\`, \`number\` or \`choice("A", "B")\`${after(previous)}, ${found(actual)}`;
  }
  if (expected === KW.after) return `expected \`after\` and a duration, as in \`reassign after 60m\`, ${found(actual)}`;
  return `expected ${describe(expected)}${after(previous)}, ${found(actual)}`;
}

function noAlternative(paths: TokenType[][][], actual: IToken, previous: IToken, rule: string): string {
  let expected = NO_ALTERNATIVE[rule];
  if (rule === 'settingWord') expected = WORD_AFTER.get(previous.tokenType);
  if (rule === 'assignClause') {
    expected = previous.tokenType === KW.users ? 'user names in quotes or `where`' : '`users`, `teams`, `groups` or `anyone`';
  }
  expected ??= either(paths.flatMap((alt) => alt.map((path) => (path[0] ? describe(path[0]) : 'something else'))));
  return `expected ${expected}${after(previous)}, ${found(actual)}`;
}

/** The provider given to the parser; every message it builds becomes a DIST003. */
export const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, actual, previous, ruleName }) => mismatch(expected, actual, previous, ruleName),
  buildNotAllInputParsedMessage: ({ firstRedundant }) => mismatch(EOF, firstRedundant, firstRedundant, 'file'),
  buildNoViableAltMessage: ({ expectedPathsPerAlt, actual, previous, ruleName }) =>
    noAlternative(expectedPathsPerAlt, actual[0] ?? previous, previous, ruleName),
  buildEarlyExitMessage: ({ expectedIterationPaths, actual, previous, ruleName }) =>
    noAlternative([expectedIterationPaths], actual[0] ?? previous, previous, ruleName),
};
