// Coercion of JSON input values to runtime values of a schema type (LANGUAGE.md
// Types). Shared by the directory loader (user fields) and the runtime's event
// validation, so a value means the same thing wherever it comes from. Strict: no
// numeric strings, no truthy strings; times become epoch milliseconds, durations
// milliseconds.
import { DateTime, IANAZone } from 'luxon';
import { parseDuration } from '../language/literals';
import type { FieldType } from './ir';
import type { FieldValue, GeoPoint } from './directory/model';

export type CoerceResult =
  | { ok: true; value: FieldValue }
  /** `expected` is a phrase such as "a number"; `at` holds list indices down to the bad item. */
  | { ok: false; expected: string; at?: number[] };

/** Context for values whose meaning depends on a place: local times. */
export interface CoerceContext {
  /** IANA zone for times written without an offset. */
  timezone: string;
}

const KEYS_FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** True for object keys that must never be assigned (`__proto__`, `constructor`, `prototype`). */
export function isForbiddenKey(key: string): boolean {
  return KEYS_FORBIDDEN.has(key);
}

const zoneValidity = new Map<string, boolean>();

/** True when `zone` is an IANA time zone name the platform knows (`UTC` included); answers are cached. */
export function isValidTimeZone(zone: string): boolean {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone);
    zoneValidity.set(zone, valid);
  }
  return valid;
}

/** `YYYY-MM-DD`, optionally `THH:MM[:SS[.fff]]` and an offset (`Z`, `+05:30`, `+0530`, `+05`). */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * Parses an ISO 8601 date or date-time to epoch milliseconds. A date-time without
 * an offset is local to `zone`; a bare date is local midnight. Local times that do
 * not exist (spring forward) move forward by the gap, ambiguous ones (fall back)
 * take the later occurrence (luxon's behaviour). Returns null when invalid.
 */
export function parseIsoTime(text: string, zone: string): number | null {
  if (!ISO_TIME.test(text)) return null;
  const parsed = DateTime.fromISO(text.replace(' ', 'T'), { zone });
  return parsed.isValid ? parsed.toMillis() : null;
}

/** The phrase naming what a value of `type` must look like. */
export function describeType(type: FieldType): string {
  switch (type.type) {
    case 'text':
      return 'text';
    case 'number':
      return 'a number';
    case 'bool':
      return '`true` or `false`';
    case 'time':
      return 'a time such as `2026-11-23T10:00:00+05:30`';
    case 'duration':
      return 'a duration such as `30m` or a number of milliseconds';
    case 'geo':
      return 'a location such as `{ "lat": 12.97, "lon": 77.59 }`';
    case 'choice':
      return `one of ${type.options.map((o) => `\`${o}\``).join(', ')}`;
    case 'list':
      return `a list of ${describeItems(type.element)}`;
  }
}

function describeItems(type: FieldType): string {
  switch (type.type) {
    case 'text':
      return 'text';
    case 'number':
      return 'numbers';
    case 'bool':
      return '`true`/`false` values';
    case 'time':
      return 'times';
    case 'duration':
      return 'durations';
    case 'geo':
      return 'locations';
    case 'choice':
      return `values from ${type.options.map((o) => `\`${o}\``).join(', ')}`;
    case 'list':
      return 'lists';
  }
}

/**
 * Coerces a JSON (or YAML) value to the runtime value of `type`. Accepted forms:
 * text: a string · number: a finite number · bool: a boolean · time: an ISO 8601
 * string (or a JS Date) · duration: milliseconds or `30m`-style text · geo:
 * `{lat, lon}` in range · choice: one of the options · list: an array of items.
 * A bad list item reports its indices in `at` and in the phrase.
 */
export function coerceValue(type: FieldType, raw: unknown, ctx: CoerceContext): CoerceResult {
  const result = coerce(type, raw, ctx);
  if (result.ok || !result.at?.length) return result;
  return { ...result, expected: `${result.expected} at index ${result.at.map((i) => `[${i}]`).join('')}` };
}

function coerce(type: FieldType, raw: unknown, ctx: CoerceContext): CoerceResult {
  const value = coerceScalar(type, raw, ctx);
  if (value !== undefined) return { ok: true, value };
  if (type.type !== 'list' || !Array.isArray(raw)) return { ok: false, expected: describeType(type) };
  const items: FieldValue[] = [];
  for (const [index, item] of raw.entries()) {
    const inner = coerce(type.element, item, ctx);
    if (!inner.ok) return { ok: false, expected: inner.expected, at: [index, ...(inner.at ?? [])] };
    items.push(inner.value);
  }
  return { ok: true, value: items };
}

/** The value for every non-list type, or undefined when `raw` does not fit. */
function coerceScalar(type: FieldType, raw: unknown, ctx: CoerceContext): FieldValue | undefined {
  switch (type.type) {
    case 'text':
      return typeof raw === 'string' ? raw : undefined;
    case 'number':
      return typeof raw === 'number' && Number.isFinite(raw) ? raw : undefined;
    case 'bool':
      return typeof raw === 'boolean' ? raw : undefined;
    case 'time':
      if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? undefined : raw.getTime();
      return typeof raw === 'string' ? (parseIsoTime(raw, ctx.timezone) ?? undefined) : undefined;
    case 'duration':
      if (typeof raw === 'number') return Number.isFinite(raw) && raw >= 0 ? raw : undefined;
      return typeof raw === 'string' ? (parseDuration(raw) ?? undefined) : undefined;
    case 'geo':
      return coerceGeo(raw);
    case 'choice':
      return typeof raw === 'string' && type.options.includes(raw) ? raw : undefined;
    case 'list':
      return undefined;
  }
}

function coerceGeo(raw: unknown): GeoPoint | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const keys = Object.keys(raw);
  if (keys.length !== 2 || !keys.includes('lat') || !keys.includes('lon')) return undefined;
  const { lat, lon } = raw as Record<string, unknown>;
  if (typeof lat !== 'number' || typeof lon !== 'number') return undefined;
  if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) return undefined;
  return { lat, lon };
}
