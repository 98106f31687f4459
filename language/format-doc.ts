// The formatter's output model: a list of rows (one printed line of code each) with
// the comments placed before and after them, and the renderer that turns rows into
// the final text. Layout decides rows; comment placement fills `before`/`after`;
// this file alone decides blank lines and where comments go on the page.

/** Widest line the formatter aims for (UTF-16 code units), comments not counted. */
export const MAX_WIDTH = 100;

/** One source comment, with what the formatter needs to know about its surroundings. */
export interface Note {
  /** The comment text (line endings normalised; trailing blanks of `//` comments trimmed). */
  text: string;
  start: number;
  end: number;
  /** True when no code precedes the comment on its line (it sits on its own line). */
  ownLine: boolean;
  /** An own-line comment with an empty line before it. */
  blankBefore: boolean;
  /** A comment with an empty line after it. */
  blankAfter: boolean;
  /** A `//` comment: nothing may follow it on its line. */
  line: boolean;
}

/** One printed line of code and the comments placed around it. */
export interface Row {
  indent: number;
  text: string;
  /** Indent of comments printed before this row (one level deeper for a closing brace). */
  commentIndent: number;
  /** First row of a top-level declaration: declarations are separated by one empty line. */
  isDecl: boolean;
  /** First row after an opening `{`: no empty line before its comments. */
  afterOpen: boolean;
  /** A closing `}`: no empty line between its comments and it. */
  isClose: boolean;
  /** Comments printed on their own lines before the row. */
  before: Note[];
  /** Comments printed after the row's code, on the same line. */
  after: Note[];
}

/** Makes a plain row at an indent. */
export function makeRow(indent: number, text: string, flags: Partial<Row> = {}): Row {
  return {
    indent,
    text,
    commentIndent: indent,
    isDecl: false,
    afterOpen: false,
    isClose: false,
    before: [],
    after: [],
    ...flags,
  };
}

/** Makes a closing-brace row; comments before it are indented like the block's contents. */
export function closeRow(indent: number): Row {
  return makeRow(indent, '}', { commentIndent: indent + 2, isClose: true });
}

/** An own-line comment goes before the row, any other after it. */
export function attach(row: Row, note: Note): void {
  (note.ownLine ? row.before : row.after).push(note);
}

const byStart = (a: Note, b: Note): number => a.start - b.start;

/**
 * Orders a row's comments: only the last `//` comment can stay after the code (a
 * block comment or a second `//` written after it would be swallowed), so earlier
 * `//` comments move to their own lines before the row, and block comments come
 * before the `//` one.
 */
function settle(row: Row): { before: Note[]; after: Note[] } {
  const after = [...row.after].sort(byStart);
  const lines = after.filter((n) => n.line);
  const kept = lines.at(-1);
  const moved = lines.slice(0, -1);
  return {
    before: [...[...row.before].sort(byStart), ...moved],
    after: [...after.filter((n) => !n.line), ...(kept ? [kept] : [])],
  };
}

/** Renders rows plus the comments left at the end of the file into the final text. */
export function renderRows(rows: readonly Row[], trailing: readonly Note[]): string {
  const out: string[] = [];
  let seenDecl = false;
  for (const row of rows) {
    if (row.isDecl) {
      if (seenDecl) out.push('');
      seenDecl = true;
    }
    const { before, after } = settle(row);
    before.forEach((note, i) => {
      const blankAllowed = i > 0 || (!row.isDecl && !row.afterOpen);
      if (note.blankBefore && blankAllowed) out.push('');
      out.push(' '.repeat(row.commentIndent) + note.text);
    });
    if (!row.isClose && before.at(-1)?.blankAfter) out.push('');
    const tail = after.map((n) => ' ' + n.text).join('');
    out.push(' '.repeat(row.indent) + row.text + tail);
  }
  trailing.forEach((note, i) => {
    if (note.blankBefore && (i > 0 || out.length > 0)) out.push('');
    out.push(note.text);
  });
  return out.length === 0 ? '' : out.join('\n') + '\n';
}
