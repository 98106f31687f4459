// The in-memory state store, for tests and `dist test`. Transactions run one at a
// time (begin waits for the previous one to end), so concurrent decisions never
// interleave; each buffers its writes and applies them on commit, so abort
// discards everything. Values are copied in and out, so nobody can change the
// store behind a transaction's back, and copied as a JSON round trip would
// (json-copy.ts), so they read back as the SQL stores' do. One process only:
// claims (timers, the outbox) are plain reads, since nobody else could hold them.
import type { Decision } from '../types';
import { MemoryRollups } from './memory-rollups';
import { CommitFeed, type CommitListener } from './commit-feed';
import { jsonCopy } from './json-copy';
import { factsOf, type DecisionFacts, type RollupReader } from './rollups';
import { sequenceKey } from './sequence-key';
import type { DecisionFilter, Json, OutboxItem, QueueItem, StateStore, Timer, Transaction } from './store';

/** A logged decision: the store's own copy, which nothing outside it ever sees, and its facts. */
interface StoredDecision {
  decision: Decision;
  facts: DecisionFacts;
}

interface Data {
  kv: Map<string, Json>;
  decisions: StoredDecision[];
  decisionIndex: Map<string, number>;
  eventIndex: Map<string, number>;
  timers: Map<string, Timer>;
  /** Queue name → record (entity and id) → item (insertion order = enqueue order). */
  queues: Map<string, Map<string, QueueItem>>;
  outbox: Map<string, OutboxItem>;
  rollups: MemoryRollups;
}

const DELETED = Symbol('deleted');

interface QueueOp {
  op: 'put' | 'delete';
  queue: string;
  /** The record's queue key (queueKey). */
  record: string;
  item?: QueueItem;
}

/** The memory store; `snapshot()` exposes the committed state for tests. */
export class MemoryStore implements StateStore {
  private readonly data: Data = {
    kv: new Map(),
    decisions: [],
    decisionIndex: new Map(),
    eventIndex: new Map(),
    timers: new Map(),
    queues: new Map(),
    outbox: new Map(),
    rollups: new MemoryRollups(),
  };
  private tail: Promise<void> = Promise.resolve();
  private readonly feed = new CommitFeed();

  async begin(): Promise<Transaction> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    return new MemoryTransaction(this.data, release, this.feed);
  }

  onCommit(listener: CommitListener): () => void {
    return this.feed.listen(listener);
  }

  async close(): Promise<void> {}

  /** A deep copy of everything committed (for before/after comparisons in tests). */
  snapshot(): unknown {
    const d = this.data;
    return jsonCopy({
      kv: Object.fromEntries([...d.kv].sort(([a], [b]) => (a < b ? -1 : 1))),
      decisions: d.decisions.map((s) => s.decision),
      timers: [...d.timers.values()],
      queues: Object.fromEntries([...d.queues].map(([q, items]) => [q, [...items.values()]])),
      outbox: [...d.outbox.values()],
    });
  }
}

class MemoryTransaction implements Transaction {
  private readonly writes = new Map<string, Json | typeof DELETED>();
  private readonly decisions: StoredDecision[] = [];
  private readonly timers = new Map<string, Timer | typeof DELETED>();
  private readonly queueOps: QueueOp[] = [];
  private readonly outbox = new Map<string, OutboxItem | typeof DELETED>();
  private done = false;

  constructor(
    private readonly data: Data,
    private readonly release: () => void,
    private readonly feed: CommitFeed,
  ) {}

  get rollups(): RollupReader {
    this.check();
    return this.data.rollups.reader();
  }

  async lock(): Promise<void> {}

  async nextSequence(name: string): Promise<number> {
    const key = sequenceKey(name);
    const current = await this.get(key);
    const next = (typeof current === 'number' ? current : 0) + 1;
    await this.put(key, next);
    return next;
  }

  async publish(): Promise<void> {
    this.check();
  }

  async get(key: string): Promise<Json | undefined> {
    this.check();
    return this.read(key);
  }

