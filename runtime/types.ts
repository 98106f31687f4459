// The runtime's public vocabulary: incoming events, decisions with their explain
// traces, and the engine's interface. The engine (runtime/engine.ts) implements
// it; the scenario runner, `dist explain` and the HTTP server only use these types.

/** An event as received (RUNTIME.md "An event, start to end"). */
export interface IncomingEvent {
  id: string;
  /** `<entity>.<kind>`, e.g. `lead.created`. */
  type: string;
  record: Record<string, unknown> & { id?: unknown };
  /** For `updated` events: the fields that changed. */
  changed?: string[];
  /** When the event happened at its source (ISO 8601); validated. The engine's clock decides; `dist explain` uses it as its clock. */
  at?: string;
}

/** Why an input was refused; `path` addresses the field (`record.score`, `changed[1]`). */
export interface InputIssue {
  path: string;
  message: string;
  /** Set when the event's type names no declared entity and kind, or no `map` block reads a payload's source. */
  code?: 'unknown_event_type' | 'unknown_source';
}

export type Outcome = 'assigned' | 'fallback' | 'unmatched';

export interface Decision {
  id: string;
  eventId: string;
  eventType: string;
  entity: string;
  recordId: string;
  /** Epoch ms of the engine clock when decided. */
  decidedAt: number;
  outcome: Outcome;
  /** The rule that took the record (null when unmatched). */
  ruleId: string | null;
  rule: string | null;
  /** Users assigned, in order (the fallback user for outcome `fallback` with a user). */
  assigned: string[];
  /** Why a fallback or unmatched happened (`no rule matched`, `no eligible user`, …). */
  reason: string | null;
  /** The queue the record went to, if any. */
  queue: string | null;
  /** What caused this decision beyond the first: a re-assignment timer or a queue retry. */
  cause: 'event' | 'reassign' | 'retry' | 'manual-retry';
  trace: Trace;
}

/** The explain trace of one decision (RUNTIME.md "Explain"). */
export interface Trace {
  rules: RuleTrace[];
  pool?: PoolTrace;
  filters: FilterTrace[];
  method?: MethodTrace;
  outcome: { outcome: Outcome; assigned: string[]; reason: string | null; queue: string | null };
}

export interface RuleTrace {
  ruleId: string;
  rule: string;
  /** Why it was skipped before conditions (wrong event, `updated` field not changed, not active). */
  skipped?: string;
  matched: boolean;
  /** The first condition that was false, with the values it saw. */
  failed?: ConditionTrace;
  /** With coverage on: every condition node evaluated, by span. */
  conditions?: ConditionTrace[];
}

export interface ConditionTrace {
  /** Span of the condition in the rule's file. */
  span: { start: number; end: number } | null;
  /** The condition, printed from the IR. */
  text: string;
  value: boolean;
  /** The field values it read, e.g. `{ "lead.score": 72 }` (unset fields: null). */
  values: Record<string, unknown>;
}

export interface PoolTrace {
  kind: string;
  /** User ids after resolution, in pool order. */
  users: string[];
  /** Dropped while resolving (inactive, outside the rule's team, `where` false). */
  dropped: { user: string; reason: string }[];
  /** Dynamic pools: how many users the `where` rejected (counted, not listed in `dropped`). */
  whereFalse?: number;
}

export interface FilterTrace {
  /** `checked_in`, `available`, `workday`, `holidays`, `leave`, `capacity`, `quota hourly`, `earlier owners`… */
  filter: string;
  dropped: { user: string; reason: string }[];
}

export interface MethodTrace {
  method: string;
  before: unknown;
  after: unknown;
  /** Candidates considered with the value that ranked them, where the method ranks. */
  ranking?: { user: string; value: unknown }[];
}

/** The result of handing an event to the engine. */
export type DecideResult =
  | { ok: true; decision: Decision; duplicate: boolean }
  | { ok: false; issues: InputIssue[] };

/**
 * The result of handing a raw payload to the engine: `queue` names the `on
 * invalid` queue that kept a payload which failed its map (null: rejected).
 */
export type PayloadResult = (DecideResult & { ok: true }) | { ok: false; issues: InputIssue[]; queue: string | null };

/** Per-user values the runtime maintains, as `given.state` sets them in scenarios. */
export interface UserStateOverrides {
  lastAssignedAt?: Record<string, number>;
  openLoad?: Record<string, number>;
}
