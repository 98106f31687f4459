// Where directory.yaml declares each user, team and group: the spans that
// go-to-definition, references and rename use. Read from the YAML document itself
// (not from the loaded directory), so a directory with errors still has its names.
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { Span } from '../language/ast';

/** The kinds of name directory.yaml declares. */
export type DirectoryNameKind = 'user' | 'team' | 'group';

/** One directory name where it is written. */
export interface DirectoryName {
  kind: DirectoryNameKind;
  name: string;
  /** The span of the scalar that holds the name (quotes included when written). */
  span: Span;
}

/** Every name occurrence in directory.yaml, declarations first per kind. */
export interface DirectoryNames {
  /** First occurrence of each name, by kind then name. */
  declared: Map<DirectoryNameKind, Map<string, DirectoryName>>;
  /** Every occurrence (declarations, team members, user team lists). */
  occurrences: DirectoryName[];
}

function scalarSpan(node: unknown): Span | null {
  if (!isScalar(node) || typeof node.value !== 'string') return null;
  const range = (node as Node).range;
  return range ? { start: range[0], end: range[1] } : null;
}

function entries(doc: unknown, key: string): unknown[] {
  if (!isMap(doc)) return [];
  const value = doc.get(key, true);
  return isSeq(value) ? value.items : [];
}

function field(item: unknown, key: string): unknown {
  return isMap(item) ? item.get(key, true) : undefined;
}

/** Reads the names of a directory text (a text that does not parse gives what could be read). */
export function directoryNames(text: string): DirectoryNames {
  const doc = parseDocument(text, { schema: 'core', prettyErrors: false });
  const declared = new Map<DirectoryNameKind, Map<string, DirectoryName>>([
    ['user', new Map()],
    ['team', new Map()],
    ['group', new Map()],
  ]);
  const occurrences: DirectoryName[] = [];
  const add = (kind: DirectoryNameKind, node: unknown, declares: boolean): void => {
    const span = scalarSpan(node);
    if (!span) return;
    const name = String((node as { value: string }).value);
    const entry = { kind, name, span };
    occurrences.push(entry);
    const table = declared.get(kind)!;
    if (declares && !table.has(name)) table.set(name, entry);
  };
  const root = doc.contents;
  for (const kind of ['team', 'group'] as const) {
    for (const item of entries(root, `${kind}s`)) {
      add(kind, field(item, 'name'), true);
      const members = field(item, 'members');
      if (isSeq(members)) for (const member of members.items) add('user', member, false);
    }
  }
  for (const item of entries(root, 'users')) {
    add('user', field(item, 'id'), true);
    const teams = field(item, 'teams');
    if (isSeq(teams)) for (const team of teams.items) add('team', team, false);
  }
  occurrences.sort((a, b) => a.span.start - b.span.start);
  return { declared, occurrences };
}
