// Parsing an edited file of the workspace without losing what did not change. An
// edit inside one declaration of a file that parsed without a problem re-parses
// that declaration's text alone, and the file's other declarations are kept (the
// ones after it moved by the edit's length); any other edit parses the whole file
// and keeps the declarations that are the same text at the same place. Either
// way the result equals a parse of the whole new text, and kept declarations are
// the same objects, so what is cached under them stays valid.
import type { Comment, Declaration, SourceFile, Span } from '../language/ast';
import { parse, type ParseResult } from '../language/parse';

/** A file's text and its parse. */
export interface ParsedText {
  text: string;
  parsed: ParseResult;
}

/** A copy of `value` (an AST part) with every span moved by `delta`. */
function moved<T>(value: T, delta: number): T {
  if (Array.isArray(value)) return value.map((item: unknown) => moved(item, delta)) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, part] of Object.entries(value)) {
    copy[key] = key === 'span' ? { start: (part as Span).start + delta, end: (part as Span).end + delta } : moved(part, delta);
  }
  return copy as T;
}

/** True when a parse reported anything within `decl`'s span (its end included). */
function troubled(parsed: ParseResult, decl: Declaration): boolean {
  return parsed.diagnostics.some((d) => d.span.end >= decl.span.start && d.span.start <= decl.span.end);
}

/** Where the two texts differ: the length of their common start, and of their common end after it. */
function changed(before: string, after: string): { start: number; keptEnd: number } {
  const most = Math.min(before.length, after.length);
  let start = 0;
  while (start < most && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let keptEnd = 0;
  while (keptEnd < most - start && before.charCodeAt(before.length - 1 - keptEnd) === after.charCodeAt(after.length - 1 - keptEnd)) keptEnd++;
  return { start, keptEnd };
}

/**
 * The parse of `text` when it differs from `known`'s only inside one declaration
 * (its first and last characters kept) and both parse without a problem; else null.
 */
function reparseDeclaration(known: ParsedText, text: string, file: string): ParseResult | null {
  const old = known.parsed;
  if (old.diagnostics.length > 0 || old.ast.errors.length > 0) return null;
  const { start, keptEnd } = changed(known.text, text);
  const oldEnd = known.text.length - keptEnd;
  const index = old.ast.declarations.findIndex((d) => d.span.start < start && oldEnd < d.span.end);
  if (index < 0) return null;
  const target = old.ast.declarations[index]!;
  const delta = text.length - known.text.length;
  const alone = parse(text.slice(target.span.start, target.span.end + delta), file);
  const [decl, ...more] = alone.ast.declarations;
  if (!decl || more.length > 0 || alone.diagnostics.length > 0 || alone.ast.errors.length > 0) return null;
  if (decl.kind !== target.kind || decl.span.start !== 0 || decl.span.end !== target.span.end + delta - target.span.start) return null;
  const after = (items: readonly { span: Span }[]) => items.filter((c) => c.span.start >= target.span.end);
  const declarations: Declaration[] = [
    ...old.ast.declarations.slice(0, index),
    moved(decl, target.span.start),
    ...(delta === 0 ? old.ast.declarations.slice(index + 1) : moved(old.ast.declarations.slice(index + 1), delta)),
  ];
  const comments: Comment[] = [
    ...old.ast.comments.filter((c) => c.span.end <= target.span.start),
    ...moved(alone.ast.comments, target.span.start),
    ...moved(after(old.ast.comments) as Comment[], delta),
  ];
  const ast: SourceFile = { ...old.ast, span: { start: 0, end: text.length }, declarations, comments };
  return { ast, diagnostics: [] };
}

/**
 * `parsed` with each declaration that is the same text at the same place as one
 * of `known`'s, parsed without a problem both times, replaced by the known object.
 */
function keepDeclarations(known: ParsedText, text: string, parsed: ParseResult): ParseResult {
  const old = new Map<number, Declaration>();
  for (const decl of known.parsed.ast.declarations) old.set(decl.span.start, decl);
  let kept = 0;
  const declarations = parsed.ast.declarations.map((decl) => {
    const before = old.get(decl.span.start);
    if (!before || before.kind !== decl.kind || before.span.end !== decl.span.end) return decl;
    if (known.text.slice(decl.span.start, decl.span.end) !== text.slice(decl.span.start, decl.span.end)) return decl;
    if (troubled(parsed, decl) || troubled(known.parsed, before)) return decl;
    kept++;
    return before;
  });
  return kept === 0 ? parsed : { ...parsed, ast: { ...parsed.ast, declarations } };
}

/** The parse of `text`, the new text of the file `known` held, keeping what the edit did not change. */
export function reparse(known: ParsedText, text: string, file: string): ParseResult {
  return reparseDeclaration(known, text, file) ?? keepDeclarations(known, text, parse(text, file));
}
