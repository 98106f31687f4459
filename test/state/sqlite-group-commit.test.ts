// Group commit in the SQLite store: concurrent transactions share outer COMMITs,
// an abort undoes only its own work, a failed COMMIT fails its whole group, and a
// commit resolves only once another connection can see its work.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createSqliteStore, type SqliteStoreOptions } from '../../runtime/state/sqlite-store';
import { inTransaction, type StateStore } from '../../runtime/state/store';
import { decision } from './fixtures';
import { tempDbPath } from './helpers';

/** Writes key `k/<id>` and decision `<id>` in one transaction. */
function writePair(store: StateStore, id: string): Promise<void> {
  return inTransaction(store, async (tx) => {
    await tx.put(`k/${id}`, id);
    await tx.appendDecision(decision(id));
  });
}

/** Which of `ids` have their key and their decision (throws on half a pair). */
async function committedIds(store: StateStore, ids: readonly string[]): Promise<string[]> {
  return inTransaction(store, async (tx) => {
    const present: string[] = [];
    for (const id of ids) {
      const [key, logged] = [await tx.get(`k/${id}`), await tx.getDecision(id)];
      if ((key === undefined) !== (logged === null)) throw new Error(`half of ${id} is there`);
      if (logged) present.push(id);
    }
    return present;
  });
}

const range = (n: number, prefix = 'd') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

async function concurrentWrites(options: SqliteStoreOptions, n: number) {
  const store = await createSqliteStore(tempDbPath(), options);
  await Promise.all(range(n).map((id) => writePair(store, id)));
  const stats = store.stats;
  expect(await committedIds(store, range(n))).toEqual(range(n));
  await store.close();
  return stats;
}

describe('sqlite group commit', () => {
  it('commits 200 concurrent transactions with far fewer outer COMMITs', async () => {
    const stats = await concurrentWrites({}, 200);
    expect(stats.transactions).toBe(200);
    expect(stats.commits).toBeLessThanOrEqual(10);
  });

  it('commits at most maxBatch transactions at a time', async () => {
    expect((await concurrentWrites({ groupCommit: { maxBatch: 4 } }, 10)).commits).toBe(3);
    expect((await concurrentWrites({ groupCommit: { maxBatch: 1 } }, 10)).commits).toBe(10);
  });

  it('commits a group once its first commit is maxWaitMs old', async () => {
    expect((await concurrentWrites({ groupCommit: { maxBatch: 1000, maxWaitMs: 0 } }, 10)).commits).toBe(10);
  });

  it('an abort in the middle of a group undoes only its own work', async () => {
    const store = await createSqliteStore(tempDbPath());
    const failing = inTransaction(store, async (tx) => {
      await tx.put('k/b', 'b');
      await tx.appendDecision(decision('b'));
      throw new Error('boom');
    });
    await Promise.all([writePair(store, 'a'), expect(failing).rejects.toThrow('boom'), writePair(store, 'c')]);
    expect(store.stats).toEqual({ commits: 1, transactions: 2 });
    expect(await committedIds(store, ['a', 'b', 'c'])).toEqual(['a', 'c']);
    await store.close();
  });

  it('a failing outer COMMIT rejects every commit of its group and leaves none of it', async () => {
    let fail = true;
    const store = await createSqliteStore(tempDbPath(), {
      // A dangling row violates the deferred foreign key, so the COMMIT itself fails.
      beforeCommit: (db) => {
        if (fail) db.prepare("INSERT INTO decision_users (decision_id, user_id) VALUES ('nope', 'u')").run();
      },
    });
    const results = await Promise.allSettled(range(5).map((id) => writePair(store, id)));
    expect(results.map((r) => r.status)).toEqual(Array(5).fill('rejected'));
    expect(String((results[0] as PromiseRejectedResult).reason)).toContain('FOREIGN KEY');
    fail = false;
    expect(await committedIds(store, range(5))).toEqual([]);
    await writePair(store, 'later');
    expect(await committedIds(store, ['later'])).toEqual(['later']);
    await store.close();
  });

  it('a commit resolves only when another connection can read its work', async () => {
    const path = tempDbPath();
    const store = await createSqliteStore(path);
    const reader = new Database(path, { readonly: true });
    const visible = () => reader.prepare("SELECT count(*) FROM kv WHERE key = 'k/a'").pluck().get();
    const first = await store.begin();
    await first.put('k/a', 1);
    const durable = first.commit();
    const second = await store.begin();
    expect(visible()).toBe(0);
    await second.abort();
    await durable;
    expect(visible()).toBe(1);
    reader.close();
    await store.close();
  });

  it('close waits for queued transactions and commits the pending group', async () => {
    const path = tempDbPath();
    const store = await createSqliteStore(path);
    const writes = range(3).map((id) => writePair(store, id));
    await store.close();
    await Promise.all(writes);
    const reopened = await createSqliteStore(path);
    expect(await committedIds(reopened, range(3))).toEqual(range(3));
    await reopened.close();
  });
});
