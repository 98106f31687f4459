// The delivery worker: sends committed outbox items to their targets and keeps
// the outbox true. Per target at most `max_in_flight` requests run at once; a
// 429 pauses the whole target for its `Retry-After` (or the backoff); other
// retryable answers back off exponentially with full jitter. Every attempt's
// outcome is written back to the store before the next one (the item is updated
// in place; a finished item leaves the outbox and joins its decision's delivery
// log), so a restart resumes where the last process stopped: at least once, and
// exactly once whenever the target answered before the crash. Targets can
// deduplicate by the `Dist-Delivery-Id` header. One timer wakes the worker when
// the next item comes due; nothing polls, except with a store shared by several
// replicas: there each item belongs to the replica that added or claimed it
// (claimOutbox), and every CLAIM_LEASE_MS / 2 each replica claims the items whose
// claim lapsed (a replica that died with deliveries pending).
import { inTransaction, type OutboxItem } from '../../runtime/state/store';
import { backoffDelay, classify, sendWithFetch, type AttemptResult, type Sender } from './attempt';
import { appendDeliveryLog, type DeliveryLogEntry } from './delivery-log';
import { type StateStore } from '../../api';

/** Retry settings (dist.yaml `server.retry`). */
export interface RetrySettings {
  base: number;
  cap: number;
  max_attempts: number;
  timeout: number;
}

/** The structured logger the worker writes `delivery` lines to (pino's shape). */
export interface WorkerLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface WorkerOptions {
  store: StateStore;
  retry: RetrySettings;
  /** Requests allowed in flight at once for a target name. */
  maxInFlight: (target: string) => number;
  /** The headers of a request: the target's own (resolved) plus content type, delivery id, signature. */
  headers: (item: OutboxItem, body: string) => Record<string, string>;
  log: WorkerLogger;
  clock?: () => number;
  random?: () => number;
  send?: Sender;
  /** Called after every attempt (metrics). */
  onAttempt?: (target: string, verdict: 'delivered' | 'retry' | 'failed') => void;
}

type Target = NonNullable<OutboxItem['target']>;

interface TargetState {
  /** Waiting items, ordered by next attempt time. */
  queue: OutboxItem[];
  inFlight: number;
  pausedUntil: number;
}

const FAR_FUTURE = Number.MAX_SAFE_INTEGER;
/** How long a claimed item stays with the replica that claimed it (the PostgreSQL store's lease of added items, too). */
export const CLAIM_LEASE_MS = 60_000;
/** setTimeout's largest delay. */
const MAX_DELAY = 2_147_483_647;

/** Delivers outbox items (see the top comment). */
export class OutboxWorker {
  private readonly targets = new Map<string, TargetState>();
  /** Every item not yet finished (waiting or in flight), by id. */
  private readonly pendingItems = new Map<string, OutboxItem>();
  private readonly running = new Set<Promise<void>>();
  private readonly clock: () => number;
  private readonly random: () => number;
  private readonly send: Sender;
  private timer: NodeJS.Timeout | null = null;
  private sweeper: NodeJS.Timeout | null = null;
  private wakeAt = FAR_FUTURE;
  private stopped = false;

  constructor(private readonly options: WorkerOptions) {
    this.clock = options.clock ?? Date.now;
    this.random = options.random ?? Math.random;
    this.send = options.send ?? sendWithFetch;
  }

  /** Claims every pending item nobody delivers (deliveries a previous process left) and starts sending. */
  async start(): Promise<number> {
    await this.claim();
    if (this.options.store.shared) {
      this.sweeper = setInterval(() => void this.claim().catch((err: unknown) => this.options.log.error({ step: 'delivery', err }, 'claiming lapsed deliveries failed')), CLAIM_LEASE_MS / 2);
      this.sweeper.unref();
    }
    return this.pendingItems.size;
  }

  private async claim(): Promise<void> {
    const items = await inTransaction(this.options.store, (tx) => tx.claimOutbox(Number.MAX_SAFE_INTEGER, this.clock(), CLAIM_LEASE_MS));
    if (!this.stopped) this.add(items);
  }

  /** Hands over committed items; ids already pending are ignored. */
  add(items: readonly OutboxItem[]): void {
    for (const item of items) {
      if (!item.target || this.pendingItems.has(item.id)) continue;
      this.pendingItems.set(item.id, item);
      this.enqueue(item);
    }
    this.pump();
  }

  /** Items of a decision not yet finished. */
  pendingFor(decisionId: string): OutboxItem[] {
    return [...this.pendingItems.values()].filter((item) => item.decisionId === decisionId);
  }

  /** How many items are waiting or in flight. */
  get backlog(): number {
    return this.pendingItems.size;
  }

