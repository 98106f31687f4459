// Completion: keywords from the vocabulary (declarations, clauses, settings and
// the words each clause takes), fields after `entity.`, users, teams and groups
// inside the strings that name them, and choice values after a comparison with a
// choice field. Every item carries its one-line doc.
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import type { Declaration, RuleDecl } from '../../language/ast';
import {
  CLAUSES, DECLARATIONS, EVENT_KINDS, FUNCTIONS, METHODS, OPERATORS, OTHER_KEYWORDS, QUOTA_PERIODS, REQUIREMENTS, SETTINGS,
  STATUSES, TRIGGERS, VOLUME_PERIODS, type Word,
} from '../../language/vocabulary';
import { fieldType, type SchemaInfo } from '../../compiler/stages/context';
import { showType, SIMPLE_TYPES } from '../../compiler/stages/types';
import type { SemanticModel } from '../../compiler/workspace-model';
import type { ServiceContext } from './context';
import { cursorContext, type CursorContext } from './completion-context';

const words = (table: readonly Word[], kind: CompletionItemKind, detail: string): CompletionItem[] =>
  table.map((w) => ({ label: w.name, kind, detail, documentation: w.doc }));

const other = (...names: string[]): CompletionItem[] =>
  words(OTHER_KEYWORDS.filter((w) => names.includes(w.name)), CompletionItemKind.Keyword, 'keyword');

/** Completion items at `offset` in `file`. */
export function completion(ctx: ServiceContext, file: string, offset: number): CompletionItem[] {
  const ast = ctx.ast(file);
  const text = ctx.text(file);
  if (!ast || !text) return [];
  const cursor = cursorContext(ast, text.text, offset);
  // Completion reads the schemas and the directory only, so it need not wait for the rules to be re-checked.
  const { model } = ctx.latest();
  if (cursor.string) return stringItems(model, cursor, offset).map((item) => ({ ...item, textEdit: { range: text.range({ start: cursor.string!.start, end: offset }), newText: item.label } }));
  if (cursor.member) return memberItems(model, cursor);
  if (!cursor.decl) return cursor.lineStart ? words(DECLARATIONS, CompletionItemKind.Keyword, 'declaration') : [];
  switch (cursor.decl.kind) {
    case 'Rule':
      return ruleItems(model, cursor, cursor.decl);
    case 'Settings':
      return settingItems(cursor);
    case 'Schema':
      return /:\s*\w*$/.test(cursor.clause) ? typeItems() : [];
    case 'Map':
      return mapItems(model, cursor, cursor.decl);
    case 'Workflow':
      return workflowItems(cursor);
  }
}

function typeItems(): CompletionItem[] {
  const simple = SIMPLE_TYPES.map((t) => ({ label: t, kind: CompletionItemKind.TypeParameter, detail: 'type' }));
  return [
    ...simple,
    { label: 'choice', kind: CompletionItemKind.TypeParameter, detail: 'type', documentation: 'One of the quoted values: `choice("A", "B")`.' },
    { label: 'list', kind: CompletionItemKind.TypeParameter, detail: 'type', documentation: 'A list of values of one type: `list(text)`.' },
  ];
}

function fieldItems(schema: SchemaInfo): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const [name, type] of [...schema.builtins, ...schema.fields]) {
    const builtin = schema.builtins.has(name);
    items.push({ label: name, kind: CompletionItemKind.Field, detail: showType(type), documentation: builtin ? `Built-in field of every ${schema.entity === 'user' ? 'user' : 'record'}.` : `Declared in \`schema ${schema.entity}\`.` });
  }
  return items;
}

function memberItems(model: SemanticModel, cursor: CursorContext): CompletionItem[] {
  if (cursor.keyword === 'on') return words(EVENT_KINDS, CompletionItemKind.Event, 'event');
  const schema = model.schemas.get(cursor.member!.head);
  return schema ? fieldItems(schema) : [];
}