  async getMany(keys: readonly string[]): Promise<(Json | undefined)[]> {
    this.check();
    const out: (Json | undefined)[] = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) out[i] = this.read(keys[i] as string);
    return out;
  }

  private read(key: string): Json | undefined {
    const pending = this.writes.get(key);
    if (pending === DELETED) return undefined;
    const value = pending !== undefined ? pending : this.data.kv.get(key);
    return value === undefined ? undefined : jsonCopy(value);
  }

  async put(key: string, value: Json): Promise<void> {
    this.check();
    this.writes.set(key, jsonCopy(value));
  }

  async delete(key: string): Promise<void> {
    this.check();
    this.writes.set(key, DELETED);
  }

  async appendDecision(decision: Decision): Promise<void> {
    this.check();
    const own = jsonCopy(decision);
    this.decisions.push({ decision: own, facts: factsOf(own) });
  }

  async decisionForEvent(eventId: string): Promise<Decision | null> {
    const index = this.data.eventIndex.get(eventId);
    const stored = index !== undefined ? this.data.decisions[index] : this.decisions.find((d) => d.decision.eventId === eventId);
    return stored ? jsonCopy(stored.decision) : null;
  }

  async getDecision(id: string): Promise<Decision | null> {
    const index = this.data.decisionIndex.get(id);
    const stored = index !== undefined ? this.data.decisions[index] : this.decisions.find((d) => d.decision.id === id);
    return stored ? jsonCopy(stored.decision) : null;
  }

  async listDecisions(filter: DecisionFilter): Promise<Decision[]> {
    const all = [...this.data.decisions, ...this.decisions];
    let end = all.length;
    if (filter.before !== undefined) {
      const at = all.findIndex((d) => d.decision.id === filter.before);
      if (at >= 0) end = at;
    }
    const limit = filter.limit ?? 100;
    const out: Decision[] = [];
    for (let i = end - 1; i >= 0 && out.length < limit; i--) {
      const stored = all[i] as StoredDecision;
      if (matches(stored.decision, filter)) out.push(jsonCopy(stored.decision));
    }
    return out;
  }

  async scheduleTimer(timer: Timer): Promise<void> {
    this.check();
    this.timers.set(timer.id, jsonCopy(timer));
  }

  async dueTimers(nowMs: number): Promise<Timer[]> {
    return this.allTimers()
      .filter((t) => t.dueAt <= nowMs)
      .sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map(jsonCopy);
  }

  async claimDue(nowMs: number): Promise<Timer | null> {
    const [first] = await this.dueTimers(nowMs);
    if (first) await this.deleteTimer(first.id);
    return first ?? null;
  }

  async nextTimerAt(): Promise<number | null> {
    const all = this.allTimers();
    return all.length === 0 ? null : Math.min(...all.map((t) => t.dueAt));
  }

  async deleteTimer(id: string): Promise<void> {
    this.check();
    this.timers.set(id, DELETED);
  }

  async enqueue(item: QueueItem): Promise<void> {
    this.check();
    const record = queueKey(item.entity, item.recordId);
    this.queueOps.push({ op: 'delete', queue: item.queue, record });
    this.queueOps.push({ op: 'put', queue: item.queue, record, item: jsonCopy(item) });
  }

  async dequeue(queue: string, entity: string, recordId: string): Promise<boolean> {
    this.check();
    const record = queueKey(entity, recordId);
    const present = this.queueView(queue).has(record);
    if (present) this.queueOps.push({ op: 'delete', queue, record });
    return present;
  }

  async listQueue(queue: string): Promise<QueueItem[]> {
    return [...this.queueView(queue).values()].map(jsonCopy);
  }

  async addOutbox(item: OutboxItem): Promise<void> {
    this.check();
    this.outbox.set(item.id, jsonCopy(item));
  }

  async listOutbox(limit: number): Promise<OutboxItem[]> {
    const view = new Map(this.data.outbox);
    for (const [id, item] of this.outbox) if (item === DELETED) view.delete(id);
    else view.set(id, item);
    return [...view.values()].slice(0, limit).map(jsonCopy);
  }

  async claimOutbox(limit: number): Promise<OutboxItem[]> {
    return this.listOutbox(limit);
  }

  async deleteOutbox(id: string): Promise<void> {
    this.check();
    this.outbox.set(id, DELETED);
  }

  async commit(): Promise<void> {
    this.check();
    const d = this.data;
    for (const [key, value] of this.writes) if (value === DELETED) d.kv.delete(key);
    else d.kv.set(key, value);
    this.feed.report(this.writes.keys());
    for (const stored of this.decisions) {
      const index = d.decisions.push(stored) - 1;
      d.decisionIndex.set(stored.decision.id, index);
      if (!d.eventIndex.has(stored.decision.eventId)) d.eventIndex.set(stored.decision.eventId, index);
      d.rollups.add(stored.facts);
    }
    for (const [id, timer] of this.timers) if (timer === DELETED) d.timers.delete(id);
    else d.timers.set(id, timer);
    applyQueueOps(d.queues, this.queueOps);
    for (const [id, item] of this.outbox) if (item === DELETED) d.outbox.delete(id);
    else d.outbox.set(id, item);
    this.finish();
  }

  async abort(): Promise<void> {
    if (!this.done) this.finish();
  }

  private finish(): void {
    this.done = true;
    this.release();
  }

  private check(): void {
    if (this.done) throw new Error('transaction already ended');
  }

  private allTimers(): Timer[] {
    const view = new Map(this.data.timers);
    for (const [id, timer] of this.timers) if (timer === DELETED) view.delete(id);
    else view.set(id, timer);
    return [...view.values()];
  }

  private queueView(queue: string): Map<string, QueueItem> {
    const view = new Map<string, Map<string, QueueItem>>();
    const committed = this.data.queues.get(queue);
    view.set(queue, new Map(committed ?? []));
    applyQueueOps(view, this.queueOps.filter((op) => op.queue === queue));
    return view.get(queue) as Map<string, QueueItem>;
  }
}

function applyQueueOps(queues: Map<string, Map<string, QueueItem>>, ops: readonly QueueOp[]): void {
  for (const op of ops) {
    let items = queues.get(op.queue);
    if (!items) queues.set(op.queue, (items = new Map()));
    if (op.op === 'delete') items.delete(op.record);
    else if (op.item) items.set(op.record, op.item);
  }
}

/** A queued record's key: entity and id (an entity is a name of the language, which never holds `/`). */
function queueKey(entity: string, recordId: string): string {
  return `${entity}/${recordId}`;
}

function matches(d: Decision, f: DecisionFilter): boolean {
  return (
    (f.entity === undefined || d.entity === f.entity) &&
    (f.recordId === undefined || d.recordId === f.recordId) &&
    (f.ruleId === undefined || d.ruleId === f.ruleId) &&
    (f.team === undefined || d.team === f.team) &&
    (f.user === undefined || d.assigned.includes(f.user)) &&
    (f.outcome === undefined || d.outcome === f.outcome) &&
    (f.fromMs === undefined || d.decidedAt >= f.fromMs) &&
    (f.toMs === undefined || d.decidedAt < f.toMs)
  );
}
