// Rename: every occurrence of the symbol under the cursor, in the `.dist` files and
// directory.yaml, gets the new name (quoted where it was quoted). Renaming a rule
// keeps its state: a rule without an `id` clause gets `id "<its current id>"`, so
// its rotation cursors stay under the same id.
import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { Span } from '../../language/ast';
import type { Occurrence } from '../../compiler/workspace-model';
import type { ServiceContext } from './context';

/** A rename the service can do, or why not. */
export type RenameOutcome = { edit: WorkspaceEdit } | { error: string };

const WORD = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PLAIN_YAML = /^[\p{L}\p{N}_@.+-]+(?: [\p{L}\p{N}_@.+-]+)*$/u;

/** The part of an occurrence a user edits: a quoted name without its quotes. */
function innerSpan(o: Occurrence): Span {
  return o.quoted ? { start: o.span.start + 1, end: o.span.end - 1 } : o.span;
}

/** The range to rename at `offset` (the name without quotes), or null when nothing there can be renamed. */
export function prepareRename(ctx: ServiceContext, file: string, offset: number): Range | null {
  const o = ctx.result().model.occurrenceAt(file, offset);
  const text = ctx.text(file);
  if (!o || !text || !ctx.result().model.definition(o.key)) return null;
  return text.range(innerSpan(o));
}

function newTextOf(ctx: ServiceContext, o: Occurrence, name: string): string {
  if (o.quoted) return JSON.stringify(name);
  if (o.file !== ctx.directoryFile) return name;
  const written = ctx.text(o.file)!.text.slice(o.span.start, o.span.end);
  const quote = written[0] === "'" || written[0] === '"' ? written[0] : null;
  if (quote === "'") return `'${name.replace(/'/g, "''")}'`;
  return quote || !PLAIN_YAML.test(name) ? JSON.stringify(name) : name;
}

/** The edit that adds `id "<id>"` to a rule that has none, on the line after its `{`. */
function keepIdEdit(ctx: ServiceContext, o: Occurrence): { file: string; edit: TextEdit } | null {
  const rule = ctx.result().model.rules.find((r) => r.file === o.file && r.decl.name.span.start === o.span.start);
  const text = ctx.text(o.file);
  if (!rule || rule.clauses.Id || !text) return null;
  const open = text.text.indexOf('{', rule.decl.name.span.end);
  if (open < 0) return null;
  const lineEnd = text.text.indexOf('\n', open);
  const ownLine = lineEnd >= 0 && text.text.slice(open + 1, lineEnd).trim() === '';
  const at = ownLine ? lineEnd + 1 : open + 1;
  const newText = ownLine ? `  id ${JSON.stringify(rule.id)}\n` : ` id ${JSON.stringify(rule.id)}`;
  return { file: o.file, edit: { range: text.range({ start: at, end: at }), newText } };
}

/** Renames the symbol at `offset` to `name`. */
export function rename(ctx: ServiceContext, file: string, offset: number, name: string): RenameOutcome {
  const { model } = ctx.result();
  const at = model.occurrenceAt(file, offset);
  if (!at) return { error: 'nothing to rename here; put the cursor on a rule, field, user, team or group' };
  const declaration = model.definition(at.key);
  if (!declaration) return { error: `\`${at.name}\` is not declared in the project (a built-in name or a misspelling), so it cannot be renamed` };
  if ((at.kind === 'field' || at.kind === 'entity') && !WORD.test(name)) return { error: `\`${name}\` is not a valid name; use letters, digits and \`_\`, starting with a letter` };
  if (name.trim() === '') return { error: 'the new name is empty' };
  const changes: Record<string, TextEdit[]> = {};
  const add = (target: string, edit: TextEdit) => (changes[ctx.uri(target)] ??= []).push(edit);
  for (const o of model.referencesOf(at.key)) {
    const text = ctx.text(o.file);
    if (text) add(o.file, { range: text.range(o.span), newText: newTextOf(ctx, o, name) });
  }
  if (at.kind === 'rule') {
    const keep = keepIdEdit(ctx, declaration);
    if (keep) add(keep.file, keep.edit);
  }
  return { edit: { changes } };
}
