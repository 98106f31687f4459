// Input mapping (LANGUAGE.md "Input mapping"): one source's raw payload becomes an
// event for the record its `map` block builds, then the event is validated with
// the one rule for events (records.ts). Semantics, the same for every host (the
// server's `POST /v1/hooks/{source}`, scenario `payload:` steps, `dist explain
// --source`):
// - text in the payload that is empty or only spaces, and `null`, count as not
//   set, so `a ?? b` moves on to `b` and a blank form field is a missing field;
// - a field whose value comes out unset is left out of the record (not set);
//   when the payload did hold a value there but no function could use it
//   (`number("n/a")`, `trim` of an object), that is an issue of the field;
// - a number mapped to a `text` field is written in decimal (ZIPs and phone
//   numbers often arrive as numbers); every other type is as strict as events;
// - the record id is the mapped `id` when the block maps one, else the event id;
//   the event is `<entity>.created` (the engine makes it an update of a record
//   it already knows: payload-update.ts).
import type { FieldType, InputMap, Program } from '../compiler/ir';
import { visitExpr } from '../compiler/ir-walk';
import { printIrExpr } from '../compiler/ir-print';
import { own } from '../language/own';
import { compileExpr, type Compiled } from './evaluator/compile-expr';
import { walkPath, type Value } from './evaluator/context';
import { describeRaw, scanKeys, validateEvent } from './records';
import type { IncomingEvent, InputIssue } from './types';

/** A payload mapped into an event, or the issues that keep it from being one (each `path` a field name). */
export type PayloadMapping = { ok: true; event: IncomingEvent } | { ok: false; issues: InputIssue[] };

interface PreparedField {
  name: string;
  value: Compiled;
  /** The `payload.…` paths the value reads. */
  reads: string[][];
  text: string;
}

const prepared = new WeakMap<InputMap, PreparedField[]>();

/** The `map` block that reads payloads of `source`, if any. */
export function findMap(program: Program, source: string): InputMap | undefined {
  return program.maps.find((m) => m.source === source);
}

/** The sources the program has `map` blocks for, in declaration order. */
export function mapSources(program: Program): string[] {
  return program.maps.map((m) => m.source);
}

/** Maps `payload` with `map` into a `<entity>.created` event with id `eventId` and validates it. */
export function mapPayload(program: Program, map: InputMap, payload: unknown, eventId: string, now: number): PayloadMapping {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { ok: false, issues: [{ path: '', message: `a payload must be a JSON object; got ${describeRaw(payload)}` }] };
  }
  const issues: InputIssue[] = [];
  scanKeys(payload, 'payload', 0, issues);
  if (issues.length > 0) return { ok: false, issues };
  const input = blanksUnset(payload);
  const schema = own(program.schemas, map.entity);
  const record: Record<string, unknown> = {};
  const from = new Map<string, string>();
  for (const field of fieldsOf(map)) {
    const value = field.value({ entity: map.entity, record: null, user: null, payload: input, now });
    from.set(field.name, field.text);
    if (value === undefined || value === '') {
      const held = field.reads.map((path) => walkPath(input, path, 0)).find((v) => v !== undefined);
      if (value === undefined && held !== undefined) {
        issues.push({ path: field.name, message: `\`${field.text}\` gives no value from ${describeRaw(held)}` });
      }
      continue;
    }
    record[field.name] = asFieldType(schema ? own(schema.fields, field.name) : undefined, value);
  }
  if (issues.length > 0) return { ok: false, issues };
  const event: IncomingEvent = { id: eventId, type: `${map.entity}.created`, record: { ...record, id: record.id ?? eventId } };
  const valid = validateEvent(program, event);
  if (valid.ok) return { ok: true, event };
  return {
    ok: false,
    issues: valid.issues.map((issue) => {
      const name = issue.path.startsWith('record.') ? issue.path.slice('record.'.length) : issue.path;
      const text = from.get(name);
      return { path: name, message: text ? `${issue.message} (from \`${text}\`)` : issue.message };
    }),
  };
}

function fieldsOf(map: InputMap): PreparedField[] {
  let fields = prepared.get(map);
  if (!fields) {
    fields = map.fields.map((f) => {
      const reads: string[][] = [];
      visitExpr(f.expr, (node) => {
        if (node.op === 'field' && node.entity === 'payload') reads.push(node.path);
      });
      return { name: f.name, value: compileExpr(f.expr), reads, text: printIrExpr(f.expr) };
    });
    prepared.set(map, fields);
  }
  return fields;
}

/** A number for a `text` (or `choice`) field, in decimal; everything else as it is. */
function asFieldType(type: FieldType | undefined, value: Value): unknown {
  const textual = type?.type === 'text' || type?.type === 'choice';
  return textual && typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
}

/** A copy of the payload where blank text and `null` are left out (not set). Depth is bounded by scanKeys. */
function blanksUnset(value: unknown): unknown {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(blanksUnset).filter((v) => v !== undefined);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const kept = blanksUnset(item);
    if (kept !== undefined) out[key] = kept;
  }
  return out;
}
