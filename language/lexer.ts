// Turns text into tokens, comments and lexical diagnostics (DIST001, DIST002, DIST007).
// Malformed literals stay in the token stream so the parser sees the shape the user
// meant; they are "poisoned", and the AST builder drops the clause that holds them.
// Parse errors right after a lexical error are "quiet": the first message explains them.
import type { IToken } from 'chevrotain';
import type { Comment } from './ast';
import { diagnostic, type Diagnostic } from './diagnostics';
import { MAX_DIAGNOSTICS } from './limits';
import { decodeString, durationProblem, numberProblem } from './literals';
import { showSource } from './show-source';
import { DurationLit, lexer, NumberLit, StringLit } from './tokens';

/** The lexer's result for one file. */
export interface Lexed {
  tokens: IToken[];
  comments: Comment[];
  diagnostics: Diagnostic[];
  /** Literal tokens that were reported as malformed. */
  poisoned: Set<IToken>;
  /** Start offsets (the text length for the end of file) where parse errors are not reported. */
  quietAt: Set<number>;
}

/** Index of the first token starting at or after `offset`. */
export function firstTokenFrom(tokens: readonly IToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.startOffset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Lexes `text`; never throws for any string. */
export function lex(text: string, file: string): Lexed {
  const result = lexer.tokenize(text);
  const tokens = result.tokens;
  const poisoned = new Set<IToken>();
  const quietAt = new Set<number>();
  // One list per pass, each in position order and capped, so that the merged list's
  // first MAX_DIAGNOSTICS entries are exact.
  const lists: Diagnostic[][] = [];
  let list: Diagnostic[] = [];
  const nextPass = (): void => {
    list = [];
    lists.push(list);
  };
  const report = (code: Diagnostic['code'], start: number, end: number, message: string): void => {
    if (list.length <= MAX_DIAGNOSTICS) list.push(diagnostic(code, file, { start, end }, message));
  };
  const quietAfter = (end: number): void => {
    const next = tokens[firstTokenFrom(tokens, end)];
    quietAt.add(next ? next.startOffset : text.length);
  };

  nextPass();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const type = token.tokenType;
    if (type !== StringLit && type !== NumberLit && type !== DurationLit) continue;
    const start = token.startOffset;
    const image = token.image;
    if (type === StringLit) {
      const decoded = decodeString(image);
      if (!decoded.terminated) {
        report('DIST002', start, start + 1, 'unterminated string; close it with `"` on the same line');
        quietAfter(start + image.length);
      } else if (decoded.badEscape) {
        const at = start + decoded.badEscape.at;
        const escape = image.slice(decoded.badEscape.at, decoded.badEscape.at + decoded.badEscape.length);
        report('DIST007', at, at + escape.length, `invalid escape ${showSource(escape)} in a string; use \`\\\\\` for a backslash`);
      } else continue;
    } else {
      const problem = type === NumberLit ? numberProblem(image) : durationProblem(image);
      if (problem === null) continue;
      report('DIST007', start, start + image.length, problem);
    }
    poisoned.add(token);
    quietAt.add(start);
  }

  nextPass();
  for (const error of result.errors) report('DIST001', error.offset, error.offset + error.length, 'unexpected character');
  for (const bad of result.groups['bad'] ?? []) {
    const start = bad.startOffset;
    const image = bad.image;
    const plural = Array.from(image).length > 1 ? 'characters' : 'character';
    report('DIST001', start, start + image.length, `unexpected ${plural} ${showSource(image)}`);
    quietAfter(start + image.length);
  }

  nextPass();
  const comments: Comment[] = [];
  for (const c of result.groups['comments'] ?? []) {
    const start = c.startOffset;
    const block = c.image.startsWith('/*');
    if (block && (c.image.length < 4 || !c.image.endsWith('*/'))) {
      report('DIST002', start, start + 2, 'unterminated comment; close it with `*/`');
      quietAt.add(text.length);
    }
    comments.push({ kind: 'Comment', span: { start, end: start + c.image.length }, text: c.image, block });
  }

  const diagnostics = lists.flat().sort((a, b) => a.span.start - b.span.start);
  return { tokens, comments, diagnostics, poisoned, quietAt };
}
