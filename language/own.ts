// Reading a plain object keyed by user text (the IR's schema and field tables,
// JSON bodies, stored state): only the object's own properties count, so no name
// — `constructor`, `toString`, `__proto__` — ever reaches Object.prototype.

/** `table[key]` when `key` is an own property of `table`, else undefined. */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
