// A state store decorator that lets the server add its own writes to each
// decision's transaction: when the engine appends a decision to the log, `hook`
// runs right after, in the same transaction, so whatever it writes (outbox items,
// the Idempotency-Key record) commits with the decision or not at all. The engine
// stays unaware of the server; every other call passes straight through.
import type { DecisionFilter, Json, OutboxItem, QueueItem, Timer } from '../runtime/state/store';
import { type Decision, type StateStore, type Transaction } from '../api';

/** Runs inside a decision's transaction, after the decision is appended. */
export type DecisionHook = (tx: Transaction, decision: Decision) => Promise<void>;

/** `store`, with `hook` called on every appended decision. */
export function withDecisionHook(store: StateStore, hook: DecisionHook): StateStore {
  return {
    begin: async () => new HookedTransaction(await store.begin(), hook),
    close: () => store.close(),
  };
}

class HookedTransaction implements Transaction {
  constructor(
    private readonly inner: Transaction,
    private readonly hook: DecisionHook,
  ) {}

  async appendDecision(decision: Decision): Promise<void> {
    await this.inner.appendDecision(decision);
    await this.hook(this, decision);
  }

  lock(keys: readonly string[]): Promise<void> {
    return this.inner.lock(keys);
  }
  get(key: string): Promise<Json | undefined> {
    return this.inner.get(key);
  }
  getMany(keys: readonly string[]): Promise<(Json | undefined)[]> {
    return this.inner.getMany(keys);
  }
  put(key: string, value: Json): Promise<void> {
    return this.inner.put(key, value);
  }
  delete(key: string): Promise<void> {
    return this.inner.delete(key);
  }
  decisionForEvent(eventId: string): Promise<Decision | null> {
    return this.inner.decisionForEvent(eventId);
  }
  getDecision(id: string): Promise<Decision | null> {
    return this.inner.getDecision(id);
  }
  listDecisions(filter: DecisionFilter): Promise<Decision[]> {
    return this.inner.listDecisions(filter);
  }
  scheduleTimer(timer: Timer): Promise<void> {
    return this.inner.scheduleTimer(timer);
  }
  dueTimers(nowMs: number): Promise<Timer[]> {
    return this.inner.dueTimers(nowMs);
  }
  nextTimerAt(): Promise<number | null> {
    return this.inner.nextTimerAt();
  }
  deleteTimer(id: string): Promise<void> {
    return this.inner.deleteTimer(id);
  }
  enqueue(item: QueueItem): Promise<void> {
    return this.inner.enqueue(item);
  }
  dequeue(queue: string, recordId: string): Promise<boolean> {
    return this.inner.dequeue(queue, recordId);
  }
  listQueue(queue: string): Promise<QueueItem[]> {
    return this.inner.listQueue(queue);
  }
  addOutbox(item: OutboxItem): Promise<void> {
    return this.inner.addOutbox(item);
  }
  listOutbox(limit: number): Promise<OutboxItem[]> {
    return this.inner.listOutbox(limit);
  }
  deleteOutbox(id: string): Promise<void> {
    return this.inner.deleteOutbox(id);
  }
  commit(): Promise<void> {
    return this.inner.commit();
  }
  abort(): Promise<void> {
    return this.inner.abort();
  }
}
