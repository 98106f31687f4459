// Reads a user's `fields`: with `schema user`, each value is coerced to its declared
// type (unknown field or wrong type: DIST506; a missing field is simply unset);
// without one, any JSON-like value (text, number, boolean, location, list) is kept.
import type { FieldType } from '../ir';
import { coerceValue } from '../values';
import { describeRaw, listNames, type IssueList } from './issues';
import { isMapping, MappingReader } from './mapping-reader';
import type { FieldValue } from './model';

/** The user's field values, normalised; a bad value is reported and left out. */
export function readUserFields(
  user: MappingReader,
  schema: Record<string, FieldType> | null,
  zone: string,
  issues: IssueList,
): Record<string, FieldValue> {
  const out = Object.create(null) as Record<string, FieldValue>;
  const raw = user.get('fields');
  if (raw === undefined) return out;
  const reader = MappingReader.open(raw, [...user.path, 'fields'], `the fields of ${user.what}`, null, issues);
  for (const [name, value] of reader?.entries ?? []) {
    const path = [...user.path, 'fields', name];
    const type = schema && Object.hasOwn(schema, name) ? schema[name] : undefined;
    if (schema && !type) {
      const declared = Object.keys(schema);
      const hint = declared.length ? `expected one of ${listNames(declared)}` : '`schema user` declares no fields';
      issues.report('DIST506', path, `unknown field \`${name}\` in ${user.what}; ${hint}`, { onKey: true });
    } else if (type) {
      const result = coerceValue(type, value, { timezone: zone });
      if (result.ok) out[name] = result.value;
      else {
        const at = result.at ?? [];
        const got = at.reduce<unknown>((item, index) => (item as unknown[])[index], value);
        const message = `field \`${name}\` of ${user.what} must be ${result.expected}; got ${describeRaw(got)}`;
        issues.report('DIST506', [...path, ...at], message);
      }
    } else if (isFieldValue(value)) {
      out[name] = value;
    } else {
      const expected = 'text, a number, `true`/`false`, a location or a list of these';
      issues.report('DIST502', path, `field \`${name}\` of ${user.what} must be ${expected}; got ${describeRaw(value)}`);
    }
  }
  return out;
}

function isFieldValue(value: unknown): value is FieldValue {
  if (typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isFieldValue);
  if (!isMapping(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 2 && typeof value.lat === 'number' && typeof value.lon === 'number';
}
