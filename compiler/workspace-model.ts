// The semantic model of a linked workspace: what hover, completion, definition,
// references and rename read. Every name the project declares or uses is one
// occurrence under a symbol key (`rule:Web leads`, `field:lead.score`,
// `user:ana@acme.test`, `team:Sales East`), so "where is it declared" and "where
// is it used" are two filters over one list.
import type { Expr, Name, Path, SourceFile, Span, StringLit } from '../language/ast';
import { walk, type AstNode } from '../language/ast-walk';
import type { Directory } from './directory/model';
import type { CompileContext, MapInfo, RuleInfo, SchemaInfo, SettingsInfo } from './stages/context';
import type { Type } from './stages/types';
import type { DirectoryNameKind, DirectoryNames } from './workspace-directory';
import type { FileUnit } from './workspace-unit';

/** What a symbol is. */
export type SymbolKind = 'rule' | 'entity' | 'field' | DirectoryNameKind;

/** One place a symbol is named. */
export interface Occurrence {
  /** `kind:name`; fields are `field:entity.name`. */
  key: string;
  kind: SymbolKind;
  /** The symbol's name as users write it (`Web leads`, `score`, `ana@acme.test`). */
  name: string;
  file: string;
  /** The span of the name; for a quoted name, the quotes included. */
  span: Span;
  /** True when the name is written in quotes (rename keeps them). */
  quoted: boolean;
  /** True where the symbol is declared (a rule's name, a schema field, a directory entry). */
  declaration: boolean;
}

/** The linked project as the editor sees it. */
export interface SemanticModel {
  schemas: ReadonlyMap<string, SchemaInfo>;
  rules: readonly RuleInfo[];
  settings: SettingsInfo | null;
  maps: readonly MapInfo[];
  /** The loaded directory (null without one or when it has errors). */
  directory: Directory | null;
  /** The directory's file, when the project has one. */
  directoryFile: string | null;
  /** Names declared in directory.yaml (read even when it has errors; read on first use, as it parses the YAML with positions). */
  readonly directoryNames: DirectoryNames | null;
  /** Every occurrence, by file, in source order. */
  occurrences: ReadonlyMap<string, readonly Occurrence[]>;
  /** The declaration of a symbol. */
  definition(key: string): Occurrence | undefined;
  /** Every occurrence of a symbol (declarations included), by file and position. */
  referencesOf(key: string): Occurrence[];
  /** The occurrence under `offset` in `file` (end inclusive), if any. */
  occurrenceAt(file: string, offset: number): Occurrence | undefined;
  /** The type of an expression that type-checked. */
  typeOf(expr: Expr): Type | undefined;
}

/** The symbol key of a kind and name. */
export function symbolKey(kind: SymbolKind, name: string): string {
  return `${kind}:${name}`;
}

class Collector {
  readonly list: Occurrence[] = [];

  add(kind: SymbolKind, name: string, file: string, span: Span, quoted: boolean, declaration: boolean): void {
    this.list.push({ key: symbolKey(kind, name), kind, name, file, span, quoted, declaration });
  }

  name(kind: SymbolKind, name: Name, file: string, declaration = false, qualified = name.text): void {
    this.add(kind, qualified, file, name.span, false, declaration);
  }

  string(kind: SymbolKind, lit: StringLit, file: string, declaration = false): void {
    this.add(kind, lit.value, file, lit.span, true, declaration);
  }

  /** The occurrences collected, in source order. */
  sorted(): Occurrence[] {
    return this.list.sort((a, b) => a.span.start - b.span.start);
  }
}

/** Field and entity occurrences of the paths under `root` (`lead.score`, `user.languages`). */
function paths(c: Collector, ctx: CompileContext, root: AstNode, file: string): void {
  walk(root, (node) => {
    if (node.kind !== 'Path') return;
    const path = node as Path;
    const entity = path.head.text;
    if (!ctx.schemas.has(entity)) return false;
    c.name('entity', path.head, file);
    const first = path.segments[0];
    if (first) c.name('field', first, file, false, `${entity}.${first.text}`);
    return false;
  });
}

function collectRule(c: Collector, ctx: CompileContext, rule: RuleInfo): void {
  const { decl, file, clauses } = rule;
  c.string('rule', decl.name, file, true);
  for (const event of clauses.On?.events ?? []) {
    c.name('entity', event.entity, file);
    for (const f of event.fields ?? []) c.name('field', f, file, false, `${event.entity.text}.${f.text}`);
  }
  paths(c, ctx, decl, file);
  if (clauses.Scope?.team) c.string('team', clauses.Scope.team, file);
  const target = clauses.Fallback?.target;
  if (target?.kind === 'FallbackUser') c.string('user', target.user, file);
  const pool = clauses.Assign?.pool;
  if (pool?.kind === 'UsersPool') pool.users.forEach((u) => c.string('user', u, file));
  if (pool?.kind === 'TeamsPool') pool.teams.forEach((t) => c.string('team', t, file));
  if (pool?.kind === 'GroupsPool') pool.groups.forEach((g) => c.string('group', g, file));
}

