// Shadow mode (`dist serve --shadow PATH`, or `server.shadow` in dist.yaml): a
// candidate project decides every event the live rules decide, on a
// copy-on-write copy of the live state (shadow-store.ts), after the live answer
// has been sent, one event at a time in arrival order and at the live
// decision's time. Both decisions are compared (rule, outcome, assignees); the
// counts by live rule and the latest divergences are kept for `GET /v1/shadow`
// and `/metrics`. The live store, answer and latency never wait for it. The shadow
// reads the state as the live decision found it (that decision's provenance),
// then the live store for keys it never read, then its own writes over both.
import { createEngine, type Decision, type Directory, type Engine, type IncomingEvent, type Program, type StateStore } from '../api';
import type { Json } from '../runtime/state/store';
import type { WorkerLogger } from './outbox/worker';
import { shadowStore } from './shadow-store';

/** Divergences kept for `GET /v1/shadow`. */
const RECENT = 50;

/** One decision of both versions, as compared. */
export interface ShadowSide {
  decision_id: string;
  rule: string | null;
  outcome: Decision['outcome'];
  assigned: string[];
  queue: string | null;
}

export interface Divergence {
  event_id: string;
  at: string;
  live: ShadowSide;
  shadow: ShadowSide | { rejected: string };
}

/** Counts by live rule (`(none)` when no rule took the record). */
export interface RuleCounts {
  compared: number;
  diverged: number;
}

/** Callbacks for the server's metrics. */
export interface ShadowMetrics {
  compared: (result: 'same' | 'diverged', rule: string) => void;
}

/** The shadow of a running server. */
export class Shadow {
  private readonly engine: Engine;
  private chain: Promise<void> = Promise.resolve();
  private pendingCount = 0;
  compared = 0;
  diverged = 0;
  failed = 0;
  readonly byRule = new Map<string, RuleCounts>();
  readonly recent: Divergence[] = [];

  constructor(
    readonly path: string,
    program: Program,
    directory: Directory,
    live: StateStore,
    private readonly deps: { log: WorkerLogger; metrics: ShadowMetrics },
  ) {
    let now = 0;
    this.clock = (at) => (now = at);
    this.engine = createEngine({ program, directory, store: shadowStore(live, () => this.before), clock: () => now });
  }

  private readonly clock: (at: number) => void;
  /** What the live decision being shadowed read: the state before it. */
  private before: ReadonlyMap<string, Json | null> = new Map();

  /** Events handed over and not compared yet. */
  get pending(): number {
    return this.pendingCount;
  }

  /** Queues the event the live rules decided as `live`; returns at once. */
  follow(event: IncomingEvent, live: Decision): void {
    this.pendingCount++;
    this.chain = this.chain.then(() => new Promise<void>((done) => setImmediate(done))).then(() => this.compare(event, live)).catch((error: unknown) => {
      this.failed++;
      this.deps.log.warn({ step: 'shadow', event: live.eventId, err: error }, 'the shadow could not decide this event');
    }).finally(() => this.pendingCount--);
  }

  /** Resolves when every queued event is compared. */
  idle(): Promise<void> {
    return this.chain;
  }

  private async compare(event: IncomingEvent, live: Decision): Promise<void> {
    this.clock(live.decidedAt);
    this.before = new Map();
    await this.engine.tick();
    this.before = new Map(Object.entries(live.provenance?.reads ?? {}));
    const result = await this.engine.decide(event);
    const shadow = result.ok ? result.decision : null;
    const same = shadow !== null && shadow.rule === live.rule && shadow.outcome === live.outcome && shadow.assigned.join('\n') === live.assigned.join('\n') && shadow.queue === live.queue;
    const rule = live.rule ?? '(none)';
    const counts = this.byRule.get(rule) ?? { compared: 0, diverged: 0 };
    counts.compared++;
    this.compared++;
    if (!same) {
      counts.diverged++;
      this.diverged++;
      this.recent.unshift({ event_id: live.eventId, at: new Date(live.decidedAt).toISOString(), live: side(live), shadow: shadow ? side(shadow) : { rejected: result.ok ? '' : result.issues.map((i) => i.message).join('; ') } });
      if (this.recent.length > RECENT) this.recent.pop();
    }
    this.byRule.set(rule, counts);
    this.deps.metrics.compared(same ? 'same' : 'diverged', rule);
  }

  /** `GET /v1/shadow`. */
  report(): Record<string, unknown> {
    return {
      enabled: true,
      project: this.path,
      compared: this.compared,
      diverged: this.diverged,
      pending: this.pendingCount,
      failed: this.failed,
      by_rule: [...this.byRule].map(([rule, c]) => ({ rule, ...c })).sort((a, b) => b.diverged - a.diverged || (a.rule < b.rule ? -1 : 1)),
      recent: this.recent,
    };
  }
}

function side(d: Decision): ShadowSide {
  return { decision_id: d.id, rule: d.rule, outcome: d.outcome, assigned: d.assigned, queue: d.queue };
}
