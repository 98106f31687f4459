// The transactional state interface (DESIGN.md principle 10, in the style of
// OPA's storage): the engine reads and writes state only through a Transaction,
// so the memory, SQLite and PostgreSQL stores behave the same. It is split into
// the core every store must provide (CoreTransaction: keys, locks, sequences,
// commit and abort) and the typed capabilities a key-value map cannot serve
// efficiently (DecisionLog, TimerStore, QueueStore, OutboxStore), which every
// store implements natively.
//
// Contract
// - `begin()` opens a transaction; the engine ends every one with exactly one of
//   `commit()` or `abort()`. A decision (and everything it changes: rotation
//   state, counters, record state, timers, queue items, the decision log, the
//   outbox) is one transaction: after `abort()`, or a crash before `commit()`,
//   none of it is visible.
// - Reads see the transaction's own writes. Values are JSON; `put` stores a copy
//   (callers may mutate what they passed afterwards), `get` returns a value the
//   caller may mutate without affecting the store. A value made shared
//   (json-copy.ts `shareJson`) is frozen, so nothing can change it: the memory
//   store keeps it and gives it back by reference.
// - Isolation: a store must make concurrent transactions serialisable for the keys
//   they lock. Stores used by one process (memory, SQLite) run one transaction at
//   a time, with `lock` a no-op. A store shared by several processes (PostgreSQL)
//   implements `lock` with exclusive locks held until commit/abort, and reads
//   after a lock see every transaction committed before it was granted. The
//   engine locks before it reads what it will write, in this class order, each
//   call's keys sorted by the store; a call takes new locks only of classes
//   after every class an earlier call took (locks already held may be repeated):
//     1. `event/<eventId>`              the event being decided
//     2. `record/<entity>/<id>`         the record (its kv state, queue items, timers)
//     3. `rule/<ruleId>`                rotation state: `rr/<rule>/…`, `cursor/<rule>`, `seed/<rule>`
//     4. `user/<id>`, one call          `user/<id>/…` and `quota/<id>/…` of every user
//                                       the decision may change (pool, previous owners,
//                                       fallback user)
//   so two transactions never wait on each other in a cycle. Locking a key already
//   held is a no-op. `directory` (the API's directory overlay) is locked alone.
// - `nextSequence(name)` hands out the next number of a named counter (ids of
//   decisions, timers and outbox items; the assignment order): unique and
//   increasing for the store, with no lock to take (PostgreSQL uses a sequence, so
//   numbers of aborted transactions are skipped; single-process stores count
//   without gaps, under their one-at-a-time rule).
// - Keys (namespaced strings; stores keep them opaque): `rr/<ruleId>/<level>`
//   rotation queues, `cursor/<ruleId>` weighted cycle cursors, `seed/<ruleId>`
//   random generator state, `user/<id>/last_assigned_at`, `user/<id>/open_load`,
//   `quota/<userId>/<period>/<windowKey>`, `record/<entity>/<id>` (owners, every
//   user who ever had it, latest fields); the server adds `idem/<key>` and
//   `directory/…`.
import type { Decision, Outcome } from '../types';
import type { RollupReader } from './rollups';

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
  /** Decisions of rules scoped to this team when they decided (`Decision.team`). */
  team?: string;
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

