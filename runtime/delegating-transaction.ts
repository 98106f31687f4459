// A transaction that passes every call to another one: the base of the store
// decorators that change a few calls and keep the rest (provenance recording,
// the shadow's copy-on-write overlay).
import type { Decision } from './types';
import type { DecisionFilter, Json, OutboxItem, QueueItem, Timer, Transaction } from './state/store';

/** Forwards every call to `inner`; subclasses override what they change. */
export class DelegatingTransaction implements Transaction {
  constructor(protected readonly inner: Transaction) {}

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
  nextSequence(name: string): Promise<number> {
    return this.inner.nextSequence(name);
  }
  publish(topic: string): Promise<void> {
    return this.inner.publish(topic);
  }
  commit(): Promise<void> {
    return this.inner.commit();
  }
  abort(): Promise<void> {
    return this.inner.abort();
  }
  appendDecision(decision: Decision): Promise<void> {
    return this.inner.appendDecision(decision);
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
  claimDue(nowMs: number): Promise<Timer | null> {
    return this.inner.claimDue(nowMs);
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
  dequeue(queue: string, entity: string, recordId: string): Promise<boolean> {
    return this.inner.dequeue(queue, entity, recordId);
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
  claimOutbox(limit: number, nowMs: number, leaseMs: number): Promise<OutboxItem[]> {
    return this.inner.claimOutbox(limit, nowMs, leaseMs);
  }
  deleteOutbox(id: string): Promise<void> {
    return this.inner.deleteOutbox(id);
  }
}
