// The transactional state interface (DESIGN.md principle 10, in the style of
// OPA's storage): the engine reads and writes state only through a Transaction,
// so the memory, SQLite and PostgreSQL stores behave the same.
//
// Contract
// - `begin()` opens a transaction; the engine ends every one with exactly one of
//   `commit()` or `abort()`. A decision (and everything it changes: rotation
//   state, counters, record state, timers, queue items, the decision log, the
//   outbox) is one transaction: after `abort()`, or a crash before `commit()`,
//   none of it is visible.
// - Reads see the transaction's own writes. Values are JSON; `put` stores a copy
//   (callers may mutate what they passed afterwards), `get` returns a value the
//   caller may mutate without affecting the store.
// - Isolation: a store must make concurrent transactions serialisable for the keys
//   they lock. Stores used by one process (memory, SQLite) may simply run one
//   transaction at a time, with `lock` a no-op. A store shared by several
//   processes (PostgreSQL) implements `lock` with exclusive row or advisory locks
//   held until commit/abort. The engine locks before it reads what it will
//   write, always in this class order, each call's keys sorted by the store:
//     1. `event/<eventId>` and `record/<entity>/<id>`  (at the start)
//     2. `rule/<ruleId>`                               (before rotation state)
//     3. `user/<id>` for every pool user               (before counters are read)
//   so two transactions never wait on each other in a cycle. A store may map many
//   keys onto fewer locks (striping) as long as the order is kept.
// - Keys (namespaced strings; stores keep them opaque): `rr/<ruleId>/<level>`
//   rotation queues, `cursor/<ruleId>` weighted cycle cursors, `seed/<ruleId>`
//   random generator state, `user/<id>/last_assigned_at`, `user/<id>/open_load`,
//   `quota/<userId>/<period>/<windowKey>`, `record/<entity>/<id>` (owners, every
//   user who ever had it, latest fields), `seq/<name>` counters for ids.
// - Typed operations cover what a key-value map cannot serve efficiently: the
//   decision log with its event-id index (idempotency), timers by due time, queue
//   items, and the outbound delivery outbox.
import type { Decision, Outcome } from '../types';

/** A JSON value as stored. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A timer kept in state (re-assignment or queue retry); survives restarts. */
export interface Timer {
  /** Deterministic (`t-000001`), unique in the store. */
  id: string;
  /** Epoch ms when it comes due. */
  dueAt: number;
  kind: 'reassign' | 'retry';
  entity: string;
  recordId: string;
  /** The rule that assigned the record (reassign); null for retries. */
  ruleId: string | null;
  /** The queue the record waits in (retry); null for reassign. */
  queue: string | null;
  /** The event that first brought the record, and its type (used to re-select rules). */
  eventId: string;
  eventType: string;
  /** The record's assignment generation when scheduled: a later assignment makes the timer stale. */
  generation: number;
}

/** A record waiting in a queue (fallback queue or the unmatched queue). */
export interface QueueItem {
  queue: string;
  entity: string;
  recordId: string;
  eventId: string;
  eventType: string;
  /** The decision that put it there; null for a payload kept by `on invalid queue`. */
  decisionId: string | null;
  enqueuedAt: number;
  reason: string;
  /** End of the retry window (epoch ms); null: no automatic retries. */
  retryUntil: number | null;
  /** A raw payload that failed its `map` block (`on invalid queue "q"`), kept with its issues. */
  invalid?: KeptPayload;
}

/** A payload that failed its map block, as kept in the map's `on invalid` queue. */
export interface KeptPayload {
  source: string;
  payload: Json;
  /** Each names the field at fault (`path`) and says what is wrong. */
  issues: { path: string; message: string }[];
}

/** An outbound delivery to make after commit (CRM push, callback, notification). */
export interface OutboxItem {
  id: string;
  decisionId: string;
  createdAt: number;
  /** Server deliveries (server/outbox): where to send it; re-adding an item with the same id updates it. */
  target?: { name: string; url: string; method: string; headers: Record<string, string>; recordIdPath: string | null };
  /** The JSON body to send. */
  payload?: Json;
  /** Attempts made so far. */
  attempts?: number;
  /** Epoch ms of the next attempt. */
  nextAttemptAt?: number;
  /** The target's last answer (`status` null: no answer, see `error`). */
  lastResponse?: { status: number | null; body: string; error: string | null; at: number } | null;
}

/** Filters of the decision log; every given field must match. */
export interface DecisionFilter {
  entity?: string;
  recordId?: string;
  ruleId?: string;
  /** Decisions that assigned this user. */
  user?: string;
  outcome?: Outcome;
  /** Inclusive lower bound on `decidedAt`. */
  fromMs?: number;
  /** Exclusive upper bound on `decidedAt`. */
  toMs?: number;
  /** Page size (newest first); default 100. */
  limit?: number;
  /** Paging cursor: only decisions logged before this decision id. */
  before?: string;
}

/** One unit of work against the state (see the contract above). */
export interface Transaction {
  /** Takes exclusive locks on `keys` until commit/abort (no-op for single-process stores). */
  lock(keys: readonly string[]): Promise<void>;
  get(key: string): Promise<Json | undefined>;
  /** Reads many keys at once, in order (one round trip for SQL stores). */
  getMany(keys: readonly string[]): Promise<(Json | undefined)[]>;
  put(key: string, value: Json): Promise<void>;
  delete(key: string): Promise<void>;

  appendDecision(decision: Decision): Promise<void>;
  /** The first decision logged for an event id (idempotency), or null. */
  decisionForEvent(eventId: string): Promise<Decision | null>;
  getDecision(id: string): Promise<Decision | null>;
  /** The log, newest first. */
  listDecisions(filter: DecisionFilter): Promise<Decision[]>;

  scheduleTimer(timer: Timer): Promise<void>;
  /** Timers with `dueAt <= nowMs`, by due time then id. */
  dueTimers(nowMs: number): Promise<Timer[]>;
  nextTimerAt(): Promise<number | null>;
  deleteTimer(id: string): Promise<void>;

  /** Puts a record in a queue (replacing its earlier item in that queue); a record is its entity and id. */
  enqueue(item: QueueItem): Promise<void>;
  /** Takes a record out of a queue; false when it was not there. */
  dequeue(queue: string, entity: string, recordId: string): Promise<boolean>;
  /** A queue's items, oldest first. */
  listQueue(queue: string): Promise<QueueItem[]>;

  addOutbox(item: OutboxItem): Promise<void>;
  listOutbox(limit: number): Promise<OutboxItem[]>;
  deleteOutbox(id: string): Promise<void>;

  commit(): Promise<void>;
  abort(): Promise<void>;
}

/** A state store: memory, SQLite or PostgreSQL. */
export interface StateStore {
  begin(): Promise<Transaction>;
  /** Releases connections and files. */
  close(): Promise<void>;
}

/** Runs `work` in a transaction: commits when it returns, aborts when it throws. */
export async function inTransaction<T>(store: StateStore, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const tx = await store.begin();
  let result: T;
  try {
    result = await work(tx);
  } catch (error) {
    await tx.abort();
    throw error;
  }
  await tx.commit();
  return result;
}