/** What every store must do: keys, locks, sequences, and ending the transaction. */
export interface CoreTransaction {
  /**
   * Takes exclusive locks on `keys` until commit/abort, in the contract's order
   * (no-op for single-process stores). A store may send them with the next read
   * or the commit: they are held before anything the transaction reads next.
   */
  lock(keys: readonly string[]): Promise<void>;
  get(key: string): Promise<Json | undefined>;
  /** Reads many keys at once, in order (one round trip for SQL stores). */
  getMany(keys: readonly string[]): Promise<(Json | undefined)[]>;
  put(key: string, value: Json): Promise<void>;
  delete(key: string): Promise<void>;
  /** The next number (from 1) of the counter `name`: unique and increasing, without a lock. */
  nextSequence(name: string): Promise<number>;
  /** Tells the other processes sharing the store, once this commits, that `topic` changed (no-op for single-process stores). */
  publish(topic: string): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/** The decision log: append, look up, and query (the API's export pages through `listDecisions`). */
export interface DecisionLog {
  appendDecision(decision: Decision): Promise<void>;
  /** The first decision logged for an event id (idempotency), or null. */
  decisionForEvent(eventId: string): Promise<Decision | null>;
  getDecision(id: string): Promise<Decision | null>;
  /** The log, newest first. */
  listDecisions(filter: DecisionFilter): Promise<Decision[]>;
}

/** Timers by due time. */
export interface TimerStore {
  scheduleTimer(timer: Timer): Promise<void>;
  /** Timers with `dueAt <= nowMs`, by due time then id. */
  dueTimers(nowMs: number): Promise<Timer[]>;
  /**
   * Takes the first due timer out of the store for this transaction to run, or
   * null: across processes sharing the store each timer is claimed by exactly one
   * transaction (others skip it while it is held; it is gone once that commits).
   */
  claimDue(nowMs: number): Promise<Timer | null>;
  nextTimerAt(): Promise<number | null>;
  deleteTimer(id: string): Promise<void>;
}

/** Queue items, per queue in enqueue order. */
export interface QueueStore {
  /** Puts a record in a queue (replacing its earlier item in that queue); a record is its entity and id. */
  enqueue(item: QueueItem): Promise<void>;
  /** Takes a record out of a queue; false when it was not there. */
  dequeue(queue: string, entity: string, recordId: string): Promise<boolean>;
  /** A queue's items, oldest first. */
  listQueue(queue: string): Promise<QueueItem[]>;
}

/** The outbound delivery outbox. */
export interface OutboxStore {
  addOutbox(item: OutboxItem): Promise<void>;
  /** Items in insertion order (all of them, whoever delivers them). */
  listOutbox(limit: number): Promise<OutboxItem[]>;
  /**
   * Items no process is delivering, in insertion order, claimed for `leaseMs`
   * from `nowMs` (re-adding an item renews its claim): across processes, an item
   * is claimed by one at a time, and by another only once the claim has lapsed.
   */
  claimOutbox(limit: number, nowMs: number, leaseMs: number): Promise<OutboxItem[]>;
  deleteOutbox(id: string): Promise<void>;
}

/** One unit of work against the state (see the contract above). */
export interface Transaction extends CoreTransaction, DecisionLog, TimerStore, QueueStore, OutboxStore {
  /**
   * The per-hour rollups of the decision log (rollups.ts), written with each
   * decision in its transaction; reads see what is committed. Absent on views
   * that keep none (the statistics then scan the log).
   */
  readonly rollups?: RollupReader;
}

/** A state store: memory, SQLite or PostgreSQL. */
export interface StateStore {
  begin(): Promise<Transaction>;
  /** Releases connections and files. */
  close(): Promise<void>;
  /** True when other processes may use the same state at once (PostgreSQL). */
  readonly shared?: boolean;
  /**
   * Calls `listener` whenever another process commits a change under `topic`
   * (`Transaction.publish`); resolves to an unsubscribe function. Only shared stores have it.
   */
  subscribe?(topic: string, listener: () => void): Promise<() => Promise<void>>;
  /**
   * Offered by a store that this process alone writes (the memory store, the
   * worker-backed SQLite store): calls `listener` synchronously at every commit
   * with the keys it wrote or deleted, and whenever writes already reported are
   * dropped (a failed group commit) with their keys, so that what the engine
   * keeps between decisions (runtime/eligibility-memo.ts) learns of every change.
   * Returns the function that stops the calls.
   */
  onCommit?(listener: (keys: Iterable<string>) => void): () => void;
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
