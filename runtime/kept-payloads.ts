// Payloads that fail their `map` block: with `on invalid queue "q"` they are kept
// in that queue with their issues (never dropped), listed like any queued record
// and sent back through the map by a queue retry (engine.ts). Without it the
// host rejects them, naming the fields.
import type { InputMap, Program } from '../compiler/ir';
import { mapSources } from './input-map';
import type { Json, Transaction } from './state/store';
import type { InputIssue } from './types';

/** What is kept of a payload that failed its map. */
export interface FailedPayload {
  eventId: string;
  payload: unknown;
  issues: InputIssue[];
  now: number;
}

/** Puts the payload in the map's `on invalid` queue under its event id (a second copy replaces the first). */
export async function keepInvalid(tx: Transaction, map: InputMap & { invalidQueue: string }, failed: FailedPayload): Promise<void> {
  const fields = [...new Set(failed.issues.map((i) => i.path).filter((p) => p !== ''))];
  await tx.enqueue({
    queue: map.invalidQueue,
    entity: map.entity,
    recordId: failed.eventId,
    eventId: failed.eventId,
    eventType: `${map.entity}.created`,
    decisionId: null,
    enqueuedAt: failed.now,
    reason: fields.length > 0 ? `invalid payload: ${fields.join(', ')}` : 'invalid payload',
    retryUntil: null,
    invalid: { source: map.source, payload: failed.payload as Json, issues: failed.issues.map(({ path, message }) => ({ path, message })) },
  });
}

/** The issue of a source no `map` block reads. */
export function unknownSource(program: Program, source: string): InputIssue {
  const sources = mapSources(program);
  const known = sources.length === 0 ? 'the rules have no `map` block' : `sources with a \`map\` block: ${sources.map((s) => `\`${s}\``).join(', ')}`;
  return { path: 'source', code: 'unknown_source', message: `no \`map\` block reads source \`${source}\`; ${known}` };
}
