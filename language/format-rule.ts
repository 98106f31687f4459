// Rule clauses for the formatter: the canonical clause order, the one-row form of
// each clause, and the clauses that may take several rows (conditions that break,
// `distribute weighted { … }` that does not fit on one line).
import type {
  Clause,
  DistributeClause,
  Expr,
  Method,
  Pool,
  QueueTarget,
  StringLit,
  WeightedMethod,
} from './ast';
import { attach, closeRow, makeRow, MAX_WIDTH, type Note } from './format-doc';
import { braceAfter, placeInSequence, singleRowUnit, within, type Unit } from './format-comments';
import { layoutCondition, placeInCondition, printExpr, RowWriter } from './format-expr';
import { CLAUSES } from './vocabulary';

/** Clause kinds in the order `dist fmt` writes them (LANGUAGE.md's clause table). */
export const CLAUSE_ORDER: readonly Clause['kind'][] = CLAUSES.map((c) => c.kind);

const strings = (list: readonly StringLit[]): string => list.map((s) => s.raw).join(', ');

/** `queue "q" [retry every D for D]`, shared by `fallback` and `unmatched`. */
export function printQueue(q: QueueTarget): string {
  const retry = q.retry ? ` retry every ${q.retry.every.raw} for ${q.retry.for.raw}` : '';
  return `queue ${q.name.raw}${retry}`;
}

function printPool(p: Pool): string {
  switch (p.kind) {
    case 'UsersPool':
      return p.users.length > 0 ? `users ${strings(p.users)}` : 'users';
    case 'TeamsPool':
      return `teams ${strings(p.teams)}`;
    case 'GroupsPool':
      return `groups ${strings(p.groups)}`;
    case 'AnyonePool':
      return 'anyone';
  }
}

function printMethod(m: Method): string {
  switch (m.kind) {
    case 'SimpleMethod':
      return m.name.text;
    case 'WeightedMethod': {
      const entries = m.weights.map((e) => `${e.key.raw}: ${printExpr(e.weight)}`).join(', ');
      return `${weightedHead(m)}${entries ? ` ${entries} }` : '}'}`;
    }
    case 'ScoreMethod':
      return `score ${printExpr(m.expr)}`;
    case 'OrderedMethod':
      return `ordered by ${m.keys.map((k) => printExpr(k.expr) + (k.direction ? ` ${k.direction}` : '')).join(', ')}`;
  }
}

const weightedHead = (m: WeightedMethod): string => `weighted${m.by ? ` by ${printExpr(m.by)}` : ''} {`;

/** The one-row form of a clause. */
export function printClause(c: Clause): string {
  switch (c.kind) {
    case 'Priority':
      return `priority ${c.value.raw}`;
    case 'Id':
      return `id ${c.value.raw}`;
    case 'Description':
      return `description ${c.value.raw}`;
    case 'Status':
      return `status ${c.value.text}`;
    case 'Scope':
      return c.team ? `scope team ${c.team.raw}` : 'scope global';
    case 'On': {
      const events = c.events.map(
        (e) => `${e.entity.text}.${e.event.text}${e.fields ? `(${e.fields.map((f) => f.text).join(', ')})` : ''}`,
      );
      return `on ${events.join(', ')}`;
    }
    case 'When':
      return `when ${printExpr(c.condition)}`;
    case 'Assign': {
      const where = c.pool.kind === 'UsersPool' && c.pool.where ? ` where ${printExpr(c.pool.where)}` : '';
      return `assign ${printPool(c.pool)}${where}`;
    }
    case 'Require':
      return `require ${c.items.map((r) => r.name.text + (r.within ? ` within ${r.within.raw}` : '')).join(', ')}`;
    case 'Distribute':
      return `distribute ${printMethod(c.method)}`;
    case 'Take':
      return `take ${c.count.raw}${c.min ? ` min ${c.min.raw}` : ''}`;
    case 'Turnover':
      return `turnover ${printExpr(c.value)}${c.min ? ` min ${c.min.raw}` : ''}`;
    case 'Expect':
      return `expect ${c.count.raw} per ${c.period.text}`;
    case 'Fallback':
      return `fallback ${c.target.kind === 'FallbackUser' ? `user ${c.target.user.raw}` : printQueue(c.target)}`;
    case 'Reassign':
      return `reassign after ${c.after.raw}${c.when ? ` when ${printExpr(c.when)}` : ''}${c.max ? ` max ${c.max.raw}` : ''}`;
  }
}

/** A clause whose condition may break: `prefix` + condition + `suffix`. */
function conditionUnit(c: Clause, indent: number, prefix: string, cond: Expr, suffix: string, notes: Note[]): Unit {
  const w = new RowWriter(makeRow(indent, prefix));
  const laid = layoutCondition(cond, w, suffix.length, notes);
  w.append(suffix);
  const rows = w.rows;
  return {
    span: c.span,
    rows,
    place(note) {
      if (within(cond.span, note)) placeInCondition(laid, note, rows);
      else attach(note.end <= cond.span.start ? rows[0]! : rows.at(-1)!, note);
    },
  };
}

/**
 * `distribute weighted … { … }`: one row when it fits and holds no comment inside
 * the braces; otherwise one entry per row, each with a trailing comma (so adding
 * an entry changes one line), between the `{` row and a `}` row.
 */
function weightedUnit(c: DistributeClause, m: WeightedMethod, indent: number, notes: Note[], text: string): Unit {
  const line = makeRow(indent, printClause(c));
  const brace = braceAfter(text, m.by ? m.by.span.end : c.span.start, notes, m.span.start);
  const inner = notes.some((n) => n.start > brace);
  if (!inner && indent + line.text.length <= MAX_WIDTH) return singleRowUnit(c.span, line);
  const head = makeRow(indent, `distribute ${weightedHead(m)}`);
  const entries = m.weights.map((e, i) => {
    const entry = `${e.key.raw}: ${printExpr(e.weight)},`;
    return singleRowUnit(e.span, makeRow(indent + 2, entry, { afterOpen: i === 0 }));
  });
  const close = closeRow(indent);
  close.afterOpen = entries.length === 0;
  return {
    span: c.span,
    rows: [head, ...entries.flatMap((e) => e.rows), close],
    place(note) {
      if (note.start < brace) attach(head, note);
      else placeInSequence(note, entries, head, close);
    },
  };
}

/** The printed unit of one clause; `notes` are the comments inside its span. */
export function clauseUnit(c: Clause, indent: number, notes: Note[], text: string): Unit {
  if (c.kind === 'When') return conditionUnit(c, indent, 'when ', c.condition, '', notes);
  if (c.kind === 'Assign' && c.pool.kind === 'UsersPool' && c.pool.where) {
    return conditionUnit(c, indent, `assign ${printPool(c.pool)} where `, c.pool.where, '', notes);
  }
  if (c.kind === 'Reassign' && c.when) {
    const suffix = c.max ? ` max ${c.max.raw}` : '';
    return conditionUnit(c, indent, `reassign after ${c.after.raw} when `, c.when, suffix, notes);
  }
  if (c.kind === 'Distribute' && c.method.kind === 'WeightedMethod') {
    return weightedUnit(c, c.method, indent, notes, text);
  }
  return singleRowUnit(c.span, makeRow(indent, printClause(c)));
}
