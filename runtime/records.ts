// Event validation (RUNTIME.md step 1): checks an incoming event against the
// program's schemas and returns either every problem found or the normalised
// event. The record's fields are coerced with the same rules as the directory
// (compiler/values.ts); fields the schema does not declare are kept for the log
// and ignored by rules; `null` clears a field. Nothing is changed here.
import { EVENT_KINDS, type EventKind, type Program } from '../compiler/ir';
import { coerceValue, isForbiddenKey } from '../compiler/values';
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
}

export type ValidationResult = { ok: true; event: NormalisedEvent } | { ok: false; issues: InputIssue[] };

const KINDS: ReadonlySet<string> = new Set(EVENT_KINDS);

/** Validates `event` against `program`; every issue names the field at fault. */
export function validateEvent(program: Program, event: IncomingEvent): ValidationResult {
  const issues: InputIssue[] = [];
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    return { ok: false, issues: [{ path: '', message: 'an event must be a JSON object' }] };
  }
  scanKeys(event, '', 0, issues);
  if (issues.length > 0) return { ok: false, issues };

  const id = idOf(event.id);
  if (id === null) issues.push({ path: 'id', message: 'an event needs an `id` (a non-empty string or a number)' });
  const [entity = '', kind = '', ...more] = typeof event.type === 'string' ? event.type.split('.') : [];
  const schema = entity !== 'user' && more.length === 0 ? program.schemas[entity] : undefined;
  if (!schema || !KINDS.has(kind)) {
    const entities = Object.keys(program.schemas).filter((e) => e !== 'user');
    issues.push({
      path: 'type',
      message: `unknown event type \`${String(event.type)}\`; expected \`<entity>.<kind>\` with an entity among ${list(entities)} and a kind among ${list(EVENT_KINDS)}`,
    });
  }
  const changed = checkChanged(event.changed, issues);
  if (event.at !== undefined && typeof event.at !== 'string') issues.push({ path: 'at', message: '`at` must be an ISO 8601 time' });

  const record = event.record;
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    issues.push({ path: 'record', message: '`record` must be a JSON object' });
    return { ok: false, issues };
  }
  const recordId = idOf(record.id);
  if (recordId === null) issues.push({ path: 'record.id', message: 'the record needs an `id` (a non-empty string or a number)' });
  const owner = record.owner;
  if (owner !== undefined && owner !== null && typeof owner !== 'string') {
    issues.push({ path: 'record.owner', message: `expected text, got ${describe(owner)}` });
  }
  const fields: Record<string, Value | null> = {};
  const extra: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(record)) {
    if (name === 'id' || name === 'owner') continue;
    const type = schema?.fields[name];
    if (!type) extra[name] = raw;
    else if (raw === null) fields[name] = null;
    else {
      const coerced = coerceValue(type, raw, { timezone: program.settings.timezone });
      if (coerced.ok) fields[name] = coerced.value as Value;
      else issues.push({ path: `record.${name}`, message: `expected ${coerced.expected}, got ${describe(raw)}` });
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
    },
  };
}

function idOf(raw: unknown): string | null {
  if (typeof raw === 'string' && raw.length > 0) return raw;
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
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
    else issues.push({ path: `changed[${i}]`, message: `expected a field name, got ${describe(name)}` });
  });
  return names;
}

/** Rejects prototype-reaching keys and nesting deeper than MAX_DEPTH, anywhere in the event. */
function scanKeys(value: unknown, path: string, depth: number, issues: InputIssue[]): void {
  if (typeof value !== 'object' || value === null) return;
  if (depth > MAX_DEPTH) {
    issues.push({ path, message: `nesting deeper than ${MAX_DEPTH} levels` });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => scanKeys(item, `${path}[${i}]`, depth + 1, issues));
    return;
  }
  for (const key of Object.keys(value)) {
    const at = path ? `${path}.${key}` : key;
    if (isForbiddenKey(key)) issues.push({ path: at, message: `the field name \`${key}\` is not allowed` });
    else scanKeys((value as Record<string, unknown>)[key], at, depth + 1, issues);
  }
}

function describe(raw: unknown): string {
  if (raw === null) return 'null';
  if (Array.isArray(raw)) return 'a list';
  if (typeof raw === 'object') return 'an object';
  if (typeof raw === 'string') return `text ${JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw)}`;
  return `${typeof raw} ${String(raw)}`;
}

function list(items: readonly string[]): string {
  return items.length === 0 ? '(none declared)' : items.map((i) => `\`${i}\``).join(', ');
}
