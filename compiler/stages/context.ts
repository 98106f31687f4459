// The state the compiler's stages share: the parsed files, the tables `resolve`
// builds (schemas, settings, rules, maps, expression sites), and the diagnostics
// every stage reports into. Name tables are Maps, so no name (not even
// `__proto__`) can reach an object prototype.
import type {
  Clause,
  EventRef,
  Expr,
  MapDecl,
  MapEntry,
  OnInvalid,
  QuotaSetting,
  RuleDecl,
  SchemaDecl,
  SettingsDecl,
  Setting,
  SourceFile,
  Span,
  WorkflowDecl,
} from '../../language/ast';
import { diagnostic, type Diagnostic, type DiagnosticCode } from '../../language/diagnostics';
import { parse, type ParseResult } from '../../language/parse';
import { loadDirectory } from '../directory/load';
import type { Directory } from '../directory/model';
import type { AnalysisCache } from '../analysis/analyse-rules';
import type { DryPoolCache } from '../analysis/dry-pools';
import type { EventKind, FieldType, Program, QuotaPeriod, Rule, RULE_STATUSES } from '../ir';
import type { DirectoryIndex } from './resolve-directory';
import { RECORD_BUILTINS, USER_BUILTINS, type Type } from './types';

/** One input text: `file` is relative to the project root, with `/` separators. */
export interface SourceText {
  file: string;
  text: string;
}

/**
 * The directory's text. `value`, when given, is that text already parsed (a
 * directory that arrived as JSON): it is validated as it is, and the text is
 * read only to place the problems found, which spares parsing a large YAML text.
 */
export interface DirectoryText extends SourceText {
  value?: unknown;
}

export type ClauseKind = Clause['kind'];
export type ClauseOf<K extends ClauseKind> = Extract<Clause, { kind: K }>;
/** The first clause of each kind in a rule (later ones are reported as given twice). */
export type ClauseTable = { [K in ClauseKind]?: ClauseOf<K> };

type SettingKind = Setting['kind'];
type SettingOf<K extends SettingKind> = Extract<Setting, { kind: K }>;

/** A declared entity (or `user`, which always exists) and its fields. */
export interface SchemaInfo {
  entity: string;
  /** Null for `user` when no `schema user` is written. */
  decl: SchemaDecl | null;
  file: string;
  /** Declared fields that checked clean, in the order written. */
  fields: Map<string, FieldType>;
  builtins: ReadonlyMap<string, FieldType>;
  /** False when a field was dropped for an error (so `fields` is not the whole schema). */
  complete: boolean;
}

/** An event of a rule's `on` clause that checked clean. */
export interface ResolvedEvent {
  ref: EventRef;
  entity: string;
  kind: EventKind;
  fields: string[] | null;
}

export type RuleStatus = (typeof RULE_STATUSES)[number];

export interface RuleInfo {
  decl: RuleDecl;
  file: string;
  /** Position in the project (files sorted by path, then declarations in order). */
  index: number;
  id: string;
  clauses: ClauseTable;
  /** The entity its events name (the first event's), null when unknown. */
  entity: string | null;
  /** Every event that checked clean. */
  events: ResolvedEvent[];
  /** True when every event of `on` checked clean. */
  eventsOk: boolean;
  /** Null when the status word is unknown. */
  status: RuleStatus | null;
}

export interface SettingsInfo {
  decl: SettingsDecl;
  file: string;
  /** The first entry of each kind (quotas are kept per period). */
  entries: { [K in Exclude<SettingKind, 'QuotaSetting'>]?: SettingOf<K> };
  quotas: Map<QuotaPeriod, QuotaSetting>;
  /** A valid time zone, or null (absent or invalid). */
  timezone: string | null;
}

/** A workflow whose rules all resolved. */
export interface WorkflowInfo {
  decl: WorkflowDecl;
  file: string;
  rules: RuleInfo[];
  take: { count: number | null; min: number };
  description: string | null;
}

export interface MapInfo {
  decl: MapDecl;
  file: string;
  /** Null when the entity is unknown. */
  entity: string | null;
  entries: MapEntry[];
  invalidQueue: OnInvalid | null;
}

/**
 * Where an expression stands, which decides the names it may read:
 * `when` (a rule's `when` and `reassign … when`: the rule's entity),
 * `user-filter` (`users where`, `score`, `ordered by`: `user` and the rule's entity),
 * `map` (a map block's values: `payload`), `limit` (settings `capacity`/`quota`: `user`).
 */
export type Place = 'when' | 'user-filter' | 'map' | 'limit';

/** What an expression's type must be. */
export type Expectation = 'bool' | 'number' | 'ordered' | { field: Type; name: string };

/** One expression to check, with its context. */
export interface ExprSite {
  expr: Expr;
  file: string;
  place: Place;
  expect: Expectation;
  /** The record entity in scope (the rule's or the map's), null when unknown. */
  entity: string | null;
  /** How to name the site in a message (`` `when` ``, `` `score` ``). */
  label: string;
}

