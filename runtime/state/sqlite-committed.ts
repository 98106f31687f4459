// The committed text of the keys the worker-backed SQLite store
// (sqlite-worker-store.ts) has read or made durable. A SQLite state file serves
// one process (several replicas need PostgreSQL), so nothing else changes what
// is committed: a key read once from the database is answered here after, and a
// transaction's writes land here when its group is durable. Reads then cost a
// map lookup instead of a query, which is what lets a decision read the state of
// a large pool quickly. It holds at most `limit` keys and lets the longest held
// go first, so a state with many records keeps the process's memory bounded.

/** The default number of keys held: every user's state keys of a large directory, and recent records. */
const DEFAULT_LIMIT = 262_144;

/** Committed key texts (see the top comment). */
export class CommittedValues {
  private readonly texts = new Map<string, string | null>();

  constructor(private readonly limit = DEFAULT_LIMIT) {}

  /** The committed text of `key`: a string, null when the key is absent, undefined when not held here. */
  get(key: string): string | null | undefined {
    return this.texts.get(key);
  }

  /** `key` is committed with `text` (null: absent). */
  set(key: string, text: string | null): void {
    if (this.texts.size >= this.limit && !this.texts.has(key)) {
      const oldest = this.texts.keys().next();
      if (!oldest.done) this.texts.delete(oldest.value);
    }
    this.texts.set(key, text);
  }
}
