// Hover: what the name or word under the cursor is. Fields show their type and
// where they are declared, users their name and teams, teams and groups their
// members, rules their priority and status, keywords their vocabulary doc, and
// any other expression its type.
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { Expr } from '../../language/ast';
import { ancestors } from '../../language/ast-walk';
import {
  CLAUSES, DECLARATIONS, EVENT_KINDS, FUNCTIONS, METHODS, OPERATORS, OTHER_KEYWORDS, QUOTA_PERIODS, REQUIREMENTS, SETTINGS,
  STATUSES, TRIGGERS, VOLUME_PERIODS, type Word,
} from '../../language/vocabulary';
import { fieldType } from '../../compiler/stages/context';
import { showType } from '../../compiler/stages/types';
import type { Occurrence, SemanticModel } from '../../compiler/workspace-model';
import type { ServiceContext } from './context';
import { userDoc } from './completion';

/** Vocabulary tables in the order a word is looked up, each with the name of its kind. */
const TABLES: ReadonlyArray<[string, readonly Word[]]> = [
  ['declaration', DECLARATIONS],
  ['clause', CLAUSES],
  ['setting', SETTINGS],
  ['method', METHODS],
  ['function', FUNCTIONS],
  ['status', STATUSES],
  ['requirement', REQUIREMENTS],
  ['quota period', QUOTA_PERIODS],
  ['period', VOLUME_PERIODS],
  ['trigger', TRIGGERS],
  ['event', EVENT_KINDS],
  ['operator', OPERATORS],
  ['keyword', OTHER_KEYWORDS],
];

const EXPR_KINDS: ReadonlySet<string> = new Set([
  'Number', 'String', 'Bool', 'Duration', 'List', 'Path', 'Call', 'Unary', 'Binary', 'Compare', 'Predicate', 'Between', 'IsSet', 'Logical', 'Paren',
]);

const markdown = (value: string) => ({ kind: MarkupKind.Markdown, value });

function occurrenceDoc(model: SemanticModel, o: Occurrence): string {
  switch (o.kind) {
    case 'field': {
      const [entity, field] = [o.name.slice(0, o.name.indexOf('.')), o.name.slice(o.name.indexOf('.') + 1)];
      const schema = model.schemas.get(entity);
      const type = schema ? fieldType(schema, field) : undefined;
      const where = schema?.builtins.has(field) ? `built-in field of every ${entity === 'user' ? 'user' : 'record'}` : `declared in \`schema ${entity}\``;
      return `\`${o.name}: ${type ? showType(type) : 'unknown'}\`\n\n${type ? where : 'not declared'}`;
    }
    case 'entity': {
      const schema = model.schemas.get(o.name);
      const fields = schema ? [...schema.builtins, ...schema.fields].map(([n, t]) => `${n}: ${showType(t)}`).join(', ') : '';
      return `\`schema ${o.name}\`${fields ? `\n\n${fields}` : ''}`;
    }
    case 'user':
      return `user \`${o.name}\`\n\n${userDoc(model, o.name)}`;
    case 'team':
    case 'group': {
      const list = o.kind === 'team' ? model.directory?.teams : model.directory?.groups;
      const members = list?.find((t) => t.name === o.name)?.members;
      return `${o.kind} \`${o.name}\`${members ? `\n\n${members.length} member${members.length === 1 ? '' : 's'}: ${members.join(', ')}` : ''}`;
    }
    case 'rule': {
      const rule = model.rules.find((r) => r.decl.name.value === o.name);
      if (!rule) return `rule \`${o.name}\``;
      const { Priority: priority, Status: status, Description: description } = rule.clauses;
      const facts = [`priority ${priority?.value.raw ?? '?'}`, status?.value.text ?? 'active', `id \`${rule.id}\``];
      return `rule \`${o.name}\` · ${facts.join(' · ')}${description ? `\n\n${description.value.value}` : ''}`;
    }
  }
}

/** The vocabulary entry of a word, preferring the kind the cursor's context makes likely. */
function wordDoc(word: string, prefer: string | null): string | null {
  const tables = prefer ? [...TABLES.filter(([k]) => k === prefer), ...TABLES] : TABLES;
  for (const [kind, table] of tables) {
    const entry = table.find((w) => w.name === word);
    if (entry) return `\`${word}\` (${kind})\n\n${entry.doc}`;
  }
  return null;
}

/** The hover at `offset` in `file`, null over nothing the service can explain. */
export function hover(ctx: ServiceContext, file: string, offset: number): Hover | null {
  const text = ctx.text(file);
  if (!text) return null;
  const { model } = ctx.result();
  const occurrence = model.occurrenceAt(file, offset);
  if (occurrence) return { contents: markdown(occurrenceDoc(model, occurrence)), range: text.range(occurrence.span) };
  const ast = ctx.ast(file);
  if (!ast) return null;
  const path = ancestors(ast, offset);
  const node = path.at(-1);
  const wordAt = /[A-Za-z_]\w*$/.exec(text.text.slice(0, offset))?.[0] ?? '';
  const wordEnd = /^\w*/.exec(text.text.slice(offset))![0];
  const word = wordAt + wordEnd;
  const span = { start: offset - wordAt.length, end: offset + wordEnd.length };
  const inSettings = path.some((n) => n.kind === 'Settings');
  const prefer = node?.kind === 'Call' ? 'function' : inSettings ? 'setting' : path.some((n) => n.kind === 'Distribute') ? 'method' : null;
  const expr = [...path].reverse().find((n) => EXPR_KINDS.has(n.kind)) as Expr | undefined;
  const type = expr && expr.kind !== 'Call' ? model.typeOf(expr) : undefined;
  if (word && /^[A-Za-z_]/.test(word) && !(expr && (expr.kind === 'Path' || expr.kind === 'String'))) {
    const doc = wordDoc(word, prefer);
    if (doc) return { contents: markdown(doc), range: text.range(span) };
  }
  if (expr && type) return { contents: markdown(`\`${showType(type)}\``), range: text.range(expr.span) };
  return null;
}
