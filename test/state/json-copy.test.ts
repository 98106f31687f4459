// jsonCopy equals a JSON round trip (JSON.parse of JSON.stringify), for any
// value fast-check makes (undefined, -0, NaN, sparse lists, Dates, Maps, Sets,
// boxed values, objects without a prototype), keeps the keys in their order,
// shares nothing with its input, and keeps an own `__proto__` a property. A value
// made shared (shareJson) is kept by reference exactly when the round trip would
// give it back unchanged, and is then frozen all through.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSharedJson, jsonCopy, shareJson } from '../../runtime/state/json-copy';

const values = fc.anything({
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withSparseArray: true,
  withObjectString: true,
  withTypedArray: true,
  key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'toJSON', '0', '1')),
});

/** Deep equality that tells -0 from 0, and prototypes and key orders apart. */
function sameTree(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const keys = Object.keys(a);
  if (keys.join('\u0000') !== Object.keys(b).join('\u0000')) return false;
  return keys.every((k) => sameTree((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

describe('jsonCopy', () => {
  it('is a JSON round trip', () => {
    fc.assert(
      fc.property(values, (value) => {
        const text = JSON.stringify(value);
        const copy = jsonCopy(value);
        if (text === undefined) expect(copy).toBeUndefined();
        else {
          expect(sameTree(copy, JSON.parse(text))).toBe(true);
          expect(JSON.stringify(copy)).toBe(text);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('shares no object or list with its input', () => {
    fc.assert(
      fc.property(fc.object({ withNullPrototype: true }), (value) => {
        const inner = new Set<unknown>();
        const collect = (v: unknown): void => {
          if (typeof v !== 'object' || v === null || inner.has(v)) return;
          inner.add(v);
          Object.values(v).forEach(collect);
        };
        collect(value);
        const copy = jsonCopy(value);
        const shared: unknown[] = [];
        const walk = (v: unknown): void => {
          if (typeof v !== 'object' || v === null) return;
          if (inner.has(v)) shared.push(v);
          Object.values(v).forEach(walk);
        };
        walk(copy);
        expect(shared).toEqual([]);
      }),
    );
  });

  it('keeps an own `__proto__` a property, not the prototype', () => {
    const copy = jsonCopy(JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
    expect((copy as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('makes -0 a 0, as JSON does', () => {
    expect(Object.is(jsonCopy(-0), 0)).toBe(true);
    expect(Object.is(jsonCopy([-0])[0], 0)).toBe(true);
  });

  it('asks objects with `toJSON` (a method of their own, or a Date) for their value', () => {
    const value = { at: new Date(0), own: { toJSON: () => ({ n: 1, skip: undefined }) }, list: [{ toJSON: () => 'x' }] };
    expect(jsonCopy(value)).toEqual({ at: '1970-01-01T00:00:00.000Z', own: { n: 1 }, list: ['x'] });
  });

  it('copies a list of an Array subclass as a plain list', () => {
    class Tagged extends Array<unknown> {}
    const copy = jsonCopy({ list: Tagged.from(['a', undefined, 2]) });
    expect(Object.getPrototypeOf(copy.list)).toBe(Array.prototype);
    expect(copy.list).toEqual(['a', null, 2]);
  });

  it('refuses what JSON refuses', () => {
    expect(() => jsonCopy({ n: 1n })).toThrow(TypeError);
  });

  it('keeps a shared value by reference exactly when the round trip gives it back unchanged', () => {
    fc.assert(
      fc.property(values, fc.boolean(), (value, nested) => {
        const text = JSON.stringify(value);
        const held = nested ? [shareJson(value)] : shareJson(value);
        const copy = jsonCopy(held);
        const inner = nested ? (copy as unknown[])[0] : copy;
        if (text === undefined) return;
        expect(JSON.stringify(copy)).toBe(nested ? `[${text}]` : text);
        if (typeof value !== 'object' || value === null) return;
        const unchanged = sameTree(value, JSON.parse(text));
        expect(isSharedJson(value)).toBe(unchanged);
        expect(inner === value).toBe(unchanged);
        if (unchanged) expect(Object.isFrozen(value)).toBe(true);
        else expect(sameTree(inner, JSON.parse(text))).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it('freezes a shared value all through', () => {
    const queue = shareJson({ users: ['a', 'b'], dropped: [{ user: 'c', reason: 'inactive' }] });
    expect(() => (queue.users as string[]).push('d')).toThrow(TypeError);
    expect(Object.isFrozen(queue.dropped[0])).toBe(true);
  });
});
