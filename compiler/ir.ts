// The IR: what the compiler produces and the only thing the runtime reads. It is
// plain JSON, versioned by `irVersion`, and defined by the zod schema below, which
// is also exported as JSON Schema (compiler/ir-json-schema.ts). Durations are in
// milliseconds; names are resolved; spans point back into the source files and
// never take part in equality (see stripSpans). Its word lists (functions,
// requirements, event kinds, quota periods, statuses, triggers) come from the
// language vocabulary.
import { z } from 'zod';
import {
  EVENT_KINDS as EVENT_KIND_WORDS,
  FUNCTIONS as FUNCTION_WORDS,
  namesOf,
  QUOTA_PERIODS as QUOTA_PERIOD_WORDS,
  REQUIREMENTS as REQUIREMENT_WORDS,
  STATUSES,
  TRIGGERS,
  VOLUME_PERIODS as VOLUME_PERIOD_WORDS,
} from '../language/vocabulary';

/**
 * Bumped whenever the IR changes shape; the runtime refuses versions it does not
 * know. Version 2 added `workflows`. The compiler writes the lowest version that
 * holds the program (1 without workflows), so a program that uses no workflow
 * still runs on a runtime of version 1, and one that does is refused there
 * rather than run without its workflows.
 */
export const IR_VERSION = 2;

/** Every IR version this runtime reads (version 1 is version 2 without workflows). */
export const IR_VERSIONS = [1, 2] as const;

/** Offsets into the file of the enclosing declaration (rule, settings, map, schema). */
export const ExprSpan = z.object({ start: z.number().int(), end: z.number().int() });
/** A declaration's place: its file (relative to the project root) and offsets. */
export const DeclSpan = z.object({ file: z.string(), start: z.number().int(), end: z.number().int() });

export type ExprSpan = z.infer<typeof ExprSpan>;
export type DeclSpan = z.infer<typeof DeclSpan>;

// ---------------------------------------------------------------- types

export type FieldType =
  | { type: 'text' | 'number' | 'bool' | 'time' | 'duration' | 'geo' }
  | { type: 'choice'; options: string[] }
  | { type: 'list'; element: FieldType };

export const FieldType: z.ZodType<FieldType> = z.lazy(() =>
  z.union([
    z.object({ type: z.enum(['text', 'number', 'bool', 'time', 'duration', 'geo']) }),
    z.object({ type: z.literal('choice'), options: z.array(z.string()).min(1) }),
    z.object({ type: z.literal('list'), element: FieldType }),
  ]),
);

// ---------------------------------------------------------------- expressions

/** Functions an expression may call (conditions and map blocks). */
export const FUNCTIONS = namesOf(FUNCTION_WORDS);
export type FunctionName = (typeof FUNCTIONS)[number];

export type Literal = string | number | boolean | Literal[];

type WithSpan = { span?: ExprSpan };

/** An expression; booleans, arithmetic and values share one tree. */
export type Expr = WithSpan &
  (
    | { op: 'lit'; value: Literal }
    | { op: 'duration'; ms: number }
    /** A field of the record (`lead`, `opportunity`…), of the candidate `user`, or of the raw `payload`. */
    | { op: 'field'; entity: string; path: string[] }
    | { op: 'list'; items: Expr[] }
    | { op: 'call'; fn: FunctionName; args: Expr[] }
    | { op: 'neg'; arg: Expr }
    | { op: 'arith'; operator: '+' | '-' | '*' | '/'; left: Expr; right: Expr }
    | { op: 'coalesce'; args: Expr[] }
    | { op: 'cmp'; operator: '==' | '!=' | '<' | '<=' | '>' | '>='; left: Expr; right: Expr }
    /** `value in collection` (collection: a list, or a list field); negated for `not in`. */
    | { op: 'in'; value: Expr; collection: Expr; negated: boolean }
    | { op: 'contains'; collection: Expr; value: Expr }
    | { op: 'starts_with' | 'ends_with'; text: Expr; affix: Expr }
    | { op: 'between'; value: Expr; low: Expr; high: Expr }
    | { op: 'is_set'; value: Expr; negated: boolean }
    | { op: 'and' | 'or'; args: Expr[] }
    | { op: 'not'; arg: Expr }
  );

const span = { span: ExprSpan.optional() };
const LiteralSchema: z.ZodType<Literal> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.array(LiteralSchema)]),
);