/** The choice field compared just before an opening quote (`lead.source == "`, `lead.source in ["a", "`). */
function comparedChoices(model: SemanticModel, before: string): string[] {
  const match = /([A-Za-z_]\w*)\.([A-Za-z_]\w*)\s*(?:==|!=|(?:not\s+)?in\s*\[(?:[^\]]*,)?)\s*$/.exec(before);
  if (!match) return [];
  const schema = model.schemas.get(match[1]!);
  let type = schema ? fieldType(schema, match[2]!) : undefined;
  if (type?.type === 'list') type = type.element;
  return type?.type === 'choice' ? type.options : [];
}

/** Values for the string the cursor is in (the caller sets the range they replace). */
function stringItems(model: SemanticModel, cursor: CursorContext, offset: number): CompletionItem[] {
  const { start, before } = cursor.string!;
  const clause = cursor.clause.slice(0, cursor.clause.length - (offset - start) - 1);
  const choices = comparedChoices(model, before);
  const names = new Map(model.directoryNames ? [...model.directoryNames.declared].map(([k, v]) => [k, [...v.keys()]]) : []);
  if (choices.length) return choices.map((c) => ({ label: c, kind: CompletionItemKind.EnumMember, detail: 'choice value' }));
  if (/^(assign\s+users\b(?![^]*\bwhere\b)|fallback\s+user\b)/.test(clause)) {
    return (names.get('user') ?? []).map((id) => ({ label: id, kind: CompletionItemKind.Value, detail: 'user', documentation: userDoc(model, id) }));
  }
  if (/^(assign\s+teams\b|scope\s+team\b)/.test(clause)) return (names.get('team') ?? []).map((t) => ({ label: t, kind: CompletionItemKind.Value, detail: 'team' }));
  if (/^assign\s+groups\b/.test(clause)) return (names.get('group') ?? []).map((g) => ({ label: g, kind: CompletionItemKind.Value, detail: 'group' }));
  return [];
}

/** A user's name and teams, for completion and hover. */
export function userDoc(model: SemanticModel, id: string): string {
  const user = model.directory?.users.find((u) => u.id === id);
  if (!user) return `User \`${id}\` of the directory.`;
  return `${user.name}${user.teams.length ? ` · teams ${user.teams.join(', ')}` : ''}${user.active ? '' : ' · inactive'}`;
}

/** Words of an expression: the entities in scope, functions, operators. */
function expressionItems(model: SemanticModel, entities: string[], inMap: boolean): CompletionItem[] {
  const items: CompletionItem[] = entities.filter((e) => model.schemas.has(e) || e === 'payload').map((e) => ({ label: e, kind: CompletionItemKind.Module, detail: e === 'payload' ? 'the raw payload' : `schema ${e}` }));
  items.push(...words(FUNCTIONS.filter((f) => inMap || !f.mapOnly), CompletionItemKind.Function, 'function'));
  items.push(...words(OPERATORS, CompletionItemKind.Operator, 'operator'));
  return items;
}

/** The entity a rule is about (its first event's), or every declared record entity. */
function ruleEntities(model: SemanticModel, rule: RuleDecl): string[] {
  const on = rule.clauses.find((c) => c.kind === 'On');
  const entity = on?.kind === 'On' ? on.events[0]?.entity.text : undefined;
  return entity ? [entity] : [...model.schemas.keys()].filter((e) => e !== 'user');
}

