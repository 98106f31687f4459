import type { RetryWindow } from '../compiler/ir';
import type { ProgramIndex } from './program-index';
import type { RecordState } from './record-state';
import type { Timer, Transaction } from './state/store';
/** Context of an effect. */
export interface EffectEnv {
    program: ProgramIndex;
    now: number;
}
/** The next value of a named counter, formatted `<prefix>-000001`. */
export declare function nextId(tx: Transaction, name: string, prefix: string): Promise<string>;
/**
 * Hands the record to `users`. With `counts` (every engine assignment, and manual
 * ones reported as counting) their last_assigned_at, open_load and quotas move;
 * without (cherry-picked) only the ownership does. Previous owners whose load
 * counted the record lose it. Takes the record out of any queue.
 */
export declare function assignRecord(env: EffectEnv, tx: Transaction, record: RecordState, users: readonly string[], counts: boolean): Promise<void>;
/** What putting a record in a queue needs to know. */
export interface QueuePlacement {
    queue: string;
    retry: RetryWindow | null;
    reason: string;
    decisionId: string;
    eventId: string;
}
/**
 * Puts the record in a queue (moving it from another queue). A record already
 * waiting in the same queue keeps its retry window; a retry timer is scheduled
 * while the next retry still falls inside the window. Owners are unchanged: the
 * record keeps its owner, if it had one, while it waits.
 */
export declare function enqueueRecord(env: EffectEnv, tx: Transaction, record: RecordState, placement: QueuePlacement): Promise<void>;
/** Schedules a timer for the record's current generation. */
export declare function scheduleTimer(tx: Transaction, record: RecordState, timer: Pick<Timer, 'kind' | 'dueAt' | 'ruleId' | 'queue' | 'eventId'>): Promise<void>;
/** Closes the record: its owners' open_load goes down, it leaves its queue, its timers go stale. */
export declare function closeRecordState(tx: Transaction, record: RecordState): Promise<void>;