function collectFile(c: Collector, ctx: CompileContext, file: SourceFile): void {
  for (const decl of file.declarations) {
    if (decl.kind === 'Schema') {
      c.name('entity', decl.entity, file.file, ctx.schemas.get(decl.entity.text)?.decl === decl);
      for (const f of decl.fields) c.name('field', f.name, file.file, true, `${decl.entity.text}.${f.name.text}`);
    } else if (decl.kind === 'Map') {
      c.name('entity', decl.entity, file.file);
      for (const item of decl.items) {
        if (item.kind === 'MapEntry') c.name('field', item.field, file.file, false, `${decl.entity.text}.${item.field.text}`);
      }
    } else if (decl.kind === 'Settings') {
      paths(c, ctx, decl, file.file);
    }
  }
}

function collectDirectory(c: Collector, file: string, names: DirectoryNames): void {
  for (const o of names.occurrences) {
    const declaration = names.declared.get(o.kind)?.get(o.name)?.span === o.span;
    c.add(o.kind, o.name, file, o.span, false, declaration);
  }
}

/** The occurrences of one file: its schemas, maps and settings, then `rules` (the file's), in source order. */
function fileOccurrences(ctx: CompileContext, file: SourceFile, rules: readonly RuleInfo[]): Occurrence[] {
  const c = new Collector();
  collectFile(c, ctx, file);
  for (const rule of rules) collectRule(c, ctx, rule);
  return c.sorted();
}

/** Each unit's occurrences, kept with the unit (they depend on its parse and the project facts only). */
const unitOccurrences = new WeakMap<FileUnit, Occurrence[]>();

function occurrencesOfUnit(ctx: CompileContext, unit: FileUnit): Occurrence[] {
  let list = unitOccurrences.get(unit);
  if (!list) unitOccurrences.set(unit, (list = fileOccurrences(ctx, unit.ast, unit.rules)));
  return list;
}

/** Every file's occurrences: from the workspace's units when it has them, else from the context's rules. */
function projectOccurrences(ctx: CompileContext, units: readonly FileUnit[] | null, directoryNames: DirectoryNames | null): Map<string, Occurrence[]> {
  const byFile = new Map<string, Occurrence[]>();
  if (units) {
    for (const unit of units) byFile.set(unit.ast.file, occurrencesOfUnit(ctx, unit));
  } else {
    const rulesOf = new Map<string, RuleInfo[]>();
    for (const rule of ctx.rules) {
      const list = rulesOf.get(rule.file);
      if (list) list.push(rule);
      else rulesOf.set(rule.file, [rule]);
    }
    for (const file of ctx.files) byFile.set(file.file, fileOccurrences(ctx, file, rulesOf.get(file.file) ?? []));
  }
  const directoryFile = ctx.directorySource?.file;
  if (directoryFile && directoryNames) {
    const c = new Collector();
    collectDirectory(c, directoryFile, directoryNames);
    byFile.set(directoryFile, c.sorted());
  }
  for (const [file, list] of byFile) if (list.length === 0) byFile.delete(file);
  return new Map([...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Builds the model of a linked context; `directoryNames` reads the directory's
 * names (called on first use); `units` are the workspace's checked files
 * (null after a run of the stages, whose context holds every rule itself).
 */
export function buildModel(ctx: CompileContext, directoryNames: () => DirectoryNames | null, units: readonly FileUnit[] | null = null): SemanticModel {
  // Built on first use: completion reads the tables only.
  let occurrences: Map<string, Occurrence[]> | null = null;
  const byFile = () => (occurrences ??= projectOccurrences(ctx, units, directoryNames()));
  let byKey: Map<string, Occurrence[]> | null = null;
  const same = (key: string) => {
    if (!byKey) {
      byKey = new Map();
      for (const list of byFile().values()) {
        for (const o of list) {
          const known = byKey.get(o.key);
          if (known) known.push(o);
          else byKey.set(o.key, [o]);
        }
      }
    }
    return byKey.get(key);
  };
  const typeTables = [ctx.exprTypes, ...(units ?? []).map((u) => u.exprTypes)];
  return {
    schemas: ctx.schemas,
    rules: ctx.rules,
    settings: ctx.settings,
    maps: ctx.maps,
    directory: ctx.directory,
    directoryFile: ctx.directorySource?.file ?? null,
    get directoryNames() {
      return directoryNames();
    },
    get occurrences() {
      return byFile();
    },
    definition: (key) => same(key)?.find((o) => o.declaration),
    referencesOf: (key) => [...(same(key) ?? [])],
    occurrenceAt: (file, offset) => byFile().get(file)?.find((o) => o.span.start <= offset && offset <= o.span.end),
    typeOf: (expr) => {
      for (const table of typeTables) {
        const type = table.get(expr);
        if (type) return type;
      }
      return undefined;
    },
  };
}
