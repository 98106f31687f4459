// The public entry point of the front end: text in, AST and diagnostics out. It
// never throws and never hangs: every character lexes, deep nesting is refused
// before parsing, the parser stops after MAX_DIAGNOSTICS errors, and expression
// trees deeper than a limit are refused. A last-resort guard turns any remaining
// internal failure into a diagnostic.
import type { Comment, SourceFile } from './ast';
import type { IRecognitionException } from 'chevrotain';
import type { BuildContext } from './cst-access';
import { buildSourceFile } from './cst-to-ast';
import { diagnostic, sortDiagnostics, type Diagnostic } from './diagnostics';
import { lex } from './lexer';
import { MAX_DIAGNOSTICS } from './limits';
import { nestingProblem } from './nesting-guard';
import { parseTokens } from './parser';

/** The AST of one file and every lexical and syntax diagnostic found in it. */
export interface ParseResult {
  ast: SourceFile;
  diagnostics: Diagnostic[];
}

function emptyFile(text: string, file: string, comments: Comment[]): SourceFile {
  return { kind: 'SourceFile', span: { start: 0, end: text.length }, file, declarations: [], errors: [], comments };
}

/** Sorts, and keeps at most MAX_DIAGNOSTICS diagnostics plus one saying that checking stopped. */
function capped(file: string, diagnostics: Diagnostic[]): Diagnostic[] {
  const sorted = sortDiagnostics(diagnostics);
  if (sorted.length <= MAX_DIAGNOSTICS) return sorted;
  const stop = diagnostic('DIST003', file, sorted[MAX_DIAGNOSTICS]!.span, 'too many errors; stopping');
  return [...sorted.slice(0, MAX_DIAGNOSTICS), stop];
}

/** Start offset of an error's token (the text length for the end of file). */
function errorStart(text: string, error: IRecognitionException): number {
  return Number.isNaN(error.token.startOffset) ? text.length : error.token.startOffset;
}

/** Parser errors as DIST003 diagnostics: one per token, none where another message already explains it. */
function syntaxDiagnostics(text: string, file: string, errors: IRecognitionException[], quietAt: Set<number>): Diagnostic[] {
  const result: Diagnostic[] = [];
  const seen = new Set<number>();
  for (const error of errors) {
    const start = errorStart(text, error);
    if (seen.has(start) || quietAt.has(start)) continue;
    seen.add(start);
    const end = Number.isNaN(error.token.startOffset) ? start : start + error.token.image.length;
    result.push(diagnostic('DIST003', file, { start, end }, error.message));
  }
  return result;
}

function parseChecked(text: string, file: string): ParseResult {
  const lexed = lex(text, file);
  const tooDeep = nestingProblem(lexed.tokens, file);
  if (tooDeep) {
    return { ast: emptyFile(text, file, lexed.comments), diagnostics: capped(file, [...lexed.diagnostics, tooDeep]) };
  }
  const { cst, errors } = parseTokens(text, lexed.tokens);
  const ctx: BuildContext = {
    file,
    text,
    tokens: lexed.tokens,
    poisoned: lexed.poisoned,
    errorStarts: errors.map((e) => errorStart(text, e)).sort((a, b) => a - b),
    quietAt: lexed.quietAt,
    diagnostics: [],
    depth: 0,
  };
  const ast = buildSourceFile(ctx, cst, lexed.comments);
  const built = ctx.diagnostics.filter((d) => !lexed.quietAt.has(d.span.start));
  const syntax = syntaxDiagnostics(text, file, errors, lexed.quietAt);
  return { ast, diagnostics: capped(file, [...lexed.diagnostics, ...syntax, ...built]) };
}

/**
 * Parses one `.dist` file. Never throws, for any input string: problems are
 * reported as diagnostics (DIST001–DIST007) and the AST holds what could be read whole.
 */
export function parse(text: string, file: string): ParseResult {
  try {
    return parseChecked(text, file);
  } catch (error) {
    const message = `the parser failed unexpectedly (${String(error).slice(0, 200)}); please report this`;
    return { ast: emptyFile(text, file, []), diagnostics: [diagnostic('DIST003', file, { start: 0, end: 0 }, message)] };
  }
}
