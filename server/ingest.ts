// From an accepted request to a durable, explained decision, and what follows it.
// Every engine call that can decide (events, timers, queue retries) goes through
// here, so each decision is logged the same way (`ingest`, `decided`), counted,
// and its deliveries handed to the worker only after its commit. `onDecision`
// runs inside the decision's transaction (the engine's `onCommit` hook): that is
// where the outbox items and the Idempotency-Key record are written, so they
// commit with the decision or not at all. Requests for an event id already in flight wait for it and then
// replay its decision.
import { performance } from 'node:perf_hooks';
import { own } from '../language/own';
import { EVENT_KINDS } from '../compiler/ir';
import { planDeliveries } from './outbox/plan';
import type { OutboxWorker, WorkerLogger } from './outbox/worker';
import { loadRecord } from '../runtime/record-state';
import type { OutboxItem } from '../runtime/state/store';
import type { DeliveryConfig } from './config';
import { rememberKey, type IdempotencyClaim } from './idempotency';
import type { LiveVersion } from './live-project';
import type { ServerMetrics } from './metrics';
import type { Shadow } from './shadow';
import { type DecideResult, type Decision, type Engine, type IncomingEvent, type PayloadResult, type Program, type Transaction } from '../api';

/** What a request adds to the decision of its event. */
export interface RequestContext {
  via: 'events' | 'batch' | 'distribute' | 'hooks';
  idempotency?: IdempotencyClaim | null;
  /** `/v1/distribute`'s `callback_url`. */
  callbackUrl?: string | null;
  /** `/v1/distribute`'s `default_user`, named in the callback when nobody is assigned. */
  defaultUser?: string | null;
}

/** The log of the decision pipeline: the outbox worker's levels and `debug`. */
export interface IngestLogger extends WorkerLogger {
  debug(fields: object, message: string): void;
}

export interface IngestDeps {
  version: () => LiveVersion;
  worker: OutboxWorker;
  metrics: ServerMetrics;
  log: IngestLogger;
  deliveries: readonly DeliveryConfig[];
  /** A decision may have scheduled a timer. */
  timersChanged: () => void;
  /** The shadow that also decides every event (after the answer); null when off. */
  shadow: () => Shadow | null;
}

/** The decision pipeline of the server (see the top comment). */
export class Ingest {
  private readonly contexts = new Map<string, { context: RequestContext; record: IncomingEvent['record'] }>();
  private readonly inFlight = new Map<string, Promise<unknown>>();
  /** Outbox items written by decisions whose commit has not resolved yet. */
  private readonly staged = new Map<string, OutboxItem[]>();

  constructor(private readonly deps: IngestDeps) {}

  /** The decision hook: runs inside the decision's transaction. */
  readonly onDecision = async (tx: Transaction, decision: Decision): Promise<void> => {
    const pending = decision.cause === 'event' ? this.contexts.get(decision.eventId) : undefined;
    if (pending?.context.idempotency) await rememberKey(tx, pending.context.idempotency, decision.id, decision.decidedAt);
    const callbackUrl = pending?.context.callbackUrl ?? null;
    if (this.deps.deliveries.length === 0 && callbackUrl === null) return;
    const state = await loadRecord(tx, decision.entity, decision.recordId);
    const record = { ...state?.fields, ...pending?.record, id: decision.recordId };
    const defaultUser = pending?.context.defaultUser ?? null;
    const items = planDeliveries(decision, { deliveries: this.deps.deliveries, record, callbackUrl, defaultUser, now: decision.decidedAt });
    for (const item of items) await tx.addOutbox(item);
    if (items.length > 0) this.staged.set(decision.id, items);
  };

  /** Decides one event; a second request for an event id in flight waits for the first and replays it. */
  decide(event: IncomingEvent, context: RequestContext): Promise<DecideResult> {
    const id = typeof event.id === 'string' || typeof event.id === 'number' ? String(event.id) : null;
    const recordId = typeof event.record === 'object' && event.record !== null ? event.record.id : undefined;
    const received = { event: id, type: event.type, record: recordId ?? null };
    return this.serialised(id, () => this.decideNow(received, context, event.record, (engine) => engine.decide(event), event));
  }

  /** Maps a raw payload with the `map` block of `source` and decides it, like `decide` (event id `eventId`). */
  decidePayload(source: string, payload: unknown, eventId: string, context: RequestContext): Promise<PayloadResult> {
    const received = { event: eventId, type: null, record: null, source };
    return this.serialised(eventId, () => this.decideNow(received, context, {}, (engine) => engine.decidePayload(source, payload, eventId), null));
  }

  /** Runs `work` after any earlier work for the same event id (null: no id to wait on). */
  private serialised<T>(id: string | null, work: () => Promise<T>): Promise<T> {
    if (id === null) return work();
    const previous = this.inFlight.get(id);
    const run = (previous ? previous.catch(() => undefined) : Promise.resolve()).then(work);
    this.inFlight.set(id, run);
    const forget = () => {
      if (this.inFlight.get(id) === run) this.inFlight.delete(id);
    };
    run.then(forget, forget);
    return run;
  }

