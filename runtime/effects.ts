// What a decision (or an API call) changes besides method state: a record
// changing hands (last_assigned_at, open_load moving from the old owners to the
// new, quota counters, owners and holders), a record entering a queue (with its
// retry window and retry timer), a record being closed, and timers. All of it
// goes through the caller's transaction.
import type { RetryWindow } from '../compiler/ir';
import type { ProgramIndex } from './program-index';
import { countAssignment } from './quotas';
import type { RecordState } from './record-state';
import { keys } from './state-keys';
import type { Timer, Transaction } from './state/store';
import { addTo } from './user-state';

/** Context of an effect. */
export interface EffectEnv {
  program: ProgramIndex;
  now: number;
}

/** The next value of a named counter, formatted `<prefix>-000001`. */
export async function nextId(tx: Transaction, name: string, prefix: string): Promise<string> {
  const n = await tx.nextSequence(name);
  return `${prefix}-${String(n).padStart(6, '0')}`;
}

/**
 * Hands the record to `users`. With `counts` (every engine assignment, and manual
 * ones reported as counting) their last_assigned_at, open_load and quotas move;
 * without (cherry-picked) only the ownership does. Previous owners whose load
 * counted the record lose it. Takes the record out of any queue.
 */
export async function assignRecord(env: EffectEnv, tx: Transaction, record: RecordState, users: readonly string[], counts: boolean): Promise<void> {
  const loaded = counts ? [...users] : [];
  for (const user of record.loaded) if (!loaded.includes(user)) await addTo(tx, keys.openLoad(user), -1);
  for (const user of loaded) if (!record.loaded.includes(user)) await addTo(tx, keys.openLoad(user), 1);
  if (counts) {
    const seq = await tx.nextSequence('assignment');
    for (const user of users) {
      await tx.put(keys.lastAssignedAt(user), env.now);
      await tx.put(keys.lastAssignedSeq(user), seq);
      if (!record.owners.includes(user)) await countAssignment(tx, env.program, user, env.now);
    }
  }
  if (record.queue !== null) await tx.dequeue(record.queue, record.entity, record.id);
  record.owners = [...users];
  record.loaded = loaded;
  for (const user of users) if (!record.holders.includes(user)) record.holders.push(user);
  record.closed = false;
  record.queue = null;
  record.retryUntil = null;
  record.generation++;
}

/** What putting a record in a queue needs to know. */
export interface QueuePlacement {
  queue: string;
  retry: RetryWindow | null;
  reason: string;
  decisionId: string;
  eventId: string;
}

/**
 * Puts the record in a queue (moving it from another queue). A record that had
 * a retry window in this queue since its last event keeps it (a record still
 * waiting there, or one back after a retry assigned it and a re-assignment gave
 * it up); a new event opens a new window. A retry timer is scheduled while the next retry still falls inside the
 * window. Owners are unchanged: the record keeps its owner, if it had one, while
 * it waits.
 */
export async function enqueueRecord(env: EffectEnv, tx: Transaction, record: RecordState, placement: QueuePlacement): Promise<void> {
  const { queue, retry } = placement;
  const sameQueue = record.queue === queue;
  if (record.queue !== null && !sameQueue) await tx.dequeue(record.queue, record.entity, record.id);
  const retryUntil = retry ? retryWindowEnd(record, queue, env.now + retry.forMs) : null;
  await tx.enqueue({
    queue,
    entity: record.entity,
    recordId: record.id,
    eventId: placement.eventId,
    eventType: record.eventType,
    decisionId: placement.decisionId,
    enqueuedAt: env.now,
    reason: placement.reason,
    retryUntil,
  });
  record.queue = queue;
  record.retryUntil = retryUntil;
  record.generation++;
  if (retry && retryUntil !== null && env.now + retry.everyMs <= retryUntil) {
    await scheduleTimer(tx, record, { kind: 'retry', dueAt: env.now + retry.everyMs, ruleId: null, queue, eventId: placement.eventId });
  }
}

/** The end of the record's retry window in `queue`: the one opened since its last event, else a new one ending at `fresh`. */
function retryWindowEnd(record: RecordState, queue: string, fresh: number): number {
  const windows = (record.retryWindows ??= []);
  const earlier = windows.find((w) => w.queue === queue);
  if (earlier) return earlier.until;
  windows.push({ queue, until: fresh });
  return fresh;
}

/** Schedules a timer for the record's current generation. */
export async function scheduleTimer(
  tx: Transaction,
  record: RecordState,
  timer: Pick<Timer, 'kind' | 'dueAt' | 'ruleId' | 'queue' | 'eventId'>,
): Promise<void> {
  await tx.scheduleTimer({
    ...timer,
    id: await nextId(tx, 'timer', 't'),
    entity: record.entity,
    recordId: record.id,
    eventType: record.eventType,
    generation: record.generation,
  });
}

/** Closes the record: its owners' open_load goes down, it leaves its queue, its timers go stale. */
export async function closeRecordState(tx: Transaction, record: RecordState): Promise<void> {
  for (const user of record.loaded) await addTo(tx, keys.openLoad(user), -1);
  if (record.queue !== null) await tx.dequeue(record.queue, record.entity, record.id);
  record.loaded = [];
  record.closed = true;
  record.queue = null;
  record.retryUntil = null;
  record.generation++;
}
