// The abstract syntax tree of a `.dist` file. Every node carries a `{start, end}`
// span of UTF-16 offsets into its file's text; line and column are computed only at
// the edges (CLI, language server). A clause, setting, field, map item or
// declaration the parser could not read whole is reported, and left in its
// parent as an explicit `Error` node with its span (in `errors`, beside the items
// that were read whole); the parent is marked `recovered`. Later stages never see
// half-built nodes and skip cascading checks; the editor still finds a node
// under the cursor (`when lead.|`).
import type { DurationLit, Expr, NumberLit, Path, StringLit } from './ast-expr';

export type * from './ast-expr';

/** A half-open range `[start, end)` of UTF-16 offsets into one file's text. */
export interface Span {
  start: number;
  end: number;
}

export interface Node {
  span: Span;
}

/** One source file: its declarations in order, plus every comment (the formatter's channel). */
export interface SourceFile extends Node {
  kind: 'SourceFile';
  /** Path of the file relative to the project root, with `/` separators. */
  file: string;
  declarations: Declaration[];
  /** Declarations that could not be read whole. */
  errors: ErrorNode[];
  comments: Comment[];
}

/**
 * What is left of an item the parser could not read whole: its span (from its
 * first token to the last one read) and the keyword it began with, if any. Always
 * reported by a diagnostic; stages skip it, the editor completes inside it.
 */
export interface ErrorNode extends Node {
  kind: 'Error';
  /** The item it was meant to be: `clause`, `setting`, `field`, `map item`, `declaration`. */
  expected: string;
  /** The first word of the item (`when` in `when lead.`), null when it began with no word. */
  keyword: Name | null;
}

export interface Comment extends Node {
  kind: 'Comment';
  /** The comment's full text, including `//` or the `/*` and `*\/` delimiters. */
  text: string;
  block: boolean;
}

/** A bare word: a keyword used as a name, a field, an entity, a method name. */
export interface Name extends Node {
  kind: 'Name';
  text: string;
}

export type Declaration = SchemaDecl | SettingsDecl | RuleDecl | MapDecl | WorkflowDecl;

// ---------------------------------------------------------------- schema

export interface SchemaDecl extends Node {
  kind: 'Schema';
  entity: Name;
  fields: FieldDecl[];
  errors: ErrorNode[];
  recovered: boolean;
}

export interface FieldDecl extends Node {
  kind: 'Field';
  name: Name;
  type: TypeExpr;
}

export type TypeExpr = SimpleType | ChoiceType | ListType;

/** `text`, `number`, `bool`, `time`, `duration`, `geo` — or any other word, which the compiler rejects. */
export interface SimpleType extends Node {
  kind: 'SimpleType';
  name: Name;
}

export interface ChoiceType extends Node {
  kind: 'ChoiceType';
  options: StringLit[];
}

export interface ListType extends Node {
  kind: 'ListType';
  element: TypeExpr;
}

// ---------------------------------------------------------------- settings

export interface SettingsDecl extends Node {
  kind: 'Settings';
  entries: Setting[];
  errors: ErrorNode[];
  recovered: boolean;
}

export type Setting = TimezoneSetting | TriggerSetting | CapacitySetting | QuotaSetting | ExpectSetting | UnmatchedSetting;

/** `timezone "Asia/Kolkata"` */
export interface TimezoneSetting extends Node {
  kind: 'TimezoneSetting';
  value: StringLit;
}

/** `trigger entity` | `trigger automation` (the word is checked by the compiler). */
export interface TriggerSetting extends Node {
  kind: 'TriggerSetting';
  mode: Name;
}

/** `capacity user.max_open` (or a number). */
export interface CapacitySetting extends Node {
  kind: 'CapacitySetting';
  value: Expr;
}

/** `quota daily user.daily_cap` | `quota weekly 200`; the period word is checked by the compiler. */
export interface QuotaSetting extends Node {
  kind: 'QuotaSetting';
  period: Name;
  limit: Expr;
}

/** `expect 200 per day`: the number of records the project expects per period; the period word is checked by the compiler. */
export interface ExpectSetting extends Node {
  kind: 'ExpectSetting';
  count: NumberLit;
  period: Name;
}

/** `unmatched queue "triage" [retry every 15m for 24h]` */
export interface UnmatchedSetting extends Node {
  kind: 'UnmatchedSetting';
  queue: QueueTarget;
}

/** `queue "q" [retry every D for D]`, used by `fallback` and `unmatched`. */
export interface QueueTarget extends Node {
  kind: 'QueueTarget';
  name: StringLit;
  retry: RetryWindow | null;
}

export interface RetryWindow extends Node {
  kind: 'RetryWindow';
  every: DurationLit;
  for: DurationLit;
}

// ---------------------------------------------------------------- rule

export interface RuleDecl extends Node {
  kind: 'Rule';
  name: StringLit;
  clauses: Clause[];
  /** Clauses that could not be read whole. */
  errors: ErrorNode[];
  /** True when the parser dropped part of this rule: skip "missing clause" checks. */
  recovered: boolean;
}

export type Clause =
  | PriorityClause
  | IdClause
  | DescriptionClause
  | StatusClause
  | ScopeClause
  | OnClause
  | WhenClause
  | AssignClause
  | RequireClause
  | DistributeClause
  | TakeClause
  | TurnoverClause
  | ExpectClause
  | FallbackClause
  | ReassignClause;

export interface PriorityClause extends Node {
  kind: 'Priority';
  value: NumberLit;
}

