// The worker-backed SQLite store: the conformance suite, what it shares with the
// in-thread store on the same file (either reads what the other wrote), a
// commit that fails in the worker taking along the one that read its writes, and
// the commit feed: the keys of every commit, and those a failed group drops.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../runtime/state/sqlite-store';
import { createSqliteWorkerStore } from '../../runtime/state/sqlite-worker-store';
import { inTransaction } from '../../runtime/state/store';
import { describeStoreConformance } from './store-conformance';
import { decision } from './fixtures';
import { expectOneOfEach, tempDbPath, writeOneOfEach } from './helpers';

describeStoreConformance('sqlite worker', () => createSqliteWorkerStore(tempDbPath()));
describeStoreConformance('sqlite worker without group commit', () => createSqliteWorkerStore(tempDbPath(), { groupCommit: { maxBatch: 1 } }));

describe('worker-backed sqlite store', () => {
  it('writes what the in-thread store reads back, and the other way round', async () => {
    const path = tempDbPath();
    const store = await createSqliteWorkerStore(path);
    await inTransaction(store, async (tx) => {
      expect(await tx.nextSequence('decision')).toBe(1);
      await writeOneOfEach(tx);
    });
    const aborted = await store.begin();
    await aborted.put('k', 'aborted');
    expect(await aborted.nextSequence('decision')).toBe(2);
    await aborted.abort();
    await store.close();

    const inThread = await createSqliteStore(path);
    await inTransaction(inThread, async (tx) => {
      await expectOneOfEach(tx);
      expect(await tx.nextSequence('decision')).toBe(2);
      await tx.put('k', 'from the in-thread store');
    });
    await inThread.close();

    const again = await createSqliteWorkerStore(path);
    await inTransaction(again, async (tx) => {
      expect(await tx.get('k')).toBe('from the in-thread store');
      expect(await tx.nextSequence('decision')).toBe(3);
      expect(await tx.decisionForEvent('e-d1')).toEqual(decision('d1'));
    });
    await again.close();
  });

  it('fails a commit whose writes fail and one that read them, keeps nothing of either, and goes on', async () => {
    const path = tempDbPath();
    await (await createSqliteWorkerStore(path)).close();
    const db = new Database(path);
    db.exec("CREATE TRIGGER refuse BEFORE INSERT ON kv WHEN NEW.key = 'boom' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
    db.close();
    const store = await createSqliteWorkerStore(path);
    const fed: string[][] = [];
    store.onCommit((keys) => fed.push([...keys].sort()));
    const first = await store.begin();
    await first.put('a', 'from the failing one');
    await first.put('boom', 1);
    const failing = first.commit();
    const second = await store.begin();
    expect(await second.get('a')).toBe('from the failing one');
    await second.put('b', 'built on it');
    const built = second.commit();
    await expect(failing).rejects.toThrow('refused by the test');
    await expect(built).rejects.toThrow('an earlier commit of the state store failed');
    // Each commit's keys as it ends, then the keys whose pending writes the failed group dropped.
    expect(fed).toEqual([['a', 'boom'], ['b'], ['a', 'b', 'boom']]);
    await inTransaction(store, async (tx) => {
      expect(await tx.getMany(['a', 'b', 'boom'])).toEqual([undefined, undefined, undefined]);
      await tx.put('c', 3);
    });
    expect(await inTransaction(store, (tx) => tx.get('c'))).toBe(3);
    expect(fed.at(-1)).toEqual(['c']);
    await store.close();
  });

  it('refuses :memory:, which a second thread cannot open', async () => {
    await expect(createSqliteWorkerStore(':memory:')).rejects.toThrow('needs a file');
  });
});
