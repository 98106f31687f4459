// `GET /v1/stats`: the distribution overview of a time range, counted per
// record: records created (the event that first brought the record was decided
// in the range), records assigned (of those, the ones a decision in the range
// gave to a user), the success rate (assigned ÷ created), unassigned records
// (created, never assigned: no rule matched or nobody was eligible), and per
// rule, per method and per user the records each took. Decision counts
// (by cause and outcome) come alongside. A rule is named as the program names it
// (a rule no longer in the program, as its newest decision in the range did).
// StatsBuilder computes them by scanning the log (bounded): the path of
// team-limited views and the reference of the rollups' sums (stats-rollups.ts).
import type { RecordState } from '../runtime/record-state';
import { keys } from '../runtime/state-keys';
import { inTransaction } from '../runtime/state/store';
import type { Decision, Outcome, Program, StateStore } from '../api';

/** Record states read per store round trip. */
const LOOKUP_PAGE = 500;

/** What the statistics know of one record seen in the range. */
interface RecordSeen {
  entity: string;
  id: string;
  /** Ids of the events decided in the range for it (cause `event`). */
  events: Set<string>;
  assigned: boolean;
}

/** Records touched by a rule (or method) and those it assigned, with its decisions. */
interface Tally {
  records: Set<string>;
  assigned: Set<string>;
  decisions: number;
}

const tally = (): Tally => ({ records: new Set(), assigned: new Set(), decisions: 0 });

function count(t: Tally, key: string, d: Decision): void {
  t.decisions++;
  t.records.add(key);
  if (d.assigned.length > 0) t.assigned.add(key);
}

/** Accumulates decisions into the statistics. */
export class StatsBuilder {
  private decisions = 0;
  private readonly causes = new Map<Decision['cause'], number>();
  private readonly outcomes = new Map<Outcome, number>();
  private readonly records = new Map<string, RecordSeen>();
  private readonly rules = new Map<string, Tally & { rule: string; method: string | null }>();
  private readonly methods = new Map<string, Tally>();
  private readonly users = new Map<string, Set<string>>();
  private readonly ruleOf: Map<string, Program['rules'][number]>;

  constructor(program: Program) {
    this.ruleOf = new Map(program.rules.map((r) => [r.id, r]));
  }

  add(d: Decision): void {
    this.causes.set(d.cause, (this.causes.get(d.cause) ?? 0) + 1);
    if (d.cause === 'manual') return; // reported, not distributed (runtime/state/rollups.ts counts it the same way)
    this.decisions++;
    this.outcomes.set(d.outcome, (this.outcomes.get(d.outcome) ?? 0) + 1);
    const key = recordKey(d.entity, d.recordId);
    let record = this.records.get(key);
    if (!record) this.records.set(key, (record = { entity: d.entity, id: d.recordId, events: new Set(), assigned: false }));
    if (d.cause === 'event') record.events.add(d.eventId);
    if (d.assigned.length > 0) record.assigned = true;
    for (const user of d.assigned) {
      let records = this.users.get(user);
      if (!records) this.users.set(user, (records = new Set()));
      records.add(key);
    }
    if (d.ruleId === null) return;
    const method = d.trace.method?.method ?? this.ruleOf.get(d.ruleId)?.method.kind ?? null;
    let rule = this.rules.get(d.ruleId);
    if (!rule) this.rules.set(d.ruleId, (rule = { ...ruleLabel(d.ruleId, this.ruleOf.get(d.ruleId), d), ...tally() }));
    count(rule, key, d);
    if (method !== null) {
      let counts = this.methods.get(method);
      if (!counts) this.methods.set(method, (counts = tally()));
      count(counts, key, d);
    }
  }

  /** The records seen, for looking up the event that first brought each. */
  seen(): { entity: string; id: string }[] {
    return [...this.records.values()].map(({ entity, id }) => ({ entity, id }));
  }

