// Witness records: the concrete record a claim is about, in the JSON form an
// event carries (`record` of `POST /v1/events`): times as ISO 8601 text,
// durations in milliseconds, every value of its schema type. Fields the claim
// does not constrain are left out (unset), except the record's `id`.
import { pickValue, type FieldDomain, type FieldValue } from './field-domain';

/** A record as an event would send it. */
export type WitnessRecord = Record<string, unknown> & { id: string };

/** A witness: the event that brings the record, its `changed` fields for `updated`, and the record. */
export interface Witness {
  /** `<entity>.<kind>`. */
  type: string;
  changed?: string[];
  record: WitnessRecord;
}

/** The record of a satisfying branch: one set value per constrained field, unless it must stay unset. */
export function witnessRecord(domains: ReadonlyMap<string, FieldDomain>, entity: string): WitnessRecord {
  const record: Record<string, unknown> = {};
  const idDomain = domains.get('id');
  record.id = idDomain ? String(pickValue(idDomain)) : `${entity}-1`;
  for (const [name, d] of domains) {
    if (name === 'id') continue;
    const value = pickValue(d);
    if (value !== undefined) record[name] = toJson(value, d);
  }
  return record as WitnessRecord;
}

/** A witness for an event of `entity` and `kind`, with `changed` for `updated`. */
export function witness(entity: string, kind: string, record: WitnessRecord, changed: string[] | null): Witness {
  return kind === 'updated' ? { type: `${entity}.${kind}`, changed: changed ?? [], record } : { type: `${entity}.${kind}`, record };
}

function toJson(value: FieldValue, d: FieldDomain): unknown {
  const type = d.field.type.type;
  if (type === 'time' && typeof value === 'number') return new Date(value).toISOString();
  if (type === 'list' && Array.isArray(value) && d.field.type.type === 'list' && d.field.type.element.type === 'time') {
    return value.map((v) => (typeof v === 'number' ? new Date(v).toISOString() : v));
  }
  return value;
}

/** A witness record as one line of JSON for a message (`{ "id": "lead-1", "score": 95 }`). */
export function showRecord(record: WitnessRecord): string {
  const fields = Object.entries(record).filter(([k]) => k !== 'id');
  if (fields.length === 0) return 'a record with no fields set';
  return `\`{ ${fields.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')} }\``;
}
