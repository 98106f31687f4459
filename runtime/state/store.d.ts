import type { Decision, Outcome } from '../types';
/** A JSON value as stored. */
export type Json = null | boolean | number | string | Json[] | {
    [key: string]: Json;
};
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
    /** The decision that put it there. */
    decisionId: string;
    enqueuedAt: number;
    reason: string;
    /** End of the retry window (epoch ms); null: no automatic retries. */
    retryUntil: number | null;
}
/** An outbound delivery to make after commit (CRM push, callback, notification). */
export interface OutboxItem {
    id: string;
    decisionId: string;
    createdAt: number;
    /** Server deliveries (server/outbox): where to send it; re-adding an item with the same id updates it. */
    target?: {
        name: string;
        url: string;
        method: string;
        headers: Record<string, string>;
        recordIdPath: string | null;
    };
    /** The JSON body to send. */
    payload?: Json;
    /** Attempts made so far. */
    attempts?: number;
    /** Epoch ms of the next attempt. */
    nextAttemptAt?: number;
    /** The target's last answer (`status` null: no answer, see `error`). */
    lastResponse?: {
        status: number | null;
        body: string;
        error: string | null;
        at: number;
    } | null;
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
    /** Puts a record in a queue (replacing its earlier item in that queue). */
    enqueue(item: QueueItem): Promise<void>;
    /** Takes a record out of a queue; false when it was not there. */
    dequeue(queue: string, recordId: string): Promise<boolean>;
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
export declare function inTransaction<T>(store: StateStore, work: (tx: Transaction) => Promise<T>): Promise<T>;
