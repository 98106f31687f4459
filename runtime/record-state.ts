// What the engine remembers about each record it has seen (`record/<entity>/<id>`):
// its latest fields (later events merge into them), who owns it, everyone who
// ever had it (re-assignment exclusions), whose open_load it counts in, where it
// waits, the retry windows it has had since its last event (a queue retry,
// re-assignment or a retry's own fallback never opens a fresh window, so the
// decisions one event causes are bounded), and a generation that every change
// of hands or queue bumps, so that timers scheduled before the change know they
// are stale.
import type { Value, RecordView } from './evaluator/context';
import type { NormalisedEvent } from './records';
import { keys } from './state-keys';
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
  /** Every retry window opened since the record's last event, by queue (absent in state written before windows were kept). */
  retryWindows?: RetryWindowEnd[];
}

/** When a record's retry window in one queue ends. */
export interface RetryWindowEnd {
  queue: string;
  until: number;
}

/** Reads a record's state; null when the engine has never seen it. */
export async function loadRecord(tx: Transaction, entity: string, recordId: string): Promise<RecordState | null> {
  const raw = await tx.get(keys.record(entity, recordId));
  return raw === undefined ? null : (raw as unknown as RecordState);
}

/** Writes a record's state. */
export async function saveRecord(tx: Transaction, state: RecordState): Promise<void> {
  await tx.put(keys.record(state.entity, state.id), state as unknown as Json);
}

/** The state of a record the engine has not seen before. */
export function newRecord(entity: string, id: string, eventId: string, eventType: string): RecordState {
  return {
    entity,
    id,
    fields: {},
    sentOwner: null,
    firstEventId: eventId,
    eventType,
    changed: [],
    owners: [],
    holders: [],
    loaded: [],
    closed: false,
    reassignments: 0,
    generation: 0,
    queue: null,
    retryUntil: null,
    retryWindows: [],
  };
}

/** The state after an event: a new record, or the known one with the event's fields merged in (null clears). */
export function mergeEvent(previous: RecordState | null, event: NormalisedEvent): RecordState {
  const state = previous ?? newRecord(event.entity, event.recordId, event.id, event.type);
  const fields = { ...state.fields };
  for (const [name, value] of Object.entries(event.fields)) {
    if (value === null || value === undefined) delete fields[name];
    else fields[name] = value as Json;
  }
  return {
    ...state,
    fields,
    sentOwner: event.owner ?? state.sentOwner,
    eventType: event.type,
    changed: event.changed,
    retryWindows: [],
  };
}

/** The record as rules read it: `owner` is the engine's owner, else the one the events sent. */
export function recordView(state: RecordState): RecordView {
  return { id: state.id, owner: state.owners[0] ?? state.sentOwner ?? undefined, fields: state.fields as Record<string, Value> };
}
