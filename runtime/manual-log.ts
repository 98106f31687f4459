// Manual assignments in the decision log: a record handed to a user by hand
// (`POST /v1/assignments`, a scenario's `manual_assignment` step) is logged as a
// decision with cause `manual`, so the history of a record (`GET
// /v1/decisions?record=`) shows every attempt, by people and by the rules. Its
// trace says whether it counts (`counts: false` for a cherry-picked record:
// no quota, share count or rotation) and who reported it. It has no event
// (its `eventId` is empty, which no event can have), no rule, and is left out
// of the statistics, which count the engine's distributions.
import { nextId } from './effects';
import type { RecordState } from './record-state';
import type { Transaction } from './state/store';
import type { Decision } from './types';

/** A manual assignment as the log records it. */
export interface ManualEntry {
  user: string;
  counts: boolean;
  /** Who reported it, when told. */
  by?: string;
}

/** Appends the decision that records `entry` for `record` (already assigned) at `now`. */
export async function logManualAssignment(tx: Transaction, record: RecordState, entry: ManualEntry, now: number): Promise<Decision> {
  const reason = entry.counts ? 'assigned by hand' : 'assigned by hand, cherry-picked: counts towards no quota, share count or rotation';
  const decision: Decision = {
    id: await nextId(tx, 'decision', 'd'),
    eventId: '',
    eventType: record.eventType,
    entity: record.entity,
    recordId: record.id,
    decidedAt: now,
    outcome: 'assigned',
    ruleId: null,
    rule: null,
    assigned: [entry.user],
    reason,
    queue: null,
    cause: 'manual',
    trace: {
      match: { via: 'manual', counts: entry.counts, ...(entry.by !== undefined ? { by: entry.by } : {}) },
      filters: [],
      outcome: { outcome: 'assigned', assigned: [entry.user], reason, queue: null },
    },
  };
  await tx.appendDecision(decision);
  return decision;
}
