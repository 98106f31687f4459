// Lock keys of the PostgreSQL store: each key becomes a transaction-scoped
// advisory lock (class, hash). The class is the key's place in the lock order of
// store.ts (event, record, rule, user; `directory` and unknown prefixes come
// last, as they are taken alone); the hash is FNV-1a of the key. Within one call
// locks are taken by class then hash, so every process takes any two locks in the
// same order. Two keys of a class that share a hash share a lock: that only
// serialises more, it never reorders.

/** Lock classes by key prefix, in the contract's order. */
const CLASSES = new Map([
  ['event', 1],
  ['record', 2],
  ['rule', 3],
  ['user', 4],
  ['directory', 5],
]);
const OTHER = 6;

/** One advisory lock. */
export interface AdvisoryLock {
  cls: number;
  hash: number;
}

/** The advisory lock of a lock key. */
export function advisoryLock(key: string): AdvisoryLock {
  const slash = key.indexOf('/');
  const prefix = slash < 0 ? key : key.slice(0, slash);
  return { cls: CLASSES.get(prefix) ?? OTHER, hash: fnv1a(key) };
}

/** The locks of `keys` not yet in `held`, sorted and without duplicates; adds them to `held`. */
export function newLocks(keys: readonly string[], held: Set<string>): AdvisoryLock[] {
  const wanted = new Map<string, AdvisoryLock>();
  for (const key of keys) {
    const lock = advisoryLock(key);
    const id = `${lock.cls}:${lock.hash}`;
    if (!held.has(id)) wanted.set(id, lock);
  }
  for (const id of wanted.keys()) held.add(id);
  return [...wanted.values()].sort((a, b) => a.cls - b.cls || a.hash - b.hash);
}

/** 32-bit FNV-1a of the UTF-16 code units, as a signed int4. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}
