// A deep copy of a value as a JSON round trip (`JSON.parse(JSON.stringify(v))`)
// gives it, without the text in between: properties that are undefined,
// functions or symbols are left out (null in a list), numbers that are not
// finite become null and -0 becomes 0. Anything that is not a plain object, a
// list or a scalar (a Date, a Map, an object with `toJSON`, which is asked with
// an empty key) takes the real round trip, so the result is the one JSON gives.
// A value made shared (`shareJson`: frozen, and exactly what JSON gives back) is
// kept by reference instead: nothing can change it, so a copy would be the same.

/** The value as a JSON round trip gives it; undefined for a value JSON leaves out (undefined, a function, a symbol). */
export function jsonCopy<T>(value: T): T {
  return copyValue(value) as T;
}

/** Values frozen by `shareJson`, and every object and list inside them. */
const sharedValues = new WeakSet<object>();

/**
 * Freezes `value` and everything in it, so that every `jsonCopy` keeps it by
 * reference (the engine shares a pool's trace and a rotation queue between the
 * state, the decisions and the log this way). Only a value that a JSON round
 * trip gives back unchanged is shared (plain objects and lists of text, finite
 * numbers other than -0, booleans and null); anything else is left as it is, and
 * copied as before. Returns `value`.
 */
export function shareJson<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !sharedValues.has(value) && unchangedByJson(value)) share(value);
  return value;
}

/** `shareJson` for a list of names built by pushing (no holes), which JSON gives back unchanged: frozen and shared without looking at each name. */
export function shareNames(list: string[]): string[] {
  if (Object.getPrototypeOf(list) === Array.prototype) {
    Object.freeze(list);
    sharedValues.add(list);
  }
  return list;
}

/** True when `value` was shared by `shareJson`. */
export function isSharedJson(value: unknown): boolean {
  return typeof value === 'object' && value !== null && sharedValues.has(value);
}

function unchangedByJson(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null || sharedValues.has(value)) return true;
      if (Array.isArray(value)) {
        if (Object.getPrototypeOf(value) !== Array.prototype) return false;
        // An index loop: a hole reads as undefined, which JSON turns into null.
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          if (typeof item !== 'string' && !unchangedByJson(item)) return false;
        }
        return true;
      }
      if (Object.getPrototypeOf(value) !== Object.prototype) return false;
      for (const key in value) if (!unchangedByJson((value as Record<string, unknown>)[key])) return false;
      return true;
    }
    default:
      return false;
  }
}

function share(value: object): void {
  if (sharedValues.has(value)) return;
  for (const item of Object.values(value)) if (typeof item === 'object' && item !== null) share(item);
  Object.freeze(value);
  sharedValues.add(value);
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
      if (sharedValues.has(value)) return value;
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
