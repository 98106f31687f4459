// Declarations for the formatter: each `schema`, `settings`, `rule`, `map` and `workflow` block
// becomes a header row, its items (in canonical order) and a `}` row; the whole file
// becomes the declarations in written order with every comment placed on a row.
import type { Declaration, MapItem, Setting, SourceFile, WorkflowItem } from './ast';
import { closeRow, makeRow, renderRows, type Note, type Row } from './format-doc';
import { braceAfter, notesOf, placeInSequence, singleRowUnit, within, type Unit } from './format-comments';
import { printExpr, printType } from './format-expr';
import { CLAUSE_ORDER, clauseUnit, printQueue } from './format-rule';

/**
 * Settings are written timezone, trigger, capacity, quotas, expect, unmatched. Quotas keep
 * their written order: the IR lists them in that order, and formatting must not
 * change the IR.
 */
function settingRank(s: Setting): number {
  switch (s.kind) {
    case 'TimezoneSetting':
      return 0;
    case 'TriggerSetting':
      return 1;
    case 'CapacitySetting':
      return 2;
    case 'QuotaSetting':
      return 3;
    case 'ExpectSetting':
      return 4;
    case 'UnmatchedSetting':
      return 5;
  }
}

function printSetting(s: Setting): string {
  switch (s.kind) {
    case 'TimezoneSetting':
      return `timezone ${s.value.raw}`;
    case 'TriggerSetting':
      return `trigger ${s.mode.text}`;
    case 'CapacitySetting':
      return `capacity ${printExpr(s.value)}`;
    case 'QuotaSetting':
      return `quota ${s.period.text} ${printExpr(s.limit)}`;
    case 'ExpectSetting':
      return `expect ${s.count.raw} per ${s.period.text}`;
    case 'UnmatchedSetting':
      return `unmatched ${printQueue(s.queue)}`;
  }
}

function printMapItem(item: MapItem): string {
  return item.kind === 'MapEntry'
    ? `${item.field.text} = ${printExpr(item.value)}`
    : `on invalid queue ${item.queue.raw}`;
}

/** Workflow items are written description, rules, take. */
export function workflowItemRank(item: WorkflowItem): number {
  return item.kind === 'Description' ? 0 : item.kind === 'WorkflowRules' ? 1 : 2;
}

/** A stable sort by a rank (items of equal rank keep their written order). */
function ranked<T>(items: readonly T[], rank: (item: T) => number): T[] {
  return items
    .map((item, i) => ({ item, i, r: rank(item) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.item);
}

/** Header text, where to look for its `{`, and the items of a declaration in print order. */
function declParts(d: Declaration, notes: Note[], text: string): { head: string; from: number; items: Unit[] } {
  const one = (span: Declaration['span'], line: string): Unit => singleRowUnit(span, makeRow(2, line));
  switch (d.kind) {
    case 'Schema':
      return {
        head: `schema ${d.entity.text} {`,
        from: d.entity.span.end,
        items: d.fields.map((f) => one(f.span, `${f.name.text}: ${printType(f.type)}`)),
      };
    case 'Settings':
      return {
        head: 'settings {',
        from: d.span.start,
        items: ranked(d.entries, settingRank).map((s) => one(s.span, printSetting(s))),
      };
    case 'Rule': {
      const clauses = ranked(d.clauses, (c) => CLAUSE_ORDER.indexOf(c.kind));
      return {
        head: `rule ${d.name.raw} {`,
        from: d.name.span.end,
        items: clauses.map((c) => clauseUnit(c, 2, notes.filter((n) => within(c.span, n)), text)),
      };
    }
    case 'Map':
      return {
        head: `map ${d.entity.text} from ${d.source.raw} {`,
        from: d.source.span.end,
        items: ranked(d.items, (i) => (i.kind === 'OnInvalid' ? 1 : 0)).map((i) => one(i.span, printMapItem(i))),
      };
    case 'Workflow':
      return {
        head: `workflow ${d.name.raw} {`,
        from: d.name.span.end,
        items: ranked(d.items, workflowItemRank).map((i) =>
          i.kind === 'WorkflowRules'
            ? one(i.span, `rules ${i.rules.map((r) => r.raw).join(', ')}`)
            : clauseUnit(i, 2, notes.filter((n) => within(i.span, n)), text),
        ),
      };
  }
}

/** The printed unit of one top-level declaration. */
function declUnit(d: Declaration, notes: Note[], text: string): Unit {
  const { head, from, items } = declParts(d, notes, text);
  const header = makeRow(0, head, { isDecl: true });
  const brace = braceAfter(text, from, notes, items[0]?.span.start ?? d.span.end);
  const close = closeRow(0);
  const first = items[0]?.rows[0];
  if (first) first.afterOpen = true;
  else close.afterOpen = true;
  return {
    span: d.span,
    rows: [header, ...items.flatMap((i) => i.rows), close],
    place(note) {
      if (note.start < brace) header[note.ownLine ? 'before' : 'after'].push(note);
      else placeInSequence(note, items, header, close);
    },
  };
}

/** Lays out a whole file and places every comment; returns the rows and the end-of-file comments. */
export function layoutFile(ast: SourceFile, text: string): { rows: Row[]; trailing: Note[] } {
  const notes = notesOf(ast.comments, text);
  const units = ast.declarations.map((d) => declUnit(d, notes.filter((n) => within(d.span, n)), text));
  const trailing: Note[] = [];
  for (const note of notes) placeInSequence(note, units, null, trailing);
  return { rows: units.flatMap((u) => u.rows), trailing };
}

/** Renders a whole file in the canonical layout. */
export function printFile(ast: SourceFile, text: string): string {
  const { rows, trailing } = layoutFile(ast, text);
  return renderRows(rows, trailing);
}
