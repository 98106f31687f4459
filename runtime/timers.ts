// What a due timer does (RUNTIME.md "Re-assignment", LANGUAGE.md "Queues and
// windows"). A timer is stale — and does nothing — when its record changed hands,
// queue or was closed since it was scheduled (the record's generation moved on).
// - reassign: if the rule's `reassign … when C` holds on the record's latest
//   state, distribute again under the same rule excluding everyone who already
//   had the record; after `max` re-assignments, the fallback runs.
// - retry: send the queued record through the rules again.
import { alsoChanged, distribute } from './distribute';
import { finish, fallback, resolve, route, type DecisionCause, type EngineEnv } from './decide';
import type { EvalContext } from './evaluator/context';
import { loadRecord, recordView, type RecordState } from './record-state';
import { locks } from './state-keys';
import type { Timer, Transaction } from './state/store';
import type { Decision } from './types';

/** Runs one due timer (already deleted by the caller); null when it had nothing to do. */
export async function runTimer(env: EngineEnv, tx: Transaction, timer: Timer): Promise<Decision | null> {
  await tx.lock([locks.record(timer.entity, timer.recordId)]);
  const record = await loadRecord(tx, timer.entity, timer.recordId);
  if (!record || record.closed || record.generation !== timer.generation) return null;
  if (timer.kind === 'retry') {
    if (record.queue !== timer.queue) return null;
    return route(env, tx, record, { eventId: timer.eventId, eventType: record.eventType, changed: record.changed, cause: 'retry' });
  }
  return reassign(env, tx, record, timer);
}

async function reassign(env: EngineEnv, tx: Transaction, record: RecordState, timer: Timer): Promise<Decision | null> {
  const compiled = timer.ruleId === null ? undefined : env.program.byId.get(timer.ruleId);
  const rule = compiled?.rule;
  if (!compiled || !rule || rule.status !== 'active' || !rule.reassign) return null;
  const view = recordView(record);
  const ctx: EvalContext = { entity: record.entity, record: view, user: null, payload: null, now: env.now };
  if (compiled.reassignWhen && !compiled.reassignWhen(ctx)) return null;
  const cause: DecisionCause = { eventId: timer.eventId, eventType: record.eventType, changed: record.changed, cause: 'reassign' };
  const match = { via: 'reassign' } as const;
  const max = rule.reassign.max;
  if (record.reassignments >= max) {
    const reason = `reassigned ${max} ${max === 1 ? 'time' : 'times'}; max reached`;
    return finish(env, tx, record, cause, { rule, match }, fallback(env.program, rule, reason));
  }
  const distribution = await distribute(env, tx, compiled, view, new Set(record.holders), alsoChanged(record, rule));
  if (distribution.assigned.length > 0) record.reassignments++;
  return finish(env, tx, record, cause, { rule, match, distribution }, resolve(env.program, rule, distribution));
}