export const Expr: z.ZodType<Expr> = z.lazy(() =>
  z.discriminatedUnion('op', [
    z.object({ op: z.literal('lit'), value: LiteralSchema, ...span }),
    z.object({ op: z.literal('duration'), ms: z.number(), ...span }),
    z.object({ op: z.literal('field'), entity: z.string(), path: z.array(z.string()).min(1), ...span }),
    z.object({ op: z.literal('list'), items: z.array(Expr), ...span }),
    z.object({ op: z.literal('call'), fn: z.enum(FUNCTIONS), args: z.array(Expr), ...span }),
    z.object({ op: z.literal('neg'), arg: Expr, ...span }),
    z.object({ op: z.literal('arith'), operator: z.enum(['+', '-', '*', '/']), left: Expr, right: Expr, ...span }),
    z.object({ op: z.literal('coalesce'), args: z.array(Expr).min(2), ...span }),
    z.object({
      op: z.literal('cmp'),
      operator: z.enum(['==', '!=', '<', '<=', '>', '>=']),
      left: Expr,
      right: Expr,
      ...span,
    }),
    z.object({ op: z.literal('in'), value: Expr, collection: Expr, negated: z.boolean(), ...span }),
    z.object({ op: z.literal('contains'), collection: Expr, value: Expr, ...span }),
    z.object({ op: z.enum(['starts_with', 'ends_with']), text: Expr, affix: Expr, ...span }),
    z.object({ op: z.literal('between'), value: Expr, low: Expr, high: Expr, ...span }),
    z.object({ op: z.literal('is_set'), value: Expr, negated: z.boolean(), ...span }),
    z.object({ op: z.enum(['and', 'or']), args: z.array(Expr).min(2), ...span }),
    z.object({ op: z.literal('not'), arg: Expr, ...span }),
  ]),
) as z.ZodType<Expr>;

// ---------------------------------------------------------------- rules

export const REQUIREMENTS = namesOf(REQUIREMENT_WORDS);
export const EVENT_KINDS = namesOf(EVENT_KIND_WORDS);
export const QUOTA_PERIODS = namesOf(QUOTA_PERIOD_WORDS);
export const RULE_STATUSES = namesOf(STATUSES);
export const TRIGGER_MODES = namesOf(TRIGGERS);
export const VOLUME_PERIODS = namesOf(VOLUME_PERIOD_WORDS);

/**
 * `expect N per PERIOD`: a stated volume, read only by the analysis (the runtime
 * ignores it). Optional, and left out when not written, so IR without it stays valid.
 */
export const Expectation = z.object({ count: z.number().int().positive(), per: z.enum(VOLUME_PERIODS) });

export const RetryWindow = z.object({ everyMs: z.number().positive(), forMs: z.number().positive() });

export const EventSpec = z.object({
  entity: z.string(),
  kind: z.enum(EVENT_KINDS),
  /** For `updated(f, …)`: fire only when one of these changed; null = any update. */
  fields: z.array(z.string()).nullable(),
  span: ExprSpan.optional(),
});

export const Pool = z.discriminatedUnion('kind', [
  /** Static users in this order, optionally narrowed by a filter. */
  z.object({ kind: z.literal('users'), users: z.array(z.string()).min(1), where: Expr.nullable() }),
  /** Every directory user for whom `where` holds, sorted by user id. */
  z.object({ kind: z.literal('dynamic'), where: Expr }),
  z.object({ kind: z.literal('teams'), teams: z.array(z.string()).min(1) }),
  z.object({ kind: z.literal('groups'), groups: z.array(z.string()).min(1) }),
  z.object({ kind: z.literal('anyone') }),
]);

export const Weight = z.object({ key: z.string(), weight: z.number().int().positive() });

export const Method = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('round_robin') }),
  z.object({ kind: z.literal('least_recent') }),
  z.object({ kind: z.literal('load_balance') }),
  z.object({ kind: z.literal('random') }),
  /** Ranks by the rule's `turnover`, highest first. */
  z.object({ kind: z.literal('max_turnover') }),
  /** Ranks by the shares left under `quota total`, most first. */
  z.object({ kind: z.literal('max_lead_count') }),
  /** Keys are the pool's users, teams or groups, in the order written. */
  z.object({ kind: z.literal('weighted'), weights: z.array(Weight).min(1) }),
  /** Keys are values of the user's `choice` field `field`. */
  z.object({ kind: z.literal('weighted_by'), field: z.string(), weights: z.array(Weight).min(1) }),
  z.object({ kind: z.literal('score'), expr: Expr }),
  z.object({
    kind: z.literal('ordered'),
    keys: z.array(z.object({ expr: Expr, direction: z.enum(['asc', 'desc']) })).min(1),
  }),
]);

export const Fallback = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), user: z.string() }),
  z.object({ kind: z.literal('queue'), queue: z.string(), retry: RetryWindow.nullable() }),
]);

