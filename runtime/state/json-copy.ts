// A deep copy of a value as a JSON round trip (`JSON.parse(JSON.stringify(v))`)
// gives it, without the text in between: properties that are undefined,
// functions or symbols are left out (null in a list), numbers that are not
// finite become null and -0 becomes 0. Anything that is not a plain object, a
// list or a scalar (a Date, a Map, an object with `toJSON`) takes the real
// round trip, so the result is always the one JSON would give.

/** The value as a JSON round trip gives it; undefined for a value JSON leaves out (undefined, a function, a symbol). */
export function jsonCopy<T>(value: T): T {
  return copyValue(value) as T;
}

function copyValue(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? (value === 0 ? 0 : value) : null;
    case 'object':
      if (value === null) return null;
      if (Array.isArray(value)) return copyList(value);
      return plain(value) ? copyObject(value as Record<string, unknown>) : roundTrip(value);
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    default:
      return roundTrip(value);
  }
}

function copyList(list: readonly unknown[]): unknown[] {
  const out = new Array<unknown>(list.length);
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    out[i] = typeof item === 'string' ? item : (copyValue(item) ?? null);
  }
  return out;
}

function copyObject(object: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(object)) {
    const item = copyValue(object[key]);
    if (item === undefined) continue;
    // An own `__proto__` (JSON.parse makes them) stays a property instead of setting the prototype.
    if (key === '__proto__') Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    else out[key] = item;
  }
  return out;
}

/** An object whose copy is its own enumerable properties, as JSON reads them. */
function plain(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

function roundTrip(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? undefined : (JSON.parse(text) as unknown);
}
