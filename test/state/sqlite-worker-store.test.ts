// The worker-backed SQLite store: the conformance suite, and what it shares with
// the in-thread store on the same file (either reads what the other wrote).
import { describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../runtime/state/sqlite-store';
import { createSqliteWorkerStore } from '../../runtime/state/sqlite-worker-store';
import { inTransaction } from '../../runtime/state/store';
import { describeStoreConformance } from './store-conformance';
import { decision, outboxItem, queueItem, timer } from './fixtures';
import { tempDbPath } from './helpers';

describeStoreConformance('sqlite worker', () => createSqliteWorkerStore(tempDbPath()));
describeStoreConformance('sqlite worker without group commit', () => createSqliteWorkerStore(tempDbPath(), { groupCommit: { maxBatch: 1 } }));

describe('worker-backed sqlite store', () => {
  it('writes what the in-thread store reads back, and the other way round', async () => {
    const path = tempDbPath();
    const store = await createSqliteWorkerStore(path);
    await inTransaction(store, async (tx) => {
      await tx.put('k', { a: [1, 2] });
      expect(await tx.nextSequence('decision')).toBe(1);
      await tx.appendDecision(decision('d1'));
      await tx.scheduleTimer(timer('t1', 5));
      await tx.enqueue(queueItem('q', 'r1'));
      await tx.addOutbox(outboxItem('o1'));
    });
    const aborted = await store.begin();
    await aborted.put('k', 'aborted');
    expect(await aborted.nextSequence('decision')).toBe(2);
    await aborted.abort();
    await store.close();

    const inThread = await createSqliteStore(path);
    await inTransaction(inThread, async (tx) => {
      expect(await tx.get('k')).toEqual({ a: [1, 2] });
      expect(await tx.nextSequence('decision')).toBe(2);
      expect(await tx.listDecisions({ user: 'u1' })).toEqual([decision('d1')]);
      expect(await tx.dueTimers(10)).toEqual([timer('t1', 5)]);
      expect(await tx.listQueue('q')).toEqual([queueItem('q', 'r1')]);
      expect(await tx.listOutbox(5)).toEqual([outboxItem('o1')]);
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

  it('refuses :memory:, which a second thread cannot open', async () => {
    await expect(createSqliteWorkerStore(':memory:')).rejects.toThrow('needs a file');
  });
});
