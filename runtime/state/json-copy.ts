// A deep copy of a value as a JSON round trip (`JSON.parse(JSON.stringify(v))`)
// gives it, without the text in between: properties that are undefined,
// functions or symbols are left out (null in a list), numbers that are not
// finite become null and -0 becomes 0. Anything that is not a plain object, a
// list or a scalar (a Date, a Map, an object with `toJSON`, which is asked with
// an empty key) takes the real round trip, so the result is the one JSON gives.

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
      return ownObject(value) ? copyObject(value as Record<string, unknown>) : roundTrip(value);
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    default:
      return roundTrip(value);
  }
}

/** The list copied whole (a plain list, also of a subclass's), then every item that is not text copied in place. */
function copyList(list: readonly unknown[]): unknown[] {
  const out = Object.getPrototypeOf(list) === Array.prototype ? list.slice() : Array.from(list);
  for (let i = 0; i < out.length; i++) {
    const item = out[i];
    if (typeof item !== 'string') out[i] = copyValue(item) ?? null;
  }
  return out;
}

/** A plain object's copy; with a `toJSON` method, the round trip's. */
function copyObject(object: Record<string, unknown>): unknown {
  const out: Record<string, unknown> = {};
  // `for…in` lists the own enumerable keys only: the prototype is Object.prototype, which has none, or null.
  for (const key in object) {
    const item = object[key];
    if (typeof item === 'string') setKey(out, key, item);
    else if (typeof item === 'function' && key === 'toJSON') return roundTrip(object);
    else {
      const copied = copyValue(item);
      if (copied !== undefined) setKey(out, key, copied);
    }
  }
  return out;
}

/** Sets a key; an own `__proto__` (JSON.parse makes them) stays a property instead of setting the prototype. */
function setKey(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

/** An object JSON reads as its own enumerable properties (unless it has `toJSON`): a plain one or one without a prototype. */
function ownObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function roundTrip(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? undefined : (JSON.parse(text) as unknown);
}
