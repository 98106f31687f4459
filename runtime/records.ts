// Event validation (RUNTIME.md step 1): the one rule for what an event is, used
// by the engine for every host (HTTP ingest, `dist explain`, scenario suites,
// embedding services). Checks an incoming event against the program's schemas
// and returns either every problem found or the normalised event. The record's fields are coerced with the same rules as the directory
// (compiler/values.ts); fields the schema does not declare are kept for the log
// and ignored by rules; `null` clears a field. Nothing is changed here.
import { EVENT_KINDS, type EventKind, type Program } from '../compiler/ir';
import { coerceValue, isForbiddenKey, parseIsoTime } from '../compiler/values';
import { MAX_ID_LENGTH } from '../language/limits';
import { own } from '../language/own';
import type { Value } from './evaluator/context';
import type { IncomingEvent, InputIssue } from './types';

/** The deepest nesting accepted in an event (API.md). */
export const MAX_DEPTH = 32;

/** A valid event, normalised. */
export interface NormalisedEvent {
  id: string;
  /** `<entity>.<kind>`. */
  type: string;
  entity: string;
  kind: EventKind;
  recordId: string;
  /** Schema fields as sent, coerced; null: the event clears the field. */
  fields: Record<string, Value | null>;
  /** `owner` as sent, if any. */
  owner: string | undefined;
  /** Fields the schema does not declare (kept for the log). */
  extra: Record<string, unknown>;
  changed: string[];
  /** When the event happened at its source (`at`, epoch ms); null when not given. */
  at: number | null;
}

export type ValidationResult = { ok: true; event: NormalisedEvent } | { ok: false; issues: InputIssue[] };

const KINDS: ReadonlySet<string> = new Set(EVENT_KINDS);

/** The keys of an event; any other top-level key is refused (record fields may be anything). */
export const EVENT_KEYS: readonly string[] = ['id', 'type', 'record', 'changed', 'at'];
const EVENT_KEY_SET: ReadonlySet<string> = new Set(EVENT_KEYS);

/** Validates `event` against `program`; every issue names the field at fault. */
export function validateEvent(program: Program, event: IncomingEvent): ValidationResult {
  const issues: InputIssue[] = [];
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    return { ok: false, issues: [{ path: '', message: 'an event must be a JSON object' }] };
  }
  scanKeys(event, '', 0, issues);
  if (issues.length > 0) return { ok: false, issues };
  for (const key of Object.keys(event)) {
    if (!EVENT_KEY_SET.has(key)) issues.push({ path: key, message: `unknown field \`${key}\`; an event has ${list(EVENT_KEYS)}` });
  }

  const id = idOf(event.id, 'id', 'an event', issues);
  const [entity = '', kind = '', ...more] = typeof event.type === 'string' ? event.type.split('.') : [];
  const schema = entity !== 'user' && more.length === 0 ? own(program.schemas, entity) : undefined;
  if (event.type === undefined) {
    issues.push({ path: 'type', message: '`type` is missing; add it, such as `lead.created`' });
  } else if (!schema || !KINDS.has(kind)) {
    const entities = Object.keys(program.schemas).filter((e) => e !== 'user');
    issues.push({
      path: 'type',
      code: 'unknown_event_type',
      message: `unknown event type \`${String(event.type)}\`; expected \`<entity>.<kind>\` with an entity among ${list(entities)} and a kind among ${list(EVENT_KINDS)}`,
    });
  }
  const changed = checkChanged(event.changed, issues);
  const at = atOf(event.at, program.settings.timezone, issues);

  const record = event.record;
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    issues.push({ path: 'record', message: '`record` must be a JSON object' });
    return { ok: false, issues };
  }
  const recordId = idOf(record.id, 'record.id', 'the record', issues);
  const owner = record.owner;
  if (owner !== undefined && owner !== null && typeof owner !== 'string') {
    issues.push({ path: 'record.owner', message: `expected text, got ${describeRaw(owner)}` });
  }
  const fields: Record<string, Value | null> = {};
  const extra: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(record)) {
    if (name === 'id' || name === 'owner') continue;
    const type = schema ? own(schema.fields, name) : undefined;
    if (!type) extra[name] = raw;
    else if (raw === null) fields[name] = null;
    else {
      const coerced = coerceValue(type, raw, { timezone: program.settings.timezone });
      if (coerced.ok) fields[name] = coerced.value as Value;
      else issues.push({ path: `record.${name}`, message: `expected ${coerced.expected}, got ${describeRaw(raw)}` });
    }
  }
  if (issues.length > 0 || id === null || recordId === null) return { ok: false, issues };
  return {
    ok: true,
    event: {
      id,
      type: `${entity}.${kind}`,
      entity,
      kind: kind as EventKind,
      recordId,
      fields,
      owner: typeof owner === 'string' ? owner : undefined,
      extra,
      changed,
      at,
    },
  };
}

