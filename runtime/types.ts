// The runtime's public vocabulary: incoming events, decisions with their explain
// traces, and the engine's interface. The engine (runtime/engine.ts) implements
// it; the scenario runner, `dist explain` and the HTTP server only use these types.
import type { RecordView } from './evaluator/context';
import type { Provenance } from './provenance';

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
  /** The team the rule was scoped to (`scope team "T"`) when it decided; absent for global rules and unmatched records. */
  team?: string;
  /** Users assigned, in order (the fallback user for outcome `fallback` with a user). */
  assigned: string[];
  /** Why a fallback or unmatched happened (`no rule matched`, `no eligible user`, …). */
  reason: string | null;
  /** The queue the record went to, if any. */
  queue: string | null;
  /** What caused this decision beyond the first: a re-assignment timer or a queue retry. */
  cause: 'event' | 'reassign' | 'retry' | 'manual-retry';
  trace: Trace;
  /** With provenance on (`dist serve`): what re-running it exactly needs (runtime/provenance.ts). */
  provenance?: Provenance;
}

/**
 * The trace of one decision as the decision log keeps it: compact, so its size
 * depends on the pool and the filters and never on the number of rules. The
 * rules tried, with the first false condition of each and the values it saw,
 * are rebuilt on demand from the program and the record kept here
 * (`Engine.explain`, runtime/explain-rules.ts).
 */
export interface Trace {
  match: MatchTrace;
  pool?: PoolTrace;
  filters: FilterTrace[];
  method?: MethodTrace;
  /** Set when the rule has a `turnover` clause and assigned someone: what each assignee earns. */
  turnover?: TurnoverTrace;
  /** Set when the rule that took the record is in a workflow: what each of the workflow's rules chose. */
  workflow?: WorkflowTrace;
  outcome: { outcome: Outcome; assigned: string[]; reason: string | null; queue: string | null };
}

/** A decision made by a workflow (`workflow "Name" { rules … take N min M }`). */
export interface WorkflowTrace {
  workflow: string;
  /** The workflow's cap (null: none) and total minimum. */
  take: { count: number | null; min: number };
  /** Each of its rules, in the workflow's order. */
  steps: WorkflowStepTrace[];
}

/** What one rule of a workflow did for the record. */
export interface WorkflowStepTrace {
  ruleId: string;
  rule: string;
  /** The users this rule chose (none when it was skipped or found nobody). */
  assigned: string[];
  /** Why it chose nobody: its event or `when` does not take the record, the cap is reached, fewer than its `min`, its turnover minimum. */
  reason?: string;
  pool?: PoolTrace;
  filters?: FilterTrace[];
  method?: MethodTrace;
  turnover?: TurnoverTrace;
}

/** How the decision found its rule. */
export type MatchTrace =
  /** Through the rules of the event type, in priority order; the record and changed fields as the rules read them. */
  | { via: 'rules'; record: RecordView; changed: string[] }
  /** A re-assignment timer ran the rule that had assigned the record. */
  | { via: 'reassign' };

/** The explain trace (RUNTIME.md "Explain"): the decision's trace with the rules tried. */
export interface ExplainedTrace extends Omit<Trace, 'match'> {
  rules: RuleTrace[];
  /** Set when the rules changed since the decision and now pick another rule for its record: `rules` shows the current rules. */
  stale?: true;
}

/** A decision with its explain trace, as `dist explain`, the API and `dist test` show it. */
export interface ExplainedDecision extends Omit<Decision, 'trace'> {
  trace: ExplainedTrace;
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

/** What a decision earns under its rule's `turnover EXPR [min N]`. */
export interface TurnoverTrace {
  /** Each assignee's value, in assignment order (null: not set, counted as 0). */
  values: { user: string; value: number | null }[];
  total: number;
  /** The rule's minimum (null: none). */
  min: number | null;
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