  /** The figures; `firstEvent` gives the id of the event that first brought a record (null: unknown). */
  figures(firstEvent: (entity: string, id: string) => string | null): StatsFigures {
    let created = 0;
    let assigned = 0;
    for (const r of this.records.values()) {
      const first = firstEvent(r.entity, r.id);
      if (first === null || !r.events.has(first)) continue;
      created++;
      if (r.assigned) assigned++;
    }
    const figures = (t: Tally) => ({ records: t.records.size, recordsAssigned: t.assigned.size, decisions: t.decisions });
    return {
      records: this.records.size,
      created,
      assigned,
      decisions: this.decisions,
      causes: this.causes,
      outcomes: this.outcomes,
      rules: [...this.rules].map(([ruleId, t]) => ({ ruleId, rule: t.rule, method: t.method, ...figures(t) })),
      methods: [...this.methods].map(([method, t]) => ({ method, ...figures(t) })),
      users: [...this.users].map(([user, records]) => ({ user, assigned: records.size })),
    };
  }
}

/** The statistics of a range, before they take their wire form. */
export interface StatsFigures {
  /** Records with a decision in the range, those created in it, and of those the ones assigned. */
  records: number;
  created: number;
  assigned: number;
  decisions: number;
  causes: ReadonlyMap<Decision['cause'], number>;
  outcomes: ReadonlyMap<Outcome, number>;
  rules: { ruleId: string; rule: string; method: string | null; records: number; recordsAssigned: number; decisions: number }[];
  methods: { method: string; records: number; recordsAssigned: number; decisions: number }[];
  users: { user: string; assigned: number }[];
}

/** The wire form of the statistics; lists by size, ties by name. */
export function statsWire(f: StatsFigures): Record<string, unknown> {
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const figures = (t: { records: number; recordsAssigned: number; decisions: number }) => ({ records: t.records, records_assigned: t.recordsAssigned, decisions: t.decisions });
  return {
    records: f.records,
    records_created: f.created,
    records_assigned: f.assigned,
    unassigned: f.created - f.assigned,
    success_rate: f.created === 0 ? null : Math.round((f.assigned / f.created) * 10_000) / 10_000,
    decisions: f.decisions,
    events: f.causes.get('event') ?? 0,
    reassignments: f.causes.get('reassign') ?? 0,
    retries: (f.causes.get('retry') ?? 0) + (f.causes.get('manual-retry') ?? 0),
    outcomes: { assigned: f.outcomes.get('assigned') ?? 0, fallback: f.outcomes.get('fallback') ?? 0, unmatched: f.outcomes.get('unmatched') ?? 0 },
    per_rule: [...f.rules]
      .sort((a, b) => b.records - a.records || byName(a.ruleId, b.ruleId))
      .map((t) => ({ rule_id: t.ruleId, rule: t.rule, method: t.method, ...figures(t) })),
    per_method: [...f.methods].sort((a, b) => b.records - a.records || byName(a.method, b.method)).map((t) => ({ method: t.method, ...figures(t) })),
    per_user: [...f.users].sort((a, b) => b.assigned - a.assigned || byName(a.user, b.user)).map((u) => ({ user: u.user, assigned: u.assigned })),
  };
}

/** The id of the event that first brought each record, read from the records' state. */
export async function firstEvents(store: StateStore, records: readonly { entity: string; id: string }[]): Promise<(entity: string, id: string) => string | null> {
  const found = new Map<string, string>();
  for (let at = 0; at < records.length; at += LOOKUP_PAGE) {
    const page = records.slice(at, at + LOOKUP_PAGE);
    const states = await inTransaction(store, (tx) => tx.getMany(page.map((r) => keys.record(r.entity, r.id))));
    page.forEach((r, i) => {
      const state = states[i] as unknown as RecordState | undefined;
      if (state?.firstEventId) found.set(recordKey(r.entity, r.id), state.firstEventId);
    });
  }
  return (entity, id) => found.get(recordKey(entity, id)) ?? null;
}

/** A rule's name and method in the statistics: the program's, or for a rule no longer in it, those of its decision `d`. */
export function ruleLabel(ruleId: string, rule: Program['rules'][number] | undefined, d: Decision | undefined): { rule: string; method: string | null } {
  if (rule) return { rule: rule.name, method: rule.method.kind };
  return { rule: d?.rule ?? ruleId, method: d?.trace.method?.method ?? null };
}

/** One key per record; entity names cannot hold `/`, so it is unambiguous. */
function recordKey(entity: string, id: string): string {
  return `${entity}/${id}`;
}
