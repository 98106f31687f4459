import { type Decision, type Program } from '../api';
// `GET /v1/stats`: figures over the decisions of a time range — events decided,
// distinct records, assigned / fallback / unmatched / unassigned counts, the
// success rate (share of event decisions that assigned someone), and the same
// per rule, per method and per user. Computed by scanning the log (bounded).

interface Counts {
  decisions: number;
  assigned: number;
  fallback: number;
  unmatched: number;
}

const zero = (): Counts => ({ decisions: 0, assigned: 0, fallback: 0, unmatched: 0 });

function count(counts: Counts, d: Decision): void {
  counts.decisions++;
  counts[d.outcome]++;
}

/** Accumulates decisions into the statistics. */
export class StatsBuilder {
  private readonly totals = zero();
  private events = 0;
  private eventsAssigned = 0;
  private unassigned = 0;
  private reassignments = 0;
  private readonly records = new Set<string>();
  private readonly rules = new Map<string, Counts & { rule: string; method: string | null }>();
  private readonly methods = new Map<string, Counts>();
  private readonly users = new Map<string, number>();
  private readonly methodOf: Map<string, string>;

  constructor(program: Program) {
    this.methodOf = new Map(program.rules.map((r) => [r.id, r.method.kind]));
  }

  add(d: Decision): void {
    count(this.totals, d);
    if (d.cause === 'event') {
      this.events++;
      if (d.assigned.length > 0) this.eventsAssigned++;
    }
    if (d.cause === 'reassign') this.reassignments++;
    if (d.assigned.length === 0) this.unassigned++;
    this.records.add(`${d.entity}/${d.recordId}`);
    for (const user of d.assigned) this.users.set(user, (this.users.get(user) ?? 0) + 1);
    if (d.ruleId === null) return;
    const method = d.trace.method?.method ?? this.methodOf.get(d.ruleId) ?? null;
    let rule = this.rules.get(d.ruleId);
    if (!rule) this.rules.set(d.ruleId, (rule = { rule: d.rule ?? d.ruleId, method, ...zero() }));
    count(rule, d);
    if (method !== null) {
      let counts = this.methods.get(method);
      if (!counts) this.methods.set(method, (counts = zero()));
      count(counts, d);
    }
  }

  /** The wire form. */
  result(): Record<string, unknown> {
    return {
      events: this.events,
      records: this.records.size,
      decisions: this.totals.decisions,
      assigned: this.totals.assigned,
      fallback: this.totals.fallback,
      unmatched: this.totals.unmatched,
      unassigned: this.unassigned,
      reassignments: this.reassignments,
      success_rate: this.events === 0 ? null : Math.round((this.eventsAssigned / this.events) * 10_000) / 10_000,
      per_rule: [...this.rules].map(([id, c]) => ({ rule_id: id, ...c })).sort((a, b) => b.decisions - a.decisions),
      per_method: [...this.methods].map(([method, c]) => ({ method, ...c })).sort((a, b) => b.decisions - a.decisions),
      per_user: [...this.users].map(([user, assigned]) => ({ user, assigned })).sort((a, b) => b.assigned - a.assigned || (a.user < b.user ? -1 : 1)),
    };
  }
}
