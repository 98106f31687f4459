// The decision log as NDJSON, oldest first, for replays (`dist diff --replay`,
// `dist export-log`, `GET /v1/decisions?format=ndjson`): each line is the log
// entry as the API lists it, plus the event that caused it (for decisions
// caused by an event) and its provenance (the state it read and the
// fingerprints of its program and directory), when it was logged with them.
// `readExportedEntry` reads such a line back for `dist replay --log`.
import { z } from 'zod';
import type { LoggedCause } from '../runtime/replay-decision';
import type { Provenance } from '../runtime/provenance';
import { inTransaction, type DecisionFilter } from '../runtime/state/store';
import { formatPath } from './config';
import { decisionEntry } from './wire';
import type { Decision, StateStore } from '../api';

/** Decisions read per store round trip. */
const PAGE = 500;

/** One exported line (without its newline). */
export function exportLine(d: Decision): string {
  const entry: Record<string, unknown> = decisionEntry(d);
  if (d.provenance) {
    const { event, ...rest } = d.provenance;
    if (event) entry.event = event;
    entry.provenance = rest;
  }
  return JSON.stringify(entry);
}

/** Every decision matching `filter`, oldest first. */
export async function exportDecisions(store: StateStore, filter: Omit<DecisionFilter, 'limit' | 'before'>): Promise<Decision[]> {
  const found: Decision[] = [];
  let before: string | undefined;
  for (;;) {
    const batch = await inTransaction(store, (tx) => tx.listDecisions({ ...filter, before, limit: PAGE }));
    found.push(...batch);
    if (batch.length < PAGE) break;
    before = batch[batch.length - 1]!.id;
  }
  return found.reverse();
}

const text = z.string();
const orNull = z.string().nullable();
const plainObject = z.record(z.string(), z.unknown());
const timer = z.object({ id: text, dueAt: z.number(), kind: z.enum(['reassign', 'retry']), entity: text, recordId: text, ruleId: orNull, queue: orNull, eventId: text, eventType: text, generation: z.number() });
const queueItem = z.looseObject({ queue: text, entity: text, recordId: text, eventId: text, eventType: text, decisionId: orNull, enqueuedAt: z.number(), reason: text, retryUntil: z.number().nullable() });
const exported = z.looseObject({
  decision_id: text.min(1),
  cause: z.enum(['event', 'reassign', 'retry', 'manual-retry']),
  entity: text,
  record_id: text,
  decided_at: text.refine((t) => !Number.isNaN(Date.parse(t)), 'expected an ISO 8601 time'),
  event: z.looseObject({ id: text, type: text, record: plainObject, changed: z.array(text).optional(), at: text.optional() }).optional(),
  provenance: z.object({ program: text, directory: text, reads: plainObject, timer: timer.optional(), queues: z.record(z.string(), z.array(queueItem)).optional() }).optional(),
});

/** An exported line read back: the fields a re-run must reproduce, and what re-running it needs. */
export interface ExportedEntry {
  /** The entry as exported, without its event and provenance. */
  fields: Record<string, unknown>;
  cause: LoggedCause;
}

/** The decision id of an exported line's value, or null when it is not a log entry. */
export function exportedId(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const id = Object.hasOwn(value, 'decision_id') ? (value as { decision_id: unknown }).decision_id : undefined;
  return typeof id === 'string' ? id : null;
}

/** Reads one exported line's value back; a problem names the field at fault. */
export function readExportedEntry(value: unknown): { ok: true; entry: ExportedEntry } | { ok: false; problem: string } {
  const parsed = exported.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, problem: `\`${formatPath(issue.path) || '(the line)'}\`: ${issue.message}` };
  }
  const { event, provenance, ...fields } = parsed.data;
  const cause: LoggedCause = { id: fields.decision_id, cause: fields.cause, decidedAt: Date.parse(fields.decided_at), entity: fields.entity, recordId: fields.record_id };
  if (provenance) cause.provenance = { ...(provenance as Omit<Provenance, 'event'>), ...(event ? { event: event as Provenance['event'] } : {}) };
  return { ok: true, entry: { fields, cause } };
}