  /** Runs every due timer. */
  async tick(): Promise<Decision[]> {
    const decisions = await this.deps.version().engine.tick();
    for (const decision of decisions) this.settled(decision, null);
    return decisions;
  }

  /** Sends a queued record through the rules again; null when it is not in that queue. */
  async retry(queue: string, entity: string, recordId: string): Promise<DecideResult | null> {
    const result = await this.deps.version().engine.retryQueued(queue, entity, recordId);
    if (result?.ok) this.settled(result.decision, null);
    return result;
  }

  private async decideNow<R extends DecideResult | PayloadResult>(
    received: { event: string | null; type: unknown; record: unknown; source?: string },
    context: RequestContext,
    record: IncomingEvent['record'],
    run: (engine: Engine) => Promise<R>,
    /** The event the shadow decides too (null: a hook payload, which the shadow does not compare). */
    shadowEvent: IncomingEvent | null,
  ): Promise<R> {
    const started = performance.now();
    const { log, metrics } = this.deps;
    const id = received.event;
    // One line per decided event at info (`decided`); the receipt only at debug.
    log.debug({ step: 'ingest', ...received, via: context.via }, 'event received');
    if (id !== null) this.contexts.set(id, { context, record });
    let result: R;
    try {
      result = await run(this.deps.version().engine);
    } finally {
      if (id !== null) this.contexts.delete(id);
    }
    const type = result.ok ? result.decision.eventType : typeLabel(this.deps.version().program, received.type);
    if (!result.ok) {
      const queue = 'queue' in result ? result.queue : null;
      metrics.events.inc({ type, outcome: queue === null ? 'invalid' : 'kept' });
      if (queue === null) log.info({ step: 'rejected', event: id, issues: result.issues }, 'event rejected');
      else log.warn({ step: 'kept', event: id, queue, issues: result.issues }, `payload kept in queue ${queue}`);
    } else if (result.duplicate) {
      metrics.events.inc({ type, outcome: 'duplicate' });
      log.info({ step: 'duplicate', event: id, decision: result.decision.id }, 'event seen before; answering its first decision');
    } else {
      this.settled(result.decision, performance.now() - started, context.via);
      if (shadowEvent) this.deps.shadow()?.follow(shadowEvent, result.decision);
    }
    return result;
  }

  /** After a decision's commit: hand over its deliveries, re-arm timers, count and log it. */
  private settled(decision: Decision, durationMs: number | null, via: RequestContext['via'] | null = null): void {
    const items = this.staged.get(decision.id);
    if (items) {
      this.staged.delete(decision.id);
      this.deps.worker.add(items);
    }
    const rule = decision.ruleId === null ? undefined : this.deps.version().engine.program.byId.get(decision.ruleId)?.rule;
    if (decision.queue !== null || (decision.outcome === 'assigned' && rule?.reassign)) this.deps.timersChanged();
    const { metrics } = this.deps;
    if (decision.cause === 'event') metrics.events.inc({ type: decision.eventType, outcome: decision.outcome });
    else if (decision.cause === 'manual-retry') metrics.manualRetries.inc();
    else metrics.timerDecisions.inc();
    if (durationMs !== null) metrics.decisionSeconds.observe(durationMs / 1000);
    this.deps.log.info(decidedFields(decision, durationMs, via), `decided ${decision.outcome}`);
  }
}

/** The metric label of an event type: declared types as they are, anything else `other` (labels never grow unbounded). */
function typeLabel(program: Program, type: unknown): string {
  if (typeof type !== 'string') return 'other';
  const [entity = '', kind = '', ...rest] = type.split('.');
  const declared = entity !== 'user' && own(program.schemas, entity) !== undefined && (EVENT_KINDS as readonly string[]).includes(kind);
  return declared && rest.length === 0 ? type : 'other';
}

/** The `decided` log line: rule, pool, filters, method, outcome (`GET /v1/decisions/{id}` has the rules tried). */
function decidedFields(d: Decision, durationMs: number | null, via: RequestContext['via'] | null): Record<string, unknown> {
  return {
    step: 'decided',
    decision: d.id,
    event: d.eventId,
    type: d.eventType,
    record: d.recordId,
    via,
    cause: d.cause,
    rule: d.rule,
    outcome: d.outcome,
    pool: d.trace.pool?.users.length ?? null,
    filters: Object.fromEntries(d.trace.filters.map((f) => [f.filter, f.dropped.length])),
    method: d.trace.method?.method ?? null,
    assigned: d.assigned,
    reason: d.reason,
    queue: d.queue,
    duration_ms: durationMs === null ? null : Math.round(durationMs * 1000) / 1000,
  };
}
