// `GET /v1/stats`: the distribution overview of a time range, counted per
// record: records created (the event that first brought the record was decided
// in the range), records assigned (of those, the ones a decision in the range
// gave to a user), the success rate (assigned ÷ created), unassigned records
// (created, never assigned: no rule matched or nobody was eligible), and per
// rule, per method and per user the records each took. Decision counts
// (by cause and outcome) come alongside. Computed by scanning the log (bounded).
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
  private readonly methodOf: Map<string, string>;

  constructor(program: Program) {
    this.methodOf = new Map(program.rules.map((r) => [r.id, r.method.kind]));
  }

  add(d: Decision): void {
    this.decisions++;
    this.causes.set(d.cause, (this.causes.get(d.cause) ?? 0) + 1);
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
    const method = d.trace.method?.method ?? this.methodOf.get(d.ruleId) ?? null;
    let rule = this.rules.get(d.ruleId);
    if (!rule) this.rules.set(d.ruleId, (rule = { rule: d.rule ?? d.ruleId, method, ...tally() }));
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

  /** The wire form; `firstEvent` gives the id of the event that first brought a record (null: unknown). */
  result(firstEvent: (entity: string, id: string) => string | null): Record<string, unknown> {
    let created = 0;
    let assigned = 0;
    for (const r of this.records.values()) {
      const first = firstEvent(r.entity, r.id);
      if (first === null || !r.events.has(first)) continue;
      created++;
      if (r.assigned) assigned++;
    }
    const figures = (t: Tally) => ({ records: t.records.size, records_assigned: t.assigned.size, decisions: t.decisions });
    const byRecords = (a: { records: number }, b: { records: number }) => b.records - a.records;
    return {
      records: this.records.size,
      records_created: created,
      records_assigned: assigned,
      unassigned: created - assigned,
      success_rate: created === 0 ? null : Math.round((assigned / created) * 10_000) / 10_000,
      decisions: this.decisions,
      events: this.causes.get('event') ?? 0,
      reassignments: this.causes.get('reassign') ?? 0,
      retries: (this.causes.get('retry') ?? 0) + (this.causes.get('manual-retry') ?? 0),
      outcomes: { assigned: this.outcomes.get('assigned') ?? 0, fallback: this.outcomes.get('fallback') ?? 0, unmatched: this.outcomes.get('unmatched') ?? 0 },
      per_rule: [...this.rules].map(([id, t]) => ({ rule_id: id, rule: t.rule, method: t.method, ...figures(t) })).sort(byRecords),
      per_method: [...this.methods].map(([method, t]) => ({ method, ...figures(t) })).sort(byRecords),
      per_user: [...this.users].map(([user, records]) => ({ user, assigned: records.size })).sort((a, b) => b.assigned - a.assigned || (a.user < b.user ? -1 : 1)),
    };
  }
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

/** One key per record; entity names cannot hold `/`, so it is unambiguous. */
function recordKey(entity: string, id: string): string {
  return `${entity}/${id}`;
}