function ruleItems(model: SemanticModel, cursor: CursorContext, rule: RuleDecl): CompletionItem[] {
  const { clause, keyword } = cursor;
  const continuing = keyword !== null && /(\band|\bor|\bnot|[(,=<>+\-*/]|\bin)\s*$/.test(clause) && /^(when|assign|distribute|reassign)$/.test(keyword);
  if (cursor.lineStart && !continuing) {
    const present = new Set(rule.clauses.map((c) => c.kind));
    return CLAUSES.map((c, i) => ({
      label: c.name,
      kind: CompletionItemKind.Keyword,
      detail: 'clause',
      documentation: c.doc,
      sortText: `${present.has(c.kind) ? 1 : 0}${String(i).padStart(2, '0')}`,
    }));
  }
  const entities = ruleEntities(model, rule);
  const userFilter = /^assign\s+users\b[^]*\bwhere\b|^distribute\s+(score|ordered)\b/.test(clause);
  if (/^(when|reassign\b[^]*\bwhen)\b/.test(clause) || userFilter) return expressionItems(model, userFilter ? ['user', ...entities] : entities, false);
  const after = (pattern: RegExp) => pattern.test(clause);
  if (after(/^status\s+\w*$/)) return words(STATUSES, CompletionItemKind.EnumMember, 'status');
  if (after(/^distribute\s+\w*$/)) return METHODS.map((m) => ({ label: 'written' in m ? m.written : m.name, kind: CompletionItemKind.Method, detail: 'method', documentation: m.doc }));
  if (after(/^distribute\s+weighted\s+\w*$/)) return other('by');
  if (after(/^require\b[^]*?(\s|,)\w*$/)) return words(REQUIREMENTS, CompletionItemKind.EnumMember, 'requirement');
  if (after(/^assign\s+\w*$/)) return other('users', 'teams', 'groups', 'anyone');
  if (after(/^assign\s+users\s+"[^]*"\s+\w*$/)) return other('where');
  if (after(/^scope\s+\w*$/)) return other('global', 'team');
  if (after(/^fallback\s+\w*$/)) return other('user', 'queue');
  if (after(/^(fallback\s+)?queue\s+"[^"]*"\s+\w*$/) || after(/^fallback\s+queue\s+"[^"]*"\s+\w*$/)) return other('retry');
  if (after(/^expect\s+\d[\d_]*\s+\w*$/)) return other('per');
  if (after(/^expect\s+\d[\d_]*\s+per\s+\w*$/)) return words(VOLUME_PERIODS, CompletionItemKind.EnumMember, 'period');
  if (after(/^take\s+\d[\d_]*\s+\w*$/)) return other('min');
  if (after(/^reassign\s+\S+\s+\w*$/)) return [...other('max'), { label: 'when', kind: CompletionItemKind.Keyword, detail: 'keyword' }];
  if (after(/^on\b[^]*?(\s|,)\w*$/)) {
    return [...model.schemas.keys()].filter((e) => e !== 'user').map((e) => ({ label: e, kind: CompletionItemKind.Module, detail: `schema ${e}` }));
  }
  return [];
}

function settingItems(cursor: CursorContext): CompletionItem[] {
  const { clause } = cursor;
  if (cursor.lineStart) return words(SETTINGS, CompletionItemKind.Keyword, 'setting');
  if (/^trigger\s+\w*$/.test(clause)) return words(TRIGGERS, CompletionItemKind.EnumMember, 'trigger');
  if (/^quota\s+\w*$/.test(clause)) return words(QUOTA_PERIODS, CompletionItemKind.EnumMember, 'period');
  if (/^expect\s+\d[\d_]*\s+\w*$/.test(clause)) return other('per');
  if (/^expect\s+\d[\d_]*\s+per\s+\w*$/.test(clause)) return words(VOLUME_PERIODS, CompletionItemKind.EnumMember, 'period');
  if (/^unmatched\s+\w*$/.test(clause)) return other('queue');
  if (/^(capacity|quota\s+\w+)\s+\w*$/.test(clause)) return other('user');
  return [];
}

/** At the start of a line in a workflow: its items. */
function workflowItems(cursor: CursorContext): CompletionItem[] {
  if (!cursor.lineStart) return [];
  const clauses = words(CLAUSES.filter((c) => c.name === 'take' || c.name === 'description'), CompletionItemKind.Keyword, 'workflow item');
  return [...other('rules'), ...clauses];
}

function mapItems(model: SemanticModel, cursor: CursorContext, map: Extract<Declaration, { kind: 'Map' }>): CompletionItem[] {
  const line = cursor.clause.split('\n').at(-1)!;
  if (cursor.lineStart) {
    const schema = model.schemas.get(map.entity.text);
    return [...(schema ? fieldItems(schema) : []), { label: 'on invalid queue', kind: CompletionItemKind.Keyword, detail: 'keyword', documentation: OTHER_KEYWORDS.find((w) => w.name === 'invalid')!.doc }];
  }
  return /=/.test(line) ? expressionItems(model, ['payload'], true) : [];
}
