// A transaction that holds its key-value writes back: reads see them, the inner
// transaction does not until `release()`. A workflow (runtime/workflow.ts) runs
// its rules' distributions through one, so that when the workflow assigns nobody
// (its total minimum is not reached) no rotation, cursor or random generator of
// its rules moves.
import { DelegatingTransaction } from './delegating-transaction';
import type { Json } from './state/store';

/** Holds `put` and `delete` until `release()`; every other call goes through. */
export class HeldWrites extends DelegatingTransaction {
  /** Written values by key; undefined marks a delete. */
  private readonly held = new Map<string, Json | undefined>();

  override async get(key: string): Promise<Json | undefined> {
    if (this.held.has(key)) return copy(this.held.get(key));
    return this.inner.get(key);
  }
  override async getMany(keys: readonly string[]): Promise<(Json | undefined)[]> {
    const values = await this.inner.getMany(keys);
    return keys.map((key, i) => (this.held.has(key) ? copy(this.held.get(key)) : values[i]));
  }
  override async put(key: string, value: Json): Promise<void> {
    this.held.set(key, copy(value));
  }
  override async delete(key: string): Promise<void> {
    this.held.set(key, undefined);
  }

  /** Writes what was held to the inner transaction, in the order first written. */
  async release(): Promise<void> {
    for (const [key, value] of this.held) {
      if (value === undefined) await this.inner.delete(key);
      else await this.inner.put(key, value);
    }
    this.held.clear();
  }
}

function copy(value: Json | undefined): Json | undefined {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Json);
}