/** The compiler's stages, in order. */
export type StageName = 'parse' | 'resolve' | 'typecheck' | 'validate' | 'lower' | 'analyse';

/** One named stage: reads and extends the context, reports into it, never throws. */
export interface Stage {
  name: StageName;
  run(ctx: CompileContext): void;
}

/**
 * What a long-lived caller (the workspace) keeps between checks: each rule's IR
 * (under its info, which is new whenever the rule or the facts it was checked
 * against change, and the retry policy of the queue its fallback names) and the
 * rule analysis's and the dry-pool check's results, under those IR objects.
 */
export interface CompileCaches {
  lowered: WeakMap<RuleInfo, { retry: string; rule: Rule }>;
  analysis: AnalysisCache;
  dryPools: DryPoolCache;
}

/** Everything the stages read and write. */
export interface CompileContext {
  /** Null for a one-off run of the stages. */
  caches: CompileCaches | null;
  /** The `.dist` texts, sorted by file. */
  sources: SourceText[];
  /** Parses one text (the workspace answers from its per-file cache). */
  parseSource: (source: SourceText) => ParseResult;
  /** Loads the directory (the workspace answers from its cache while the text and what it is checked against stay the same). */
  loadDirectory: typeof loadDirectory;
  /** The parsed files, in the order of `sources`. */
  files: SourceFile[];
  directorySource: DirectoryText | null;
  directory: Directory | null;
  /** The directory by name, when it loaded. */
  names: DirectoryIndex | null;
  diagnostics: Diagnostic[];
  schemas: Map<string, SchemaInfo>;
  settings: SettingsInfo | null;
  rules: RuleInfo[];
  maps: MapInfo[];
  /** Workflows that checked clean (stages/collect-workflows.ts). */
  workflows: WorkflowInfo[];
  sites: ExprSite[];
  /** Field types of the paths that resolved. */
  pathTypes: WeakMap<Expr, Type>;
  /** The type of every expression that type-checked (what hover shows). */
  exprTypes: WeakMap<Expr, Type>;
  /** AST nodes whose names failed to resolve (already reported): later checks skip them. */
  failed: WeakSet<object>;
  program: Program | null;
}

/** A fresh context; `user` exists from the start with its built-in fields. */
export function createContext(
  sources: SourceText[],
  directorySource: DirectoryText | null,
  parseSource: (source: SourceText) => ParseResult = (source) => parse(source.text, source.file),
  load: typeof loadDirectory = loadDirectory,
  caches: CompileCaches | null = null,
): CompileContext {
  const schemas = new Map<string, SchemaInfo>();
  schemas.set('user', { entity: 'user', decl: null, file: '', fields: new Map(), builtins: USER_BUILTINS, complete: true });
  return {
    caches,
    sources,
    parseSource,
    loadDirectory: load,
    files: [],
    directorySource,
    directory: null,
    names: null,
    diagnostics: [],
    schemas,
    settings: null,
    rules: [],
    workflows: [],
    maps: [],
    sites: [],
    pathTypes: new WeakMap(),
    exprTypes: new WeakMap(),
    failed: new WeakSet(),
    program: null,
  };
}

/** The built-in fields of an entity. */
export function builtinsOf(entity: string): ReadonlyMap<string, FieldType> {
  return entity === 'user' ? USER_BUILTINS : RECORD_BUILTINS;
}

/** The type of `entity.field` (built-in or declared), or undefined. */
export function fieldType(schema: SchemaInfo, field: string): FieldType | undefined {
  return schema.builtins.get(field) ?? schema.fields.get(field);
}

/** Every field name of an entity, built-ins first (for suggestions). */
export function fieldNames(schema: SchemaInfo): string[] {
  return [...schema.builtins.keys(), ...schema.fields.keys()];
}

/** Reports a diagnostic with its code's default severity. */
export function report(
  ctx: CompileContext,
  code: DiagnosticCode,
  file: string,
  span: Span,
  message: string,
  extra: Pick<Diagnostic, 'help' | 'related' | 'data'> = {},
): void {
  ctx.diagnostics.push(diagnostic(code, file, span, message, extra));
}

/**
 * Reports a diagnostic against `node[property]` (`reportOn(ctx, code, file, rule.decl, 'name', …)`):
 * the place is that child's span, taken from the tree, never a hand-made range.
 */
export function reportOn<N extends object, K extends keyof N>(
  ctx: CompileContext,
  code: DiagnosticCode,
  file: string,
  node: N,
  property: K,
  message: string,
  extra: Pick<Diagnostic, 'help' | 'related' | 'data'> = {},
): void {
  report(ctx, code, file, (node[property] as { span: Span }).span, message, extra);
}

/** True when any error has been reported so far. */
export function hasErrors(ctx: CompileContext): boolean {
  return ctx.diagnostics.some((d) => d.severity === 'error');
}

/** True when `schema` declares `field` but the declaration had an error (already reported). */
export function brokenField(schema: SchemaInfo, field: string): boolean {
  return !schema.complete && (schema.decl?.fields.some((f) => f.name.text === field) ?? false);
}