  /** Stops starting attempts and waits up to `graceMs` for those in flight. */
  async stop(graceMs: number): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.sweeper) clearInterval(this.sweeper);
    this.timer = null;
    let timeout: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timeout = setTimeout(resolve, graceMs)));
    await Promise.race([Promise.allSettled([...this.running]), grace]);
    clearTimeout(timeout);
  }

  private stateOf(name: string): TargetState {
    let state = this.targets.get(name);
    if (!state) this.targets.set(name, (state = { queue: [], inFlight: 0, pausedUntil: 0 }));
    return state;
  }

  private enqueue(item: OutboxItem): void {
    const queue = this.stateOf((item.target as Target).name).queue;
    const due = item.nextAttemptAt ?? 0;
    let low = 0;
    let high = queue.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (((queue[mid] as OutboxItem).nextAttemptAt ?? 0) <= due) low = mid + 1;
      else high = mid;
    }
    queue.splice(low, 0, item);
  }

  /** Starts every attempt that may start now, then sleeps until the next one may. */
  private pump(): void {
    if (this.stopped) return;
    const now = this.clock();
    let next = FAR_FUTURE;
    for (const [name, state] of this.targets) {
      const limit = this.options.maxInFlight(name);
      if (state.pausedUntil > now) {
        if (state.queue.length > 0) next = Math.min(next, state.pausedUntil);
        continue;
      }
      while (state.inFlight < limit && state.queue.length > 0 && ((state.queue[0] as OutboxItem).nextAttemptAt ?? 0) <= now) {
        this.launch(state, state.queue.shift() as OutboxItem);
      }
      if (state.inFlight < limit && state.queue.length > 0) next = Math.min(next, (state.queue[0] as OutboxItem).nextAttemptAt ?? 0);
    }
    this.sleepUntil(next);
  }

  private sleepUntil(at: number): void {
    if (at >= FAR_FUTURE || (this.timer && at >= this.wakeAt)) return;
    if (this.timer) clearTimeout(this.timer);
    this.wakeAt = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.wakeAt = FAR_FUTURE;
      this.pump();
    }, Math.min(MAX_DELAY, Math.max(0, at - this.clock())));
  }

  private launch(state: TargetState, item: OutboxItem): void {
    state.inFlight++;
    const run = this.attempt(state, item).finally(() => {
      state.inFlight--;
      this.running.delete(run);
      this.pump();
    });
    this.running.add(run);
  }

  private async attempt(state: TargetState, item: OutboxItem): Promise<void> {
    const target = item.target as Target;
    const body = JSON.stringify(item.payload ?? null);
    const result = await this.send(
      { url: target.url, method: target.method, headers: this.options.headers(item, body), body },
      this.options.retry.timeout,
      target.recordIdPath,
    );
    const now = this.clock();
    item.attempts = (item.attempts ?? 0) + 1;
    item.lastResponse = { status: result.status, body: result.body, error: result.error, at: now };
    let verdict = classify(result);
    const gaveUp = verdict === 'retry' && item.attempts >= this.options.retry.max_attempts;
    if (gaveUp) verdict = 'failed';
    this.options.onAttempt?.(target.name, verdict);
    if (verdict === 'retry') {
      const { base, cap } = this.options.retry;
      const delay = result.retryAfterMs ?? backoffDelay(item.attempts, base, cap, this.random);
      item.nextAttemptAt = now + delay;
      if (result.status === 429) state.pausedUntil = Math.max(state.pausedUntil, now + delay);
      this.logAttempt(item, result, verdict, { next_attempt_in_ms: delay });
      await this.persist((tx) => tx.addOutbox(item));
      this.enqueue(item);
      return;
    }
    this.logAttempt(item, result, verdict, gaveUp ? { gave_up_after: item.attempts } : {});
    const entry = logEntry(item, result, verdict);
    await this.persist(async (tx) => {
      await tx.deleteOutbox(item.id);
      await appendDeliveryLog(tx, item.decisionId, entry);
    });
    this.pendingItems.delete(item.id);
  }

  private async persist(work: Parameters<typeof inTransaction>[1]): Promise<void> {
    try {
      await inTransaction(this.options.store, work);
    } catch (error) {
      this.options.log.error({ step: 'delivery', err: error }, 'could not record a delivery attempt; it will be retried after a restart');
    }
  }

  private logAttempt(item: OutboxItem, result: AttemptResult, verdict: string, extra: Record<string, unknown>): void {
    const fields = {
      step: 'delivery',
      delivery: item.id,
      decision: item.decisionId,
      target: (item.target as Target).name,
      attempt: item.attempts,
      result: verdict,
      status: result.status,
      record_id: result.recordId,
      response: result.body.slice(0, 256),
      error: result.error,
      duration_ms: Math.round(result.durationMs),
      ...extra,
    };
    if (verdict === 'failed') this.options.log.warn(fields, `delivery to ${fields.target} failed`);
    else this.options.log.info(fields, `delivery to ${fields.target} ${verdict === 'delivered' ? 'delivered' : 'will be retried'}`);
  }
}

function logEntry(item: OutboxItem, result: AttemptResult, verdict: 'delivered' | 'failed' | 'retry'): DeliveryLogEntry {
  const target = item.target as Target;
  const entry: DeliveryLogEntry = {
    id: item.id,
    target: target.name,
    url: target.url,
    result: verdict === 'delivered' ? 'delivered' : 'failed',
    attempts: item.attempts ?? 0,
    status: result.status,
    record_id: result.recordId,
    response: result.body,
    error: result.error,
    at: new Date(item.lastResponse?.at ?? Date.now()).toISOString(),
  };
  return entry;
}
