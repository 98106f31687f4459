// The shapes of the read endpoints' answers, as the dashboard uses them
// (snake_case, as on the wire; see docs/api.md).

/** Records and decisions one rule or method took. */
export interface Tally {
  records: number;
  records_assigned: number;
  decisions: number;
}

/** `GET /v1/stats`. */
export interface Stats {
  from: string | null;
  to: string | null;
  team: string | null;
  truncated: boolean;
  records: number;
  records_created: number;
  records_assigned: number;
  unassigned: number;
  success_rate: number | null;
  decisions: number;
  events: number;
  reassignments: number;
  retries: number;
  outcomes: { assigned: number; fallback: number; unmatched: number };
  per_rule: (Tally & { rule_id: string; rule: string; method: string | null })[];
  per_method: (Tally & { method: string })[];
  per_user: { user: string; assigned: number }[];
}

/** A rule of `GET /v1/rules`. */
export interface RuleEntry {
  rule_id: string;
  rule: string;
  priority: number;
  status: string;
  team: string | null;
  entity: string;
  method: string;
}

/** A decision log entry of `GET /v1/decisions`. */
export interface DecisionEntry {
  decision_id: string;
  event_id: string;
  outcome: 'assigned' | 'fallback' | 'unmatched';
  rule: string | null;
  rule_id: string | null;
  assigned: string[];
  reason?: string;
  queue?: string;
  entity: string;
  record_id: string;
  event_type: string;
  cause: string;
  decided_at: string;
  team: string | null;
}

/** A candidate's part in a decision. */
export interface Candidate {
  user: string;
  status: 'assigned' | 'dropped' | 'passed over' | 'not a candidate';
  stage: string;
  step: string | null;
  reason: string;
}

/** `GET /v1/decisions/{id}`. */
export interface DecisionDetail extends DecisionEntry {
  trace: {
    rules: { rule_id: string; rule: string; matched: boolean; skipped?: string; failed?: { text: string; value: boolean; values: Record<string, unknown> } }[];
    pool?: { kind: string; users: string[]; dropped: { user: string; reason: string }[]; where_false?: number };
    filters: { filter: string; dropped: { user: string; reason: string }[] }[];
    method?: { method: string; before: unknown; after: unknown; ranking?: { user: string; value: unknown }[] };
    /** Set for a rule in a workflow: what each of its rules chose. */
    workflow?: { name: string; take: number | null; min: number; steps: { rule_id: string; rule: string; assigned: string[]; reason?: string }[] };
    outcome: { outcome: string; assigned: string[]; reason: string | null; queue: string | null };
  };
  candidates: Candidate[];
  deliveries: { target?: string; status?: string; attempts?: number }[];
  why?: Candidate;
}
