// What the worker-backed SQLite store (sqlite-worker-store.ts) keeps on the event
// loop between a transaction's end and its group's COMMIT in the worker: the
// latest value of every key written (or its deletion) and the decisions logged,
// as JSON text, each with the number of the transaction that wrote it. Reads look
// here before the read connection, which shows only what is committed; an entry
// goes once the transaction that last wrote it is durable (its writes are then
// visible to the read connection), and everything goes when a group fails.

/** The writes of one transaction, as the store keeps them (`null`: the key was deleted). */
export interface TransactionWrites {
  kv: Map<string, string | null>;
  decisions: { id: string; eventId: string; text: string }[];
}

interface Entry<T> {
  value: T;
  no: number;
}

/** The writes of ended transactions that are not durable yet (see the top comment). */
export class PendingWrites {
  private readonly kv = new Map<string, Entry<string | null>>();
  private readonly byEvent = new Map<string, Entry<string>>();
  private readonly byId = new Map<string, Entry<string>>();
  private readonly written = new Map<number, TransactionWrites>();

  /** The pending text of `key`: a string, `null` when deleted, `undefined` when nothing is pending. */
  kvText(key: string): string | null | undefined {
    return this.kv.get(key)?.value;
  }

  /** The first pending decision of an event (JSON text). */
  decisionOfEvent(eventId: string): string | undefined {
    return this.byEvent.get(eventId)?.value;
  }

  /** A pending decision by id (JSON text). */
  decision(id: string): string | undefined {
    return this.byId.get(id)?.value;
  }

  /** Transaction `no` ended with these writes. */
  add(no: number, writes: TransactionWrites): void {
    if (writes.kv.size === 0 && writes.decisions.length === 0) return;
    this.written.set(no, writes);
    for (const [key, value] of writes.kv) this.kv.set(key, { value, no });
    for (const d of writes.decisions) {
      if (!this.byEvent.has(d.eventId)) this.byEvent.set(d.eventId, { value: d.text, no });
      this.byId.set(d.id, { value: d.text, no });
    }
  }

  /** Transaction `no` is durable: drops what it was the last to write, and returns its writes. */
  durable(no: number): TransactionWrites | undefined {
    const writes = this.written.get(no);
    if (!writes) return undefined;
    this.written.delete(no);
    for (const key of writes.kv.keys()) if (this.kv.get(key)?.no === no) this.kv.delete(key);
    for (const d of writes.decisions) {
      if (this.byEvent.get(d.eventId)?.no === no) this.byEvent.delete(d.eventId);
      if (this.byId.get(d.id)?.no === no) this.byId.delete(d.id);
    }
    return writes;
  }

  /** The keys with a pending write. */
  keys(): IterableIterator<string> {
    return this.kv.keys();
  }

  /** A group failed: nothing pending will be written. */
  clear(): void {
    this.kv.clear();
    this.byEvent.clear();
    this.byId.clear();
    this.written.clear();
  }
}
