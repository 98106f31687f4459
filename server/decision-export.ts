// The decision log as NDJSON, oldest first, for replays (`dist diff --replay`,
// `dist export-log`, `GET /v1/decisions?format=ndjson`): each line is the log
// entry as the API lists it, plus the event that caused it (for decisions
// caused by an event) and its provenance (the state it read and the
// fingerprints of its program and directory), when it was logged with them.
import { inTransaction, type DecisionFilter } from '../runtime/state/store';
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

/** Every decision matching `filter` that `visible` lets through, oldest first. */
export async function exportDecisions(store: StateStore, filter: Omit<DecisionFilter, 'limit' | 'before'>, visible: ((d: Decision) => boolean) | null): Promise<Decision[]> {
  const found: Decision[] = [];
  let before: string | undefined;
  for (;;) {
    const batch = await inTransaction(store, (tx) => tx.listDecisions({ ...filter, before, limit: PAGE }));
    for (const d of batch) if (visible === null || visible(d)) found.push(d);
    if (batch.length < PAGE) break;
    before = batch[batch.length - 1]!.id;
  }
  return found.reverse();
}
