// Hooks and known records: a payload mapped by a `map` block becomes a
// `<entity>.created` event (input-map.ts), unless the engine already knows the
// record its mapped `id` names. Then it is an update: `<entity>.updated`, with
// `changed` the mapped fields whose values differ from the record's latest ones
// (compared after the schema's coercion, so `"90210"` and `90210` for a text
// field are the same value), and the record keeps every field the payload does
// not set. So a form or portal that sends a lead again, changed, reaches the
// `on lead.updated(…)` rules instead of creating it twice.
import type { Program } from '../compiler/ir';
import { validateEvent } from './records';
import { loadRecord } from './record-state';
import { locks } from './state-keys';
import type { Transaction } from './state/store';
import type { IncomingEvent } from './types';

/** `event` (a mapped `<entity>.created` event) as the update of a known record, or unchanged for a new one. Locks the record (after the event's lock). */
export async function knownRecordUpdate(tx: Transaction, program: Program, event: IncomingEvent): Promise<IncomingEvent> {
  const valid = validateEvent(program, event);
  if (!valid.ok) return event;
  const { entity, recordId, fields } = valid.event;
  await tx.lock([locks.record(entity, recordId)]);
  const known = await loadRecord(tx, entity, recordId);
  if (!known) return event;
  const changed = Object.keys(fields).filter((name) => JSON.stringify(fields[name] ?? null) !== JSON.stringify(Object.hasOwn(known.fields, name) ? known.fields[name] : null));
  return { ...event, type: `${entity}.updated`, changed };
}
