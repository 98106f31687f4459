// Expressions for the formatter: the one-line form of every expression and type,
// and the layout of conditions that break over several rows. A condition breaks
// only at the operators of an `and`/`or` chain: the first operand stays on the
// clause's row, each further operand starts a row with its operator. A chain at
// the top of a clause continues two spaces deeper than the clause; a chain inside
// parentheses (or `not (…)`) continues four spaces deeper than the row where its
// `(` stands.
import type { Expr, Logical, TypeExpr } from './ast';
import { attach, makeRow, MAX_WIDTH, type Note, type Row } from './format-doc';
import { within } from './format-comments';

/** The one-line form of an expression: raw literals, parentheses exactly as written. */
export function printExpr(e: Expr): string {
  switch (e.kind) {
    case 'Number':
    case 'String':
    case 'Duration':
      return e.raw;
    case 'Bool':
      return e.value ? 'true' : 'false';
    case 'List':
      return `[${e.items.map(printExpr).join(', ')}]`;
    case 'Path':
      return [e.head, ...e.segments].map((n) => n.text).join('.');
    case 'Call':
      return `${e.callee.text}(${e.args.map(printExpr).join(', ')})`;
    case 'Unary': {
      const operand = printExpr(e.operand);
      if (e.op === 'not') return `not ${operand}`;
      return operand.startsWith('-') ? `- ${operand}` : `-${operand}`;
    }
    case 'Binary':
    case 'Compare':
    case 'Predicate':
      return `${printExpr(e.left)} ${e.op} ${printExpr(e.right)}`;
    case 'Between':
      return `${printExpr(e.value)} between ${printExpr(e.low)} and ${printExpr(e.high)}`;
    case 'IsSet':
      return `${printExpr(e.value)} is ${e.negated ? 'not ' : ''}set`;
    case 'Logical':
      return e.operands.map(printExpr).join(` ${e.op} `);
    case 'Paren':
      return `(${printExpr(e.expr)})`;
  }
}

/** The one-line form of a field type. */
export function printType(t: TypeExpr): string {
  switch (t.kind) {
    case 'SimpleType':
      return t.name.text;
    case 'ChoiceType':
      return `choice(${t.options.map((o) => o.raw).join(', ')})`;
    case 'ListType':
      return `list(${printType(t.element)})`;
  }
}

/** Appends text to the last row or starts new rows; tracks the current column. */
export class RowWriter {
  readonly rows: Row[];

  constructor(first: Row) {
    this.rows = [first];
  }

  get index(): number {
    return this.rows.length - 1;
  }

  get current(): Row {
    return this.rows[this.rows.length - 1]!;
  }

  column(): number {
    return this.current.indent + this.current.text.length;
  }

  append(text: string): void {
    this.current.text += text;
  }

  newline(indent: number): void {
    this.rows.push(makeRow(indent, ''));
  }
}

/** Where an expression landed: its first and last row, and its operands if it broke. */
export interface Laid {
  expr: Expr;
  first: number;
  last: number;
  operands?: Laid[];
}

/**
 * The and/or chain under any parentheses and `not`s, with the text that wraps it:
 * `(a or b)` and `not (a or b)` break like `a or b`.
 */
function chainOf(e: Expr): { open: string; close: string; chain: Logical } | null {
  let open = '';
  let close = '';
  let inner = e;
  for (;;) {
    if (inner.kind === 'Paren') {
      open += '(';
      close += ')';
      inner = inner.expr;
    } else if (inner.kind === 'Unary' && inner.op === 'not') {
      open += 'not ';
      inner = inner.operand;
    } else {
      break;
    }
  }
  return inner.kind === 'Logical' ? { open, close, chain: inner } : null;
}

/**
 * True when a comment sits between two operands of a chain in `e` (and so must
 * start or end a row there): such a chain, and every chain around it, breaks.
 */
function mustBreak(e: Expr, notes: readonly Note[]): boolean {
  const c = chainOf(e);
  if (!c) return false;
  const ops = c.chain.operands;
  const first = ops[0];
  const last = ops.at(-1);
  if (!first || !last) return false;
  const between = notes.some(
    (n) =>
      first.span.start <= n.start && n.end <= last.span.end && !ops.some((o) => within(o.span, n)),
  );
  return between || ops.some((o) => mustBreak(o, notes));
}

/**
 * Writes a condition at the writer's position, breaking chains that do not fit in
 * `MAX_WIDTH` (with `suffix` more characters still to come on the last row) or
 * that hold a comment between operands.
 */
export function layoutCondition(
  e: Expr,
  w: RowWriter,
  suffix: number,
  notes: readonly Note[],
  top = true,
): Laid {
  const first = w.index;
  const c = chainOf(e);
  const text = printExpr(e);
  if (!c || !(mustBreak(e, notes) || w.column() + text.length + suffix > MAX_WIDTH)) {
    w.append(text);
    return { expr: e, first, last: first };
  }
  const indent = w.current.indent + (top && c.open === '' ? 2 : 4);
  const n = c.chain.operands.length;
  w.append(c.open);
  const operands = c.chain.operands.map((o, i) => {
    if (i > 0) {
      w.newline(indent);
      w.append(`${c.chain.op} `);
    }
    return layoutCondition(o, w, i === n - 1 ? suffix + c.close.length : 0, notes, false);
  });
  w.append(c.close);
  return { expr: e, first, last: w.index, operands };
}

/**
 * Places a comment that lies inside a laid-out condition: inside an operand, that
 * operand decides; between operands, before the next operand's row (own line) or
 * after the previous operand's row (after code).
 */
export function placeInCondition(laid: Laid, note: Note, rows: readonly Row[]): void {
  const ops = laid.operands;
  if (!ops) {
    attach(rows[note.ownLine ? laid.first : laid.last]!, note);
    return;
  }
  const inside = ops.find((o) => within(o.expr.span, note));
  if (inside) return placeInCondition(inside, note, rows);
  const nextIndex = ops.findIndex((o) => o.expr.span.start >= note.end);
  const next = nextIndex >= 0 ? ops[nextIndex]! : undefined;
  const prev = nextIndex > 0 ? ops[nextIndex - 1] : nextIndex < 0 ? ops.at(-1) : undefined;
  if (note.ownLine) rows[next ? next.first : prev!.last]!.before.push(note);
  else rows[prev ? prev.last : next!.first]!.after.push(note);
}
