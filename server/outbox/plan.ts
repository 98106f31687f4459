// Which deliveries a decision makes (API.md "Outbound"): every delivery of
// dist.yaml whose triggers and filters match it, plus the callback of a
// `/v1/distribute` request. Items get deterministic ids (`<decision>/<delivery>`),
// so writing them again is harmless, and they are written in the decision's own
// transaction: a decision and its deliveries commit together.
import type { DeliveryConfig, DeliveryTrigger } from '../config';
import { decisionEntry } from '../wire';
import type { Json, OutboxItem } from '../../runtime/state/store';
import { type Decision } from '../../api';

/** Name prefix of callback targets; the rest is the callback URL's origin. */
export const CALLBACK_PREFIX = 'callback:';

/** The triggers a decision fires, in a fixed order. */
export function triggersOf(d: Decision): DeliveryTrigger[] {
  const fired: DeliveryTrigger[] = [];
  if (d.assigned.length > 0) fired.push('assigned');
  if (d.outcome === 'fallback') fired.push('fallback');
  if (d.outcome === 'unmatched') fired.push('unmatched');
  if (d.queue !== null) fired.push('queued');
  fired.push('decided');
  return fired;
}

/** What the plan needs besides the decision. */
export interface PlanInput {
  deliveries: readonly DeliveryConfig[];
  /** The record as the deliveries show it (`id` and fields). */
  record: Record<string, unknown>;
  /** A `/v1/distribute` request's `callback_url`. */
  callbackUrl: string | null;
  /** Its `default_user`: the callback of a decision that assigned nobody names it. */
  defaultUser?: string | null;
  now: number;
}

/** The outbox items for one decision. */
export function planDeliveries(d: Decision, input: PlanInput): OutboxItem[] {
  const fired = triggersOf(d);
  const items: OutboxItem[] = [];
  for (const delivery of input.deliveries) {
    const trigger = delivery.on.find((t) => fired.includes(t));
    if (!trigger) continue;
    if (delivery.rules && (d.rule === null || !delivery.rules.includes(d.rule))) continue;
    if (trigger === 'queued' && delivery.queues && !delivery.queues.includes(d.queue as string)) continue;
    items.push(
      item(d, input, delivery.name, trigger, {
        name: delivery.name,
        url: delivery.url,
        method: delivery.method,
        headers: delivery.headers,
        recordIdPath: delivery.record_id_path ?? null,
      }),
    );
  }
  if (input.callbackUrl !== null) {
    const name = `${CALLBACK_PREFIX}${new URL(input.callbackUrl).origin}`;
    const callback = item(d, input, 'callback', 'decided', { name, url: input.callbackUrl, method: 'POST', headers: {}, recordIdPath: null });
    if (d.assigned.length === 0 && input.defaultUser) callback.payload = { ...(callback.payload as Record<string, Json>), default_user: input.defaultUser };
    items.push(callback);
  }
  return items;
}

function item(d: Decision, input: PlanInput, key: string, trigger: DeliveryTrigger, target: NonNullable<OutboxItem['target']>): OutboxItem {
  const payload = { type: `decision.${d.outcome}`, trigger, delivery: key, decision: decisionEntry(d), record: input.record };
  return {
    id: `${d.id}/${key}`,
    decisionId: d.id,
    createdAt: input.now,
    target,
    payload: JSON.parse(JSON.stringify(payload)) as Json,
    attempts: 0,
    nextAttemptAt: input.now,
    lastResponse: null,
  };
}
