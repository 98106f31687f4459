// The formatter's comment channel: turns `SourceFile.comments` into notes that know
// whether they sit on their own line and whether empty lines surround them, and
// places each note on exactly one row. The rule, applied at every level: an
// own-line comment goes before the row that holds the code after it; a comment
// after code goes at the end of the row that holds the code before it.
import type { Comment, Span } from './ast';
import { attach, type Note, type Row } from './format-doc';

/** A printed construct: its source span, its rows, and how to place a comment inside it. */
export interface Unit {
  span: Span;
  rows: Row[];
  place(note: Note): void;
}

const isBlank = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v';

/** Counts line breaks in the whitespace run ending before `at` (stopping at code or a comment). */
function breaksBefore(text: string, at: number): { breaks: number; stop: number } {
  let breaks = 0;
  let i = at - 1;
  for (; i >= 0; i--) {
    const c = text[i]!;
    if (c === '\n') breaks++;
    else if (!isBlank(c)) break;
  }
  return { breaks, stop: i + 1 };
}

/** Counts line breaks in the whitespace run starting at `at`. */
function breaksAfter(text: string, at: number): number {
  let breaks = 0;
  for (let i = at; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') breaks++;
    else if (!isBlank(c)) break;
  }
  return breaks;
}

/** Builds the notes of a file, in source order. */
export function notesOf(comments: readonly Comment[], text: string): Note[] {
  const sorted = [...comments].sort((a, b) => a.span.start - b.span.start);
  const notes: Note[] = [];
  for (const c of sorted) {
    const { breaks, stop } = breaksBefore(text, c.span.start);
    const prev = notes.at(-1);
    // Directly after another comment on the same line: share its classification.
    const ownLine = breaks > 0 || stop === 0 || (prev !== undefined && prev.end === stop ? prev.ownLine : false);
    const normalised = c.text.replace(/\r\n?/g, '\n');
    notes.push({
      text: c.block ? normalised : normalised.replace(/[ \t\f\v]+$/, ''),
      start: c.span.start,
      end: c.span.end,
      ownLine,
      blankBefore: ownLine && breaks >= 2,
      blankAfter: breaksAfter(text, c.span.end) >= 2,
      line: !c.block,
    });
  }
  return notes;
}

/** True when the note lies inside the span. */
export function within(span: Span, note: Note): boolean {
  return span.start <= note.start && note.end <= span.end;
}

/**
 * Places a note that lies among a sequence of units (declarations, clauses,
 * fields, entries). Inside a unit: the unit decides. Between units: after code on
 * its line it trails the previous unit (or `head`, the row holding the opening
 * `{`); on its own line it leads the next unit, or falls to `end` (the closing
 * brace's row, or the end-of-file list).
 */
export function placeInSequence(
  note: Note,
  units: readonly Unit[],
  head: Row | null,
  end: Row | Note[],
): void {
  let prev: Unit | undefined;
  let next: Unit | undefined;
  for (const unit of units) {
    if (within(unit.span, note)) return unit.place(note);
    if (unit.span.end <= note.start) {
      if (!prev || unit.span.end > prev.span.end) prev = unit;
    } else if (!next || unit.span.start < next.span.start) {
      next = unit;
    }
  }
  const prevRow = prev ? prev.rows.at(-1) : head;
  if (!note.ownLine && prevRow) return void prevRow.after.push(note);
  const nextRow = next?.rows[0];
  if (nextRow) return void nextRow.before.push(note);
  if (Array.isArray(end)) end.push(note);
  else attach(end, note);
}

/** A unit printed on one row: every comment inside it goes before or after that row. */
export function singleRowUnit(span: Span, row: Row): Unit {
  return { span, rows: [row], place: (note) => attach(row, note) };
}

/**
 * Offset of the first `{` at or after `from` that is not inside a comment (the
 * opening brace of a block); `fallback` if there is none.
 */
export function braceAfter(text: string, from: number, notes: readonly Note[], fallback: number): number {
  // Notes are in source order: walk them alongside the text.
  let k = notes.findIndex((n) => n.end > from);
  if (k < 0) k = notes.length;
  for (let i = from; i < text.length; i++) {
    const note = notes[k];
    if (note && note.start <= i) {
      i = note.end - 1;
      k++;
    } else if (text[i] === '{') {
      return i;
    }
  }
  return fallback;
}
