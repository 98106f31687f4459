// Folding ranges: every declaration over several lines (its body folds to its
// first line), multi-line clauses (a long `when`), and block comments.
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { Span } from '../../language/ast';
import type { ServiceContext } from './context';

/** The folding ranges of a `.dist` file. */
export function foldingRanges(ctx: ServiceContext, file: string): FoldingRange[] {
  const ast = ctx.ast(file);
  const text = ctx.text(file);
  if (!ast || !text) return [];
  const ranges: FoldingRange[] = [];
  const fold = (span: Span, kind?: FoldingRangeKind) => {
    const start = text.position(span.start).line;
    const end = text.position(span.end).line;
    if (end > start) ranges.push({ startLine: start, endLine: kind ? end : end - 1, ...(kind ? { kind } : {}) });
  };
  for (const decl of ast.declarations) {
    fold(decl.span);
    if (decl.kind === 'Rule') for (const clause of decl.clauses) fold({ start: clause.span.start, end: clause.span.end + 1 });
  }
  for (const comment of ast.comments) if (comment.block) fold(comment.span, FoldingRangeKind.Comment);
  return ranges.sort((a, b) => a.startLine - b.startLine);
}