export const Rule = z.object({
  /** Stable id derived from the name; method state is keyed by it. */
  id: z.string(),
  name: z.string(),
  priority: z.number().int(),
  description: z.string().nullable(),
  status: z.enum(RULE_STATUSES),
  scope: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('global') }),
    z.object({ kind: z.literal('team'), team: z.string() }),
  ]),
  /** The record entity this rule routes (every event names it). */
  entity: z.string(),
  events: z.array(EventSpec).min(1),
  when: Expr.nullable(),
  pool: Pool,
  /** `withinMs` is the length of `workday within D`; `within` that duration as written (`120h`), for traces. */
  require: z.array(z.object({ flag: z.enum(REQUIREMENTS), withinMs: z.number().positive().nullable(), within: z.string().optional() })),
  method: Method,
  take: z.object({ count: z.number().int().positive(), min: z.number().int().positive() }),
  /** `turnover EXPR [min N]`: what one assignment earns; `min` null when not written. Left out when not written. */
  turnover: z.object({ expr: Expr, min: z.number().positive().nullable() }).optional(),
  /** Null: the project's unmatched queue. */
  fallback: Fallback.nullable(),
  reassign: z
    .object({ afterMs: z.number().positive(), when: Expr.nullable(), max: z.number().int().positive() })
    .nullable(),
  /** Records this rule expects per period. */
  expect: Expectation.optional(),
  span: DeclSpan.optional(),
});

export const Settings = z.object({
  timezone: z.string(),
  trigger: z.enum(TRIGGER_MODES),
  /** What load_balance and `require capacity` measure against; null = none configured. */
  capacity: Expr.nullable(),
  quotas: z.array(z.object({ period: z.enum(QUOTA_PERIODS), limit: Expr })),
  unmatched: z.object({ queue: z.string(), retry: RetryWindow.nullable() }),
  /** Records the whole project expects per period. */
  expect: Expectation.optional(),
  span: DeclSpan.optional(),
});

export const Schema = z.object({
  entity: z.string(),
  fields: z.record(z.string(), FieldType),
  span: DeclSpan.optional(),
});

export const InputMap = z.object({
  entity: z.string(),
  source: z.string(),
  fields: z.array(z.object({ name: z.string(), expr: Expr })),
  /** Where payloads that fail the schema are kept; null = rejected. */
  invalidQueue: z.string().nullable(),
  span: DeclSpan.optional(),
});

/**
 * `workflow "Name" { rules "A", "B" take N min M }`: rules that distribute one
 * record together. When a rule of it is the first to take a record, each of its
 * rules that matches the record chooses, in this order, among users no earlier
 * rule chose; `take` caps the users over all of them, and with fewer than `min`
 * nobody is assigned (the first rule's fallback runs).
 */
export const Workflow = z.object({
  name: z.string(),
  description: z.string().nullable(),
  /** Ids of its rules, in the order they choose. */
  rules: z.array(z.string()).min(2),
  /** `count` null: no cap beyond each rule's own `take`. */
  take: z.object({ count: z.number().int().positive().nullable(), min: z.number().int().positive() }),
  span: DeclSpan.optional(),
});

export const Program = z.object({
  irVersion: z.union([z.literal(1), z.literal(2)]),
  settings: Settings,
  /** Every declared schema, `user` included, keyed by entity name. */
  schemas: z.record(z.string(), Schema),
  /** Every rule (any status), in ascending priority. */
  rules: z.array(Rule),
  maps: z.array(InputMap),
  /** Left out when the project has none (and then the IR is version 1). */
  workflows: z.array(Workflow).optional(),
});

export type RetryWindow = z.infer<typeof RetryWindow>;
export type EventSpec = z.infer<typeof EventSpec>;
export type Pool = z.infer<typeof Pool>;
export type Method = z.infer<typeof Method>;
export type Fallback = z.infer<typeof Fallback>;
export type Rule = z.infer<typeof Rule>;
export type Settings = z.infer<typeof Settings>;
export type Schema = z.infer<typeof Schema>;
export type InputMap = z.infer<typeof InputMap>;
export type Workflow = z.infer<typeof Workflow>;
export type Program = z.infer<typeof Program>;
export type Requirement = (typeof REQUIREMENTS)[number];
export type EventKind = (typeof EVENT_KINDS)[number];
export type QuotaPeriod = (typeof QUOTA_PERIODS)[number];
export type VolumePeriod = (typeof VOLUME_PERIODS)[number];
export type Expectation = z.infer<typeof Expectation>;

/** A deep copy of any IR value without its `span` properties (for goldens and equality). */
export function stripSpans<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === 'span' ? undefined : v))) as T;
}
