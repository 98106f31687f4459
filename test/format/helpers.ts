// Shared checks for the formatter tests: the comments of a text as a sorted
// multiset, and an AST with spans and comments removed (its meaning only).
import type { Declaration, SourceFile } from '../../language/ast';
import { parse } from '../../language/parse';

/** Comment texts of a file (`//` comments without trailing blanks), sorted: a multiset. */
export function commentsOf(ast: SourceFile): string[] {
  return ast.comments.map((c) => (c.block ? c.text : c.text.replace(/[ \t\f\v]+$/, ''))).sort();
}

/** Comment texts of a text (line endings normalised), sorted. */
export function commentTexts(text: string): string[] {
  return commentsOf(parse(text.replace(/\r\n?/g, '\n'), 'test.dist').ast);
}

// The orders `dist fmt` writes (docs/formatting.md), restated here as the test's own oracle.
const CLAUSES = ['Priority', 'Id', 'Description', 'Status', 'Scope', 'On', 'When', 'Assign', 'Require', 'Distribute', 'Take', 'Fallback', 'Reassign'];
const SETTINGS = ['TimezoneSetting', 'TriggerSetting', 'CapacitySetting', 'QuotaSetting', 'UnmatchedSetting'];

const byRank = <T>(items: T[], rank: (x: T) => number): T[] =>
  items.map((x, i) => ({ x, i })).sort((a, b) => rank(a.x) - rank(b.x) || a.i - b.i).map((e) => e.x);


/** Declarations with their items in canonical order (the only reordering `dist fmt` does). */
function canonicalOrder(d: Declaration): Declaration {
  switch (d.kind) {
    case 'Rule':
      return { ...d, clauses: byRank(d.clauses, (c) => CLAUSES.indexOf(c.kind)) };
    case 'Settings':
      return { ...d, entries: byRank(d.entries, (s) => SETTINGS.indexOf(s.kind)) };
    case 'Map':
      return { ...d, items: byRank(d.items, (i) => (i.kind === 'OnInvalid' ? 1 : 0)) };
    case 'Workflow':
      return { ...d, items: byRank(d.items, (i) => ['Description', 'WorkflowRules', 'Take'].indexOf(i.kind)) };
    case 'Schema':
      return d;
  }
}

/** The AST without spans, comments and the file name, items in canonical order: what the file means. */
export function meaning(ast: SourceFile): unknown {
  const file = { ...ast, comments: [], file: '', declarations: ast.declarations.map(canonicalOrder) };
  return JSON.parse(JSON.stringify(file, (key, value: unknown) => (key === 'span' ? undefined : value)));
}

/** A text parsed (line endings normalised): its AST, meaning, comments, and errors (recovered declarations count). */
export interface Parsed {
  text: string;
  ast: SourceFile;
  meaning: unknown;
  comments: string[];
  errors: string[];
}

/** Parses a text for the checks above. */
export function parsed(source: string): Parsed {
  const text = source.replace(/\r\n?/g, '\n');
  const { ast, diagnostics } = parse(text, 'test.dist');
  const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
  const recovered = ast.declarations.filter((d) => d.recovered).map((d) => `${d.kind} at ${d.span.start} recovered`);
  return { text, ast, meaning: meaning(ast), comments: commentsOf(ast), errors: [...errors, ...recovered] };
}