/** `at`: an ISO 8601 time (local to the project's time zone without an offset). */
function atOf(raw: unknown, timezone: string, issues: InputIssue[]): number | null {
  if (raw === undefined || raw === null) return null;
  const ms = typeof raw === 'string' ? parseIsoTime(raw, timezone) : null;
  if (ms === null) issues.push({ path: 'at', message: `\`at\` must be an ISO 8601 time such as \`2026-11-23T10:00:00+05:30\`; got ${describeRaw(raw)}` });
  return ms;
}

/** An id as sent: a non-empty string or a finite number, at most MAX_ID_LENGTH characters. */
export function checkId(raw: unknown, path: string, what: string): { id: string } | { issue: InputIssue } {
  const id = typeof raw === 'string' ? raw : typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : '';
  if (id === '') return { issue: { path, message: `${what} needs an \`id\` (a non-empty string or a number)` } };
  if (id.length > MAX_ID_LENGTH) return { issue: { path, message: `\`${path}\` is ${id.length} characters long; ids are at most ${MAX_ID_LENGTH}` } };
  return { id };
}

function idOf(raw: unknown, path: string, what: string, issues: InputIssue[]): string | null {
  const checked = checkId(raw, path, what);
  if ('id' in checked) return checked.id;
  issues.push(checked.issue);
  return null;
}

function checkChanged(raw: unknown, issues: InputIssue[]): string[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    issues.push({ path: 'changed', message: '`changed` must be a list of field names' });
    return [];
  }
  const names: string[] = [];
  raw.forEach((name, i) => {
    if (typeof name === 'string') names.push(name);
    else issues.push({ path: `changed[${i}]`, message: `expected a field name, got ${describeRaw(name)}` });
  });
  return names;
}

/** Rejects prototype-reaching keys and nesting deeper than MAX_DEPTH, anywhere in the value (an event, a raw payload). */
export function scanKeys(value: unknown, path: string, depth: number, issues: InputIssue[]): void {
  if (!keysAllowed(value, depth)) keyIssues(value, path, depth, issues);
}

/** Whether `scanKeys` finds nothing: the same walk, without the paths it would name. */
function keysAllowed(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.every((item) => keysAllowed(item, depth + 1));
  for (const key of Object.keys(value)) if (isForbiddenKey(key) || !keysAllowed((value as Record<string, unknown>)[key], depth + 1)) return false;
  return true;
}

function keyIssues(value: unknown, path: string, depth: number, issues: InputIssue[]): void {
  if (typeof value !== 'object' || value === null) return;
  if (depth > MAX_DEPTH) {
    issues.push({ path, message: `nesting deeper than ${MAX_DEPTH} levels` });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => keyIssues(item, `${path}[${i}]`, depth + 1, issues));
    return;
  }
  for (const key of Object.keys(value)) {
    const at = path ? `${path}.${key}` : key;
    if (isForbiddenKey(key)) issues.push({ path: at, message: `the field name \`${key}\` is not allowed` });
    else keyIssues((value as Record<string, unknown>)[key], at, depth + 1, issues);
  }
}

/** A raw JSON value as messages show it: `null`, `a list`, `an object`, `text "…"`, `number 5`. */
export function describeRaw(raw: unknown): string {
  if (raw === null) return 'null';
  if (Array.isArray(raw)) return 'a list';
  if (typeof raw === 'object') return 'an object';
  if (typeof raw === 'string') return `text ${JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw)}`;
  return `${typeof raw} ${String(raw)}`;
}

function list(items: readonly string[]): string {
  return items.length === 0 ? '(none declared)' : items.map((i) => `\`${i}\``).join(', ');
}
