// Offsets ↔ LSP positions. The compiler works in UTF-16 offsets; LSP speaks
// 0-based lines and UTF-16 characters. One LineIndex per text, built on demand.
import type { Position, Range } from 'vscode-languageserver-types';
import type { Span } from '../../language/ast';
import { LineIndex } from '../../language/line-index';

/** A text with its line index, converting between offsets and LSP positions. */
export class TextPositions {
  private index: LineIndex | null = null;

  constructor(readonly text: string) {}

  private lines(): LineIndex {
    return (this.index ??= new LineIndex(this.text));
  }

  /** The LSP position of an offset. */
  position(offset: number): Position {
    const p = this.lines().position(offset);
    return { line: p.line - 1, character: p.column - 1 };
  }

  /** The offset of an LSP position (clamped to the line and the text). */
  offset(position: Position): number {
    return this.lines().offset({ line: position.line + 1, column: position.character + 1 });
  }

  /** The LSP range of a span. */
  range(span: Span): Range {
    return { start: this.position(span.start), end: this.position(span.end) };
  }

  /** The span of an LSP range. */
  span(range: Range): Span {
    return { start: this.offset(range.start), end: this.offset(range.end) };
  }
}
