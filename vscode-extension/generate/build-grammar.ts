// The TextMate grammar of `.dist` files, built from the language's vocabulary
// (language/vocabulary.ts) so that its keywords never drift from the lexer's.
// `npm run generate:vscode` writes it to syntaxes/dist.tmLanguage.json; a test fails
// when the committed file differs from what this module builds.
//
// Scopes follow the TextMate conventions that themes colour: declarations are
// `keyword.declaration`, rule clauses `keyword.control.clause`, settings
// `keyword.other.setting`, operator words `keyword.operator.*`, names of methods,
// statuses, requirements, periods and triggers `support.constant.*`, field paths
// `variable.other.object` + `variable.other.property`.
import { SIMPLE_TYPES } from '../../compiler/stages/types';
import {
  CLAUSES, DECLARATIONS, EVENT_KINDS, FUNCTIONS, METHODS, namesOf, OPERATORS, OTHER_KEYWORDS, QUOTA_PERIODS,
  REQUIREMENTS, SETTINGS, STATUSES, TRIGGERS, VOLUME_PERIODS, type Word,
} from '../../language/vocabulary';

/** One TextMate rule: a `match`, a `begin`/`end` pair, or an `include`. */
export interface GrammarRule {
  name?: string;
  contentName?: string;
  match?: string;
  begin?: string;
  end?: string;
  include?: string;
  while?: string;
  captures?: Record<string, GrammarCapture>;
  beginCaptures?: Record<string, GrammarCapture>;
  endCaptures?: Record<string, GrammarCapture>;
  patterns?: GrammarRule[];
}

/** The scope, and optionally nested rules, of one capture group. */
export interface GrammarCapture {
  name?: string;
  patterns?: GrammarRule[];
}

/** A whole TextMate grammar as VS Code reads it. */
export interface Grammar {
  name: string;
  scopeName: string;
  fileTypes: string[];
  comment: string;
  patterns: GrammarRule[];
  repository: Record<string, GrammarRule>;
}

/** The scope name of the language. */
export const SCOPE = 'source.dist';

const WORD = '[A-Za-z_][A-Za-z0-9_]*';
/** A well-formed number: an underscore only between digits (language/literals.ts). */
const NUMBER = '(?>[0-9]+(?:_[0-9]+)*(?:\\.[0-9]+(?:_[0-9]+)*)?)';
/** What the lexer reads as one number or duration token, well-formed or not. */
const NUMERIC_TOKEN = '(?>[0-9][0-9_]*(?:\\.[0-9][0-9_]*)?)(?:[A-Za-z][A-Za-z0-9_]*)?';
/** Duration units a `.dist` literal may use (language/literals.ts). */
const DURATION_UNITS = ['s', 'm', 'h', 'd'];