/** `id "web-leads"`: the rule's stable id (its state is kept under it). */
export interface IdClause extends Node {
  kind: 'Id';
  value: StringLit;
}

export interface DescriptionClause extends Node {
  kind: 'Description';
  value: StringLit;
}

/** `status active|draft|inactive`; the word is checked by the compiler. */
export interface StatusClause extends Node {
  kind: 'Status';
  value: Name;
}

/** `scope global` (team = null) | `scope team "T"`. */
export interface ScopeClause extends Node {
  kind: 'Scope';
  team: StringLit | null;
}

export interface OnClause extends Node {
  kind: 'On';
  events: EventRef[];
}

/** `lead.created`, `lead.updated(status, score)`. */
export interface EventRef extends Node {
  kind: 'EventRef';
  entity: Name;
  event: Name;
  /** The field list of `updated(…)`; null when no parentheses were written. */
  fields: Name[] | null;
}

export interface WhenClause extends Node {
  kind: 'When';
  condition: Expr;
}

export interface AssignClause extends Node {
  kind: 'Assign';
  pool: Pool;
}

export type Pool = UsersPool | TeamsPool | GroupsPool | AnyonePool;

/** `users "a", "b"` · `users where C` · `users "a", "b" where C` (users empty for the dynamic form). */
export interface UsersPool extends Node {
  kind: 'UsersPool';
  users: StringLit[];
  where: Expr | null;
}

export interface TeamsPool extends Node {
  kind: 'TeamsPool';
  teams: StringLit[];
}

export interface GroupsPool extends Node {
  kind: 'GroupsPool';
  groups: StringLit[];
}

export interface AnyonePool extends Node {
  kind: 'AnyonePool';
}

export interface RequireClause extends Node {
  kind: 'Require';
  items: Requirement[];
}

/** `checked_in`, `workday within 120h`; the word is checked by the compiler. */
export interface Requirement extends Node {
  kind: 'Requirement';
  name: Name;
  within: DurationLit | null;
}

export interface DistributeClause extends Node {
  kind: 'Distribute';
  method: Method;
}

export type Method = SimpleMethod | WeightedMethod | ScoreMethod | OrderedMethod;

/** `round_robin`, `least_recent`, `load_balance`, `random` — or any other word, which the compiler rejects. */
export interface SimpleMethod extends Node {
  kind: 'SimpleMethod';
  name: Name;
}

/** `weighted { "k": w, … }` (by = null) or `weighted by user.F { "v": w, … }`. */
export interface WeightedMethod extends Node {
  kind: 'WeightedMethod';
  by: Path | null;
  weights: WeightEntry[];
}

export interface WeightEntry extends Node {
  kind: 'WeightEntry';
  key: StringLit;
  /** Any expression, so that `-1` or `0.5` parse; the compiler requires a positive integer literal. */
  weight: Expr;
}

export interface ScoreMethod extends Node {
  kind: 'ScoreMethod';
  expr: Expr;
}

export interface OrderedMethod extends Node {
  kind: 'OrderedMethod';
  keys: OrderKey[];
}

export interface OrderKey extends Node {
  kind: 'OrderKey';
  expr: Expr;
  /** As written; null means the default, ascending. */
  direction: 'asc' | 'desc' | null;
}

/** `take N [min M]` */
export interface TakeClause extends Node {
  kind: 'Take';
  count: NumberLit;
  min: NumberLit | null;
}

/** `turnover EXPR [min N]`: what one assignment earns, and the least the chosen users must earn together. */
export interface TurnoverClause extends Node {
  kind: 'Turnover';
  value: Expr;
  min: NumberLit | null;
}

/** `expect 200 per day`: the records this rule expects per period; the period word is checked by the compiler. */
export interface ExpectClause extends Node {
  kind: 'Expect';
  count: NumberLit;
  period: Name;
}

export interface FallbackClause extends Node {
  kind: 'Fallback';
  target: FallbackUser | QueueTarget;
}

export interface FallbackUser extends Node {
  kind: 'FallbackUser';
  user: StringLit;
}

/** `reassign after D [when C] [max N]` */
export interface ReassignClause extends Node {
  kind: 'Reassign';
  after: DurationLit;
  when: Expr | null;
  max: NumberLit | null;
}

// ---------------------------------------------------------------- map

/** `map lead from "website-form" { field = expr … [on invalid queue "q"] }` */
export interface MapDecl extends Node {
  kind: 'Map';
  entity: Name;
  source: StringLit;
  items: MapItem[];
  errors: ErrorNode[];
  recovered: boolean;
}

export type MapItem = MapEntry | OnInvalid;

export interface MapEntry extends Node {
  kind: 'MapEntry';
  field: Name;
  value: Expr;
}

export interface OnInvalid extends Node {
  kind: 'OnInvalid';
  queue: StringLit;
}

// ---------------------------------------------------------------- workflow

/** `workflow "Name" { rules "A", "B" take N [min M] }`: rules that distribute one record together. */
export interface WorkflowDecl extends Node {
  kind: 'Workflow';
  name: StringLit;
  items: WorkflowItem[];
  errors: ErrorNode[];
  recovered: boolean;
}

export type WorkflowItem = WorkflowRules | TakeClause | DescriptionClause;

/** `rules "A", "B"`: the workflow's rules, in the order they distribute. */
export interface WorkflowRules extends Node {
  kind: 'WorkflowRules';
  rules: StringLit[];
}
