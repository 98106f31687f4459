// Shadow mode (`dist serve --shadow PATH`, or `server.shadow` in dist.yaml): a
// candidate project decides every event the live rules decide, on a
// copy-on-write copy of the live state (shadow-store.ts), after the live answer
// has been sent, one event at a time in arrival order and at the live
// decision's time. Both decisions are compared (rule, outcome, assignees); the
// counts by live rule and the latest divergences are kept for `GET /v1/shadow`
// and `/metrics`. The live store, answer and latency never wait for it. The shadow
// reads the state as the live decision found it (that decision's provenance),
// then the live store for keys it never read, then its own writes over both.
// The candidate's files are watched (shadow-project.ts): a new version takes
// over between two events, on the same shadow state (rotations carry on, as they
// do for the live rules), and the comparison counts start afresh for it; a
// change that does not compile is reported and the last good version decides on.
import { createEngine, type Decision, type Directory, type Engine, type IncomingEvent, type Program, type StateStore } from '../api';
import { fingerprint } from '../runtime/provenance';
import type { Json } from '../runtime/state/store';
import type { DiagnosticDetail } from './live-project';
import type { WorkerLogger } from './outbox/worker';
import { shadowStore } from './shadow-store';
import { isoOrNull } from './wire';

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

/** The version of the candidate that decides, as `GET /v1/shadow` names it. */
interface ShadowVersion {
  /** Fingerprints, as decisions' provenance gives them. */
  program: string;
  directory: string;
  rules: number;
  users: number;
  loadedAt: number;
}

/** The last attempt to load the candidate (start, or a change of its files). */
interface ShadowReload {
  ok: boolean;
  trigger: 'start' | 'files';
  at: number;
  diagnostics: DiagnosticDetail[];
}

/** The shadow of a running server. */
export class Shadow {
  private engine: Engine;
  private readonly store: StateStore;
  private chain: Promise<void> = Promise.resolve();
  private pendingCount = 0;
  compared = 0;
  diverged = 0;
  failed = 0;
  readonly byRule = new Map<string, RuleCounts>();
  readonly recent: Divergence[] = [];
  private version: ShadowVersion;
  private reload: ShadowReload;
  /** The live decision's time, the shadow engine's clock. */
  private now = 0;

  constructor(
    readonly path: string,
    program: Program,
    directory: Directory,
    live: StateStore,
    private readonly deps: { log: WorkerLogger; metrics: ShadowMetrics; clock: () => number },
  ) {
    this.store = shadowStore(live, () => this.before);
    this.engine = this.engineOf(program, directory);
    this.version = versionOf(program, directory, deps.clock());
    this.reload = { ok: true, trigger: 'start', at: this.version.loadedAt, diagnostics: [] };
  }

  private engineOf(program: Program, directory: Directory): Engine {
    return createEngine({ program, directory, store: this.store, clock: () => this.now });
  }

  /** A new version of the candidate: it takes over after the events queued so far, and the counts start afresh. Resolves once it decides. */
  load(program: Program, directory: Directory): Promise<void> {
    const swap = this.chain.then(() => {
      this.engine = this.engineOf(program, directory);
      this.version = versionOf(program, directory, this.deps.clock());
      this.reload = { ok: true, trigger: 'files', at: this.version.loadedAt, diagnostics: [] };
      this.compared = this.diverged = this.failed = 0;
      this.byRule.clear();
      this.recent.length = 0;
    });
    this.chain = swap;
    return swap;
  }

  /** A change of the candidate that does not compile: the running version stays. */
  reloadFailed(diagnostics: DiagnosticDetail[]): void {
    this.reload = { ok: false, trigger: 'files', at: this.deps.clock(), diagnostics };
  }

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
    this.now = live.decidedAt;
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
      version: { program: this.version.program, directory: this.version.directory, rules: this.version.rules, users: this.version.users, loaded_at: isoOrNull(this.version.loadedAt) },
      reload: { ok: this.reload.ok, trigger: this.reload.trigger, at: isoOrNull(this.reload.at), diagnostics: this.reload.diagnostics },
      compared: this.compared,
      diverged: this.diverged,
      pending: this.pendingCount,
      failed: this.failed,
      by_rule: [...this.byRule].map(([rule, c]) => ({ rule, ...c })).sort((a, b) => b.diverged - a.diverged || (a.rule < b.rule ? -1 : 1)),
      recent: this.recent,
    };
  }
}

function versionOf(program: Program, directory: Directory, loadedAt: number): ShadowVersion {
  return { program: fingerprint(program), directory: fingerprint(directory), rules: program.rules.length, users: directory.users.length, loadedAt };
}

function side(d: Decision): ShadowSide {
  return { decision_id: d.id, rule: d.rule, outcome: d.outcome, assigned: d.assigned, queue: d.queue };
}
