// The state a shadow engine decides on: a copy-on-write overlay of the live
// store. Its own memory store holds everything the shadow writes (rotation
// state, counters, records, its decision log, timers, queues); a key the shadow
// has never written is read from the live store, in a read-only transaction of
// its own that is always aborted, so the shadow starts from the live state and
// never writes a byte of it.
import { DelegatingTransaction } from '../runtime/delegating-transaction';
import type { Json } from '../runtime/state/store';
import { MemoryStore, type StateStore, type Transaction } from '../api';

/**
 * A store over `live` whose writes stay in memory (see the top comment). `before`
 * gives the values the live decision of the event being shadowed read (its
 * provenance): the state as it was before that decision, which the shadow reads
 * in preference to the live store, where that decision has already committed.
 */
export function shadowStore(live: StateStore, before: () => ReadonlyMap<string, Json | null>): StateStore {
  const own = new MemoryStore();
  /** Keys the shadow has written or deleted (committed). */
  const owned = new Set<string>();
  const readLive = async (keys: readonly string[]): Promise<(Json | undefined)[]> => {
    const seen = before();
    const rest = keys.filter((k) => !seen.has(k));
    const values = new Map<string, Json | undefined>();
    if (rest.length > 0) {
      const tx = await live.begin();
      try {
        (await tx.getMany(rest)).forEach((v, i) => values.set(rest[i]!, v));
      } finally {
        await tx.abort();
      }
    }
    return keys.map((k) => (seen.has(k) ? (seen.get(k) ?? undefined) : values.get(k)));
  };
  return {
    begin: async () => new OverlayTransaction(await own.begin(), owned, readLive),
    close: () => own.close(),
  };
}

/** A transaction of the shadow's own store that reads keys it never wrote from the live state. */
class OverlayTransaction extends DelegatingTransaction {
  private readonly touched = new Set<string>();

  constructor(
    inner: Transaction,
    private readonly owned: Set<string>,
    private readonly readLive: (keys: readonly string[]) => Promise<(Json | undefined)[]>,
  ) {
    super(inner);
  }

  override async getMany(keys: readonly string[]): Promise<(Json | undefined)[]> {
    const mine = await this.inner.getMany(keys);
    const fromLive = keys.filter((k) => !this.owned.has(k) && !this.touched.has(k));
    if (fromLive.length === 0) return mine;
    const values = new Map<string, Json | undefined>((await this.readLive(fromLive)).map((v, i) => [fromLive[i]!, v]));
    return keys.map((k, i) => (values.has(k) ? values.get(k) : mine[i]));
  }
  override async get(key: string): Promise<Json | undefined> {
    return (await this.getMany([key]))[0];
  }
  override put(key: string, value: Json): Promise<void> {
    this.touched.add(key);
    return this.inner.put(key, value);
  }
  override delete(key: string): Promise<void> {
    this.touched.add(key);
    return this.inner.delete(key);
  }
  override async commit(): Promise<void> {
    await this.inner.commit();
    for (const key of this.touched) this.owned.add(key);
  }
}
