// The delivery log of a decision: one entry per finished delivery (delivered, or
// failed for good) with the target's last answer and the record id it reported,
// kept in the state store under `outbox-log/<decisionId>` so that
// `GET /v1/decisions/{id}` can show it next to the explain trace.
import type { Json, OutboxItem } from '../../runtime/state/store';
import { type Transaction } from '../../api';

/** A finished delivery. */
export interface DeliveryLogEntry {
  [key: string]: Json;
  id: string;
  target: string;
  url: string;
  result: 'delivered' | 'failed';
  attempts: number;
  /** The target's last HTTP status; null when it never answered. */
  status: number | null;
  /** The id of the record the target made (`record_id_path`), if any. */
  record_id: string | null;
  /** The target's last answer, truncated. */
  response: string;
  error: string | null;
  at: string;
}

const key = (decisionId: string) => `outbox-log/${decisionId}`;

/** Adds a finished delivery to its decision's log (replacing an entry with the same id). */
export async function appendDeliveryLog(tx: Transaction, decisionId: string, entry: DeliveryLogEntry): Promise<void> {
  const entries = ((await tx.get(key(decisionId))) ?? []) as DeliveryLogEntry[];
  await tx.put(key(decisionId), [...entries.filter((e) => e.id !== entry.id), entry]);
}

/** The finished deliveries of a decision. */
export async function readDeliveryLog(tx: Transaction, decisionId: string): Promise<DeliveryLogEntry[]> {
  return ((await tx.get(key(decisionId))) ?? []) as DeliveryLogEntry[];
}

/** A pending item as the decision detail shows it. */
export function pendingEntry(item: OutboxItem): Record<string, Json> {
  return {
    id: item.id,
    target: item.target?.name ?? '',
    url: item.target?.url ?? '',
    result: 'pending',
    attempts: item.attempts ?? 0,
    status: item.lastResponse?.status ?? null,
    response: item.lastResponse?.body ?? '',
    error: item.lastResponse?.error ?? null,
    next_attempt_at: item.nextAttemptAt === undefined ? null : new Date(item.nextAttemptAt).toISOString(),
  };
}
