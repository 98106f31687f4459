// Where the cursor stands, for completion: in which declaration, which clause
// (the keyword that starts the clause the cursor is in, found by looking back to
// the line that begins with one), inside a string or after `word.`. Read from the
// text before the cursor and the AST around it, so it works in code that does not
// parse yet (`when lead.|` sits in an Error node).
import type { Declaration, SourceFile } from '../../language/ast';
import { CLAUSES, SETTINGS } from '../../language/vocabulary';

/** What completion needs to know about the cursor. */
export interface CursorContext {
  /** The declaration the cursor is inside (between its braces), null at the top level. */
  decl: Declaration | null;
  /** The text from the keyword of the current clause or setting to the cursor, trimmed at the start. */
  clause: string;
  /** The first word of `clause` when it is a clause (in a rule) or setting keyword. */
  keyword: string | null;
  /** True when only white space precedes the word being typed on its line. */
  lineStart: boolean;
  /** The word being typed just before the cursor (may be empty). */
  word: string;
  /** Inside a string: the offset just after its opening quote, and the text before that quote. */
  string: { start: number; before: string } | null;
  /** After `head.`: the head word and the segment typed so far. */
  member: { head: string; prefix: string } | null;
}

const RULE_KEYWORDS: ReadonlySet<string> = new Set(CLAUSES.map((c) => c.name));
const SETTING_KEYWORDS: ReadonlySet<string> = new Set(SETTINGS.map((s) => s.name));

/** The declaration whose body (after its `{`) holds `offset`. */
function declarationAt(ast: SourceFile, text: string, offset: number): Declaration | null {
  for (const decl of ast.declarations) {
    const open = text.indexOf('{', decl.span.start);
    if (open >= 0 && open < offset && offset <= decl.span.end && (text[decl.span.end - 1] !== '}' || offset < decl.span.end)) return decl;
  }
  return null;
}

/** Offset of the opening quote of an unterminated string on the line before the cursor, or -1. */
function openQuote(line: string): number {
  let open = -1;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && open >= 0) i++;
    else if (c === '"') open = open >= 0 ? -1 : i;
  }
  return open;
}

/** The text of the clause the cursor is in: back to the nearest line that starts with a keyword of `keywords`. */
function clauseText(lines: string[], keywords: ReadonlySet<string>): string {
  for (let i = lines.length - 1; i >= 0; i--) {
    const first = /^\s*([A-Za-z_]\w*)/.exec(lines[i]!)?.[1];
    if (first !== undefined && keywords.has(first)) return lines.slice(i).join('\n').trimStart();
    if (lines[i]!.includes('{') && i < lines.length - 1) break;
  }
  return lines.at(-1)!.trimStart();
}

/** The cursor's context in `text` at `offset`. */
export function cursorContext(ast: SourceFile, text: string, offset: number): CursorContext {
  const decl = declarationAt(ast, text, offset);
  const bodyStart = decl ? text.indexOf('{', decl.span.start) + 1 : Math.max(0, text.lastIndexOf('\n', offset - 1) + 1);
  const before = text.slice(bodyStart, offset);
  const lines = before.split('\n');
  const line = lines.at(-1)!;
  const quote = openQuote(line);
  const lineStartOffset = offset - line.length;
  const string = quote >= 0 ? { start: lineStartOffset + quote + 1, before: line.slice(0, quote) } : null;
  const keywords = decl?.kind === 'Settings' ? SETTING_KEYWORDS : RULE_KEYWORDS;
  const clause = decl ? clauseText(lines, keywords) : line.trimStart();
  const first = /^([A-Za-z_]\w*)/.exec(clause)?.[1] ?? null;
  const word = /[A-Za-z_]\w*$/.exec(line)?.[0] ?? '';
  const member = string ? null : /([A-Za-z_]\w*)\.(\w*)$/.exec(line);
  return {
    decl,
    clause,
    keyword: first !== null && keywords.has(first) && clause !== word ? first : null,
    lineStart: /^\s*$/.test(line.slice(0, line.length - word.length)),
    word,
    string,
    member: member ? { head: member[1]!, prefix: member[2]! } : null,
  };
}
