// Builders for the state-store tests: a decision, timer, queue item or outbox item
// with sensible defaults, overridable field by field.
import type { OutboxItem, QueueItem, Timer } from '../../runtime/state/store';
import type { Decision } from '../../runtime/types';

/** A decision `id` for event `e-<id>` on lead `r-<id>`, assigned to `u1`. */
export function decision(id: string, fields: Partial<Decision> = {}): Decision {
  const base: Decision = {
    id,
    eventId: `e-${id}`,
    eventType: 'lead.created',
    entity: 'lead',
    recordId: `r-${id}`,
    decidedAt: 1_000,
    outcome: 'assigned',
    ruleId: 'r1',
    rule: 'Rule one',
    assigned: ['u1'],
    reason: null,
    queue: null,
    cause: 'event',
    trace: { match: { via: 'reassign' }, filters: [], outcome: { outcome: 'assigned', assigned: ['u1'], reason: null, queue: null } },
  };
  return { ...base, ...fields };
}

/** A re-assignment timer `id` due at `dueAt`. */
export function timer(id: string, dueAt: number): Timer {
  return {
    id,
    dueAt,
    kind: 'reassign',
    entity: 'lead',
    recordId: `r-${id}`,
    ruleId: 'r1',
    queue: null,
    eventId: `e-${id}`,
    eventType: 'lead.created',
    generation: 1,
  };
}

/** Record `recordId` waiting in `queue`. */
export function queueItem(queue: string, recordId: string, enqueuedAt = 1_000): QueueItem {
  return {
    queue,
    entity: 'lead',
    recordId,
    eventId: `e-${recordId}`,
    eventType: 'lead.created',
    decisionId: `d-${recordId}`,
    enqueuedAt,
    reason: 'no eligible user',
    retryUntil: null,
  };
}

/** Outbox item `id`. */
export function outboxItem(id: string, createdAt = 1_000): OutboxItem {
  return { id, decisionId: `d-${id}`, createdAt };
}
