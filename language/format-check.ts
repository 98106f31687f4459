// The formatter's proof, run on every call: the output must parse without errors
// to the same tree as the input (spans aside, items in the canonical order the
// formatter writes them) and keep every comment. `formatSource` refuses to format
// a file whose output fails it.
import type { Declaration, SourceFile } from './ast';
import { CLAUSES, SETTINGS } from './vocabulary';
import { parse } from './parse';
import { workflowItemRank } from './format-decl';

const CLAUSE_RANK = new Map<string, number>(CLAUSES.map((c, i) => [c.kind, i]));
const SETTING_RANK = new Map<string, number>(SETTINGS.map((s, i) => [s.kind, i]));

function byRank<T extends { kind: string }>(items: readonly T[], rank: (x: T) => number): T[] {
  return items.map((x, i) => ({ x, i })).sort((a, b) => rank(a.x) - rank(b.x) || a.i - b.i).map((e) => e.x);
}

function canonical(d: Declaration): Declaration {
  switch (d.kind) {
    case 'Rule':
      return { ...d, clauses: byRank(d.clauses, (c) => CLAUSE_RANK.get(c.kind) ?? 99) };
    case 'Settings':
      return { ...d, entries: byRank(d.entries, (s) => SETTING_RANK.get(s.kind) ?? 99) };
    case 'Map':
      return { ...d, items: byRank(d.items, (i) => (i.kind === 'OnInvalid' ? 1 : 0)) };
    case 'Workflow':
      return { ...d, items: byRank(d.items, workflowItemRank) };
    case 'Schema':
      return d;
  }
}

/** What a file means: its declarations without spans, in canonical item order, as JSON. */
export function meaningOf(ast: SourceFile): string {
  return JSON.stringify(ast.declarations.map(canonical), (key, value: unknown) => (key === 'span' ? undefined : value));
}

/** Null when `formatted` means what `ast` means and keeps its comments; else what would be lost. */
export function formatProblem(ast: SourceFile, formatted: string): string | null {
  const again = parse(formatted, ast.file);
  if (again.diagnostics.some((d) => d.severity === 'error')) return 'the formatted text would not parse';
  if (again.ast.comments.length !== ast.comments.length) return `the formatted text would keep ${again.ast.comments.length} of ${ast.comments.length} comments`;
  if (meaningOf(again.ast) !== meaningOf(ast)) return 'the formatted text would mean something else';
  return null;
}
