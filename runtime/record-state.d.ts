import type { RecordView } from './evaluator/context';
import type { NormalisedEvent } from './records';
import type { Json, Transaction } from './state/store';
export interface RecordState {
    entity: string;
    id: string;
    /** Latest schema fields. */
    fields: Record<string, Json>;
    /** `owner` as last sent by an event (used while the engine has assigned nobody). */
    sentOwner: string | null;
    /** The event that first brought the record, and the last event type and changed fields. */
    firstEventId: string;
    eventType: string;
    changed: string[];
    owners: string[];
    /** Every user who ever had the record. */
    holders: string[];
    /** Users whose engine open_load counts this record. */
    loaded: string[];
    closed: boolean;
    /** Re-assignments made by timers so far. */
    reassignments: number;
    generation: number;
    /** The queue it waits in, and when its retry window ends. */
    queue: string | null;
    retryUntil: number | null;
}
/** Reads a record's state; null when the engine has never seen it. */
export declare function loadRecord(tx: Transaction, entity: string, recordId: string): Promise<RecordState | null>;
/** Writes a record's state. */
export declare function saveRecord(tx: Transaction, state: RecordState): Promise<void>;
/** The state of a record the engine has not seen before. */
export declare function newRecord(entity: string, id: string, eventId: string, eventType: string): RecordState;
/** The state after an event: a new record, or the known one with the event's fields merged in (null clears). */
export declare function mergeEvent(previous: RecordState | null, event: NormalisedEvent): RecordState;
/** The record as rules read it: `owner` is the engine's owner, else the one the events sent. */
export declare function recordView(state: RecordState): RecordView;