function escapeRegex(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `\b(?:a|b|…)\b`, longest word first so that no word shadows a longer one. */
function wordsRegex(words: readonly string[]): string {
  const unique = [...new Set(words)].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return `\\b(?:${unique.map(escapeRegex).join('|')})\\b`;
}

const names = (...tables: (readonly Word[])[]) => tables.flatMap((t) => namesOf(t));
const only = (table: readonly Word[], keep: readonly string[]) => namesOf(table).filter((n) => keep.includes(n));
const except = (table: readonly Word[], drop: readonly string[]) => namesOf(table).filter((n) => !drop.includes(n));

/** The rule clauses and declarations: where the events of an `on` clause end. */
const STATEMENT_START = wordsRegex([...names(CLAUSES), ...names(DECLARATIONS)]);
const LOGICAL = ['and', 'or', 'not'];
const BOOLEANS = ['true', 'false'];
const ORDERS = ['asc', 'desc'];
/** Methods written as a keyword of their own (`weighted`, `score`, `ordered`) are keywords; the simple ones are values. */
const SIMPLE_METHODS = METHODS.filter((m) => m.simple).map((m) => m.name);
/** The variables a path may start with that the language itself provides. */
const LANGUAGE_VARIABLES = ['user', 'payload'];

const comments: GrammarRule = {
  patterns: [
    {
      name: 'comment.line.double-slash.dist',
      match: '(//).*$',
      captures: { 1: { name: 'punctuation.definition.comment.dist' } },
    },
    {
      name: 'comment.block.dist',
      begin: '/\\*',
      end: '\\*/',
      beginCaptures: { 0: { name: 'punctuation.definition.comment.begin.dist' } },
      endCaptures: { 0: { name: 'punctuation.definition.comment.end.dist' } },
    },
  ],
};

const escapes: GrammarRule = {
  patterns: [
    { name: 'constant.character.escape.dist', match: '\\\\(?:["\\\\/bfnrt]|u[0-9A-Fa-f]{4})' },
    { name: 'invalid.illegal.escape.dist', match: '\\\\.?' },
  ],
};

/** A string ends at its closing quote or, unterminated, at the end of the line. */
const strings: GrammarRule = {
  name: 'string.quoted.double.dist',
  begin: '"',
  end: '"|$',
  beginCaptures: { 0: { name: 'punctuation.definition.string.begin.dist' } },
  endCaptures: { 0: { name: 'punctuation.definition.string.end.dist' } },
  patterns: [{ include: '#escapes' }],
};

/** `rule "Name"`, `schema lead`, `map lead from "source"`: the declared name gets an entity scope. */
const declarations: GrammarRule = {
  patterns: [
    {
      match: `\\b(rule)\\b\\s*("(?:[^"\\\\]|\\\\.)*"?)`,
      captures: {
        1: { name: 'keyword.declaration.rule.dist' },
        2: { name: 'string.quoted.double.dist entity.name.function.rule.dist', patterns: [{ include: '#escapes' }] },
      },
    },
    {
      match: `\\b(schema)\\s+(${WORD})`,
      captures: { 1: { name: 'keyword.declaration.schema.dist' }, 2: { name: 'entity.name.type.schema.dist' } },
    },
    {
      match: `\\b(map)\\s+(${WORD})(?:\\s+(from)\\b)?`,
      captures: {
        1: { name: 'keyword.declaration.map.dist' },
        2: { name: 'entity.name.type.map.dist' },
        3: { name: 'keyword.other.dist' },
      },
    },
  ],
};

/** `name: type` in a schema (weights are keyed by strings, so a word before `:` is a field). */
const fieldDeclaration: GrammarRule = {
  match: `^\\s*(${WORD})\\s*(:)`,
  captures: {
    1: { name: 'variable.other.property.declaration.dist' },
    2: { name: 'punctuation.separator.key-value.dist' },
  },
};

/** `field = expr` in a map. */
const mapAssignment: GrammarRule = {
  match: `^\\s*(${WORD})\\s*(=)(?!=)`,
  captures: {
    1: { name: 'variable.other.property.dist' },
    2: { name: 'keyword.operator.assignment.dist' },
  },
};

/** `on lead.created, lead.updated(status)` up to the end of the line or the next clause; `on invalid` in a map. */
const onClause: GrammarRule = {
  patterns: [
    {
      match: '\\b(on)\\s+(invalid)\\b',
      captures: { 1: { name: 'keyword.control.clause.dist' }, 2: { name: 'keyword.other.dist' } },
    },
    {
      begin: '\\b(on)\\b',
      end: `(?=$|[}]|//|/\\*|${STATEMENT_START})`,
      beginCaptures: { 1: { name: 'keyword.control.clause.dist' } },
      patterns: [
        { include: '#comments' },
        {
          match: `\\b(${WORD})\\s*(\\.)\\s*(${wordsRegex(names(EVENT_KINDS))})`,
          captures: {
            1: { name: 'variable.other.object.entity.dist' },
            2: { name: 'punctuation.accessor.dist' },
            3: { name: 'support.constant.event.dist' },
          },
        },
        {
          begin: '\\(',
          end: '\\)',
          beginCaptures: { 0: { name: 'punctuation.section.parens.begin.dist' } },
          endCaptures: { 0: { name: 'punctuation.section.parens.end.dist' } },
          patterns: [
            { include: '#comments' },
            { match: WORD, name: 'variable.other.property.dist' },
            { include: '#punctuation' },
          ],
        },
        { include: '#paths' },
        { include: '#punctuation' },
        { include: '#identifiers' },
      ],
    },
  ],
};

const numbers: GrammarRule = {
  patterns: [
    {
      name: 'constant.numeric.duration.dist',
      match: `\\b${NUMBER}(${DURATION_UNITS.join('|')})\\b`,
      captures: { 1: { name: 'keyword.other.unit.dist' } },
    },
    { name: 'constant.numeric.decimal.dist', match: `\\b${NUMBER}(?![A-Za-z0-9_])` },
    { name: 'invalid.illegal.numeric.dist', match: `\\b${NUMERIC_TOKEN}` },
  ],
};

/** `lead.score`, `user.languages`, `payload.contact.email`: the head, then `.` and a property, repeated. */
const paths: GrammarRule = {
  patterns: [
    { name: 'variable.language.dist', match: `${wordsRegex(LANGUAGE_VARIABLES)}(?=\\s*\\.)` },
    { name: 'variable.other.object.dist', match: `\\b${WORD}(?=\\s*\\.\\s*[A-Za-z_])` },
    {
      match: `(\\.)\\s*(${WORD})`,
      captures: { 1: { name: 'punctuation.accessor.dist' }, 2: { name: 'variable.other.property.dist' } },
    },
  ],
};

const calls: GrammarRule = {
  patterns: [
    { name: 'support.function.builtin.dist', match: `${wordsRegex(names(FUNCTIONS))}(?=\\s*\\()` },
    { name: 'support.type.dist', match: `${wordsRegex(['choice', 'list'])}(?=\\s*\\()` },
  ],
};

const keywords: GrammarRule = {
  patterns: [
    { name: 'keyword.declaration.dist', match: wordsRegex(names(DECLARATIONS)) },
    { name: 'keyword.control.clause.dist', match: wordsRegex(names(CLAUSES)) },
    { name: 'keyword.other.setting.dist', match: wordsRegex(names(SETTINGS)) },
    { name: 'keyword.operator.logical.dist', match: wordsRegex(only(OPERATORS, LOGICAL)) },
    { name: 'constant.language.boolean.dist', match: wordsRegex(only(OPERATORS, BOOLEANS)) },
    { name: 'keyword.other.order.dist', match: wordsRegex(only(OPERATORS, ORDERS)) },
    { name: 'keyword.operator.expression.dist', match: wordsRegex(except(OPERATORS, [...LOGICAL, ...BOOLEANS, ...ORDERS])) },
    { name: 'keyword.other.dist', match: wordsRegex(names(OTHER_KEYWORDS)) },
  ],
};

/** The plain words the compiler gives a meaning to in value positions. */
const values: GrammarRule = {
  patterns: [
    { name: 'support.constant.method.dist', match: wordsRegex(SIMPLE_METHODS) },
    { name: 'support.constant.status.dist', match: wordsRegex(names(STATUSES)) },
    { name: 'support.constant.requirement.dist', match: wordsRegex(names(REQUIREMENTS)) },
    { name: 'support.constant.period.dist', match: wordsRegex(names(QUOTA_PERIODS, VOLUME_PERIODS)) },
    { name: 'support.constant.trigger.dist', match: wordsRegex(names(TRIGGERS)) },
    { name: 'support.type.dist', match: wordsRegex(SIMPLE_TYPES) },
  ],
};

const operators: GrammarRule = {
  patterns: [
    { name: 'keyword.operator.comparison.dist', match: '==|!=|<=|>=|<|>' },
    { name: 'keyword.operator.coalesce.dist', match: '\\?\\?' },
    { name: 'keyword.operator.arithmetic.dist', match: '[-+*/]' },
    { name: 'keyword.operator.assignment.dist', match: '=' },
  ],
};

const punctuation: GrammarRule = {
  patterns: [
    { name: 'punctuation.section.block.begin.dist', match: '\\{' },
    { name: 'punctuation.section.block.end.dist', match: '\\}' },
    { name: 'punctuation.section.parens.begin.dist', match: '\\(' },
    { name: 'punctuation.section.parens.end.dist', match: '\\)' },
    { name: 'punctuation.section.brackets.begin.dist', match: '\\[' },
    { name: 'punctuation.section.brackets.end.dist', match: '\\]' },
    { name: 'punctuation.separator.comma.dist', match: ',' },
    { name: 'punctuation.separator.key-value.dist', match: ':' },
    { name: 'punctuation.accessor.dist', match: '\\.' },
  ],
};

const identifiers: GrammarRule = {
  patterns: [
    { name: 'entity.name.function.dist', match: `\\b${WORD}(?=\\s*\\()` },
    { name: 'variable.other.dist', match: `\\b${WORD}` },
  ],
};

/** Characters that start no token (the lexer's DIST001): `!` and `?` only count before `=` and `?`. */
const invalid: GrammarRule = {
  name: 'invalid.illegal.character.dist',
  match: '!(?!=)|\\?(?!\\?)|[^ \\t\\r\\n\\f\\v\\x{FEFF}A-Za-z0-9_"/{}()\\[\\],.:=<>+\\-*!?]+',
};

/** The grammar of `.dist` files. */
export function buildGrammar(): Grammar {
  return {
    name: 'dist',
    scopeName: SCOPE,
    fileTypes: ['dist'],
    comment: 'Generated from language/vocabulary.ts by `npm run generate:vscode`; do not edit by hand.',
    patterns: [
      '#comments', '#declarations', '#field-declaration', '#map-assignment', '#on-clause', '#strings',
      '#numbers', '#paths', '#calls', '#keywords', '#values', '#operators', '#punctuation', '#identifiers', '#invalid',
    ].map((include) => ({ include })),
    repository: {
      comments,
      escapes,
      strings,
      declarations,
      'field-declaration': fieldDeclaration,
      'map-assignment': mapAssignment,
      'on-clause': onClause,
      numbers,
      paths,
      calls,
      keywords,
      values,
      operators,
      punctuation,
      identifiers,
      invalid,
    },
  };
}

/** The scope of the injection that highlights ```dist fences in Markdown. */
export const MARKDOWN_SCOPE = 'markdown.dist.codeblock';

/** An injection grammar for Markdown: the body of a ```dist (or ~~~dist) fence is read as `.dist`. */
export function buildMarkdownInjection(): Omit<Grammar, 'name' | 'fileTypes'> & { injectionSelector: string } {
  return {
    scopeName: MARKDOWN_SCOPE,
    injectionSelector: 'L:text.html.markdown',
    comment: 'Generated by `npm run generate:vscode`; do not edit by hand.',
    patterns: [{ include: '#dist-code-block' }],
    repository: {
      'dist-code-block': {
        name: 'markup.fenced_code.block.markdown',
        begin: '(^|\\G)(\\s*)(`{3,}|~{3,})\\s*(dist)(\\s+[^`~]*)?$',
        end: '(^|\\G)(\\2|\\s{0,3})(\\3)\\s*$',
        beginCaptures: {
          3: { name: 'punctuation.definition.markdown' },
          4: { name: 'fenced_code.block.language.markdown' },
          5: { name: 'fenced_code.block.language.attributes.markdown' },
        },
        endCaptures: { 3: { name: 'punctuation.definition.markdown' } },
        patterns: [
          {
            begin: '(^|\\G)(\\s*)(.*)',
            while: '(^|\\G)(?!\\s*([`~]{3,})\\s*$)',
            contentName: 'meta.embedded.block.dist',
            patterns: [{ include: SCOPE }],
          },
        ],
      },
    },
  };
}

/** The grammar as the committed file holds it: two-space JSON and a final newline. */
export function grammarText(): string {
  return `${JSON.stringify(buildGrammar(), null, 2)}\n`;
}

/** The Markdown injection as the committed file holds it. */
export function markdownInjectionText(): string {
  return `${JSON.stringify(buildMarkdownInjection(), null, 2)}\n`;
}
