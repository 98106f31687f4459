// The committed text of the keys the worker-backed SQLite store
// (sqlite-worker-store.ts) has read or made durable. A SQLite state file serves
// one process (several replicas need PostgreSQL), so nothing else changes what
// is committed: a key read once from the database is answered here after, and a
// transaction's writes land here when its group is durable. Reads then cost a
// map lookup instead of a query, which is what lets a decision read the state of
// a large pool quickly. The texts held stay under a memory budget: a key moves
// to the back each time it is set, and the front goes first, so the keys every
// decision writes (rotations, users' counters) stay and records written once
// leave in time.

/** The default budget: 64 MiB of keys and texts (two bytes a character, and an entry's overhead). */
const DEFAULT_BUDGET = 64 * 1024 * 1024;
const ENTRY_OVERHEAD = 64;

/** Committed key texts (see the top comment). */
export class CommittedValues {
  private readonly texts = new Map<string, string | null>();
  private used = 0;

  constructor(private readonly budget = DEFAULT_BUDGET) {}

  /** The committed text of `key`: a string, null when the key is absent, undefined when not held here. */
  get(key: string): string | null | undefined {
    return this.texts.get(key);
  }

  /** `key` is committed with `text` (null: absent). */
  set(key: string, text: string | null): void {
    const before = this.texts.get(key);
    if (before !== undefined) {
      this.used -= size(key, before);
      this.texts.delete(key);
    }
    this.texts.set(key, text);
    this.used += size(key, text);
    for (const [oldest, held] of this.texts) {
      if (this.used <= this.budget) break;
      this.texts.delete(oldest);
      this.used -= size(oldest, held);
    }
  }
}

function size(key: string, text: string | null): number {
  return 2 * (key.length + (text?.length ?? 0)) + ENTRY_OVERHEAD;
}
