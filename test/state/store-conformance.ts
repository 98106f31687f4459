// The state-store conformance suite (store.ts's contract), written once and run
// against every store: the memory, SQLite and PostgreSQL stores behave the same.
// Single-process stores also run transactions one at a time (`serial`); the
// PostgreSQL store's concurrency is tested in postgres-store.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inTransaction, type StateStore, type Transaction } from '../../runtime/state/store';
import { decision, outboxItem, queueItem, timer } from './fixtures';

/** Registers the conformance tests for a store; `makeStore` returns a fresh, empty one each call. */
export function describeStoreConformance(name: string, makeStore: () => Promise<StateStore>, options: { serial?: boolean } = { serial: true }): void {
  describe(`${name}: store conformance`, () => {
    let store: StateStore;
    const run = <T>(work: (tx: Transaction) => Promise<T>) => inTransaction(store, work);
    const ids = (list: readonly { id: string }[]) => list.map((item) => item.id);

    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it('reads its own writes, and later transactions read committed ones', async () => {
      await run(async (tx) => {
        expect(await tx.get('a')).toBeUndefined();
        await tx.put('a', { n: 1 });
        await tx.put('b', [1, 'x', null, true]);
        expect(await tx.get('a')).toEqual({ n: 1 });
        const many = await tx.getMany(['b', 'missing', 'a', 'a']);
        expect(many).toEqual([[1, 'x', null, true], undefined, { n: 1 }, { n: 1 }]);
        await tx.delete('a');
        expect(await tx.get('a')).toBeUndefined();
      });
      await run(async (tx) => {
        expect(await tx.getMany(['a', 'b'])).toEqual([undefined, [1, 'x', null, true]]);
        await tx.put('b', 2);
      });
      expect(await run((tx) => tx.get('b'))).toBe(2);
    });

    it('reads back a null it wrote, before and after commit', async () => {
      await run(async (tx) => {
        await tx.put('n', 1);
      });
      await run(async (tx) => {
        await tx.put('n', null);
        expect(await tx.get('n')).toBeNull();
        expect(await tx.getMany(['n'])).toEqual([null]);
      });
      expect(await run((tx) => tx.get('n'))).toBeNull();
    });

    it('abort discards everything the transaction did', async () => {
      const snapshot = async (tx: Transaction) => ({
        kv: await tx.getMany(['keep', 'gone', 'new']),
        decisions: ids(await tx.listDecisions({})),
        timers: ids(await tx.dueTimers(Infinity)),
        queue: (await tx.listQueue('q')).map((item) => item.recordId),
        outbox: ids(await tx.listOutbox(10)),
      });
      await run(async (tx) => {
        await tx.put('keep', 1);
        await tx.put('gone', 2);
        await tx.appendDecision(decision('d1'));
        await tx.scheduleTimer(timer('t1', 5));
        await tx.enqueue(queueItem('q', 'r1'));
        await tx.addOutbox(outboxItem('o1'));
      });
      const before = await run(snapshot);
      const tx = await store.begin();
      await tx.put('keep', 10);
      await tx.delete('gone');
      await tx.put('new', 3);
      await tx.appendDecision(decision('d2'));
      await tx.scheduleTimer(timer('t2', 1));
      await tx.deleteTimer('t1');
      await tx.dequeue('q', 'lead', 'r1');
      await tx.enqueue(queueItem('q', 'r2'));
      await tx.deleteOutbox('o1');
      await tx.addOutbox(outboxItem('o2'));
      expect(await snapshot(tx)).not.toEqual(before);
      await tx.abort();
      expect(await run(snapshot)).toEqual(before);
    });

    it('an ended transaction refuses further writes', async () => {
      const tx = await store.begin();
      await tx.commit();
      await expect(tx.put('a', 1)).rejects.toThrow('transaction already ended');
      await expect(tx.commit()).rejects.toThrow();
      await tx.abort();
    });

    it('values go in and come out as copies', async () => {
      const value = { list: [1] };
      const d = decision('d1');
      const t = timer('t1', 5);
      const q = queueItem('q', 'r1');
      const o = outboxItem('o1');
      const mutateAll = async (tx: Transaction) => {
        ((await tx.get('k')) as { list: number[] }).list.push(2);
        ((await tx.getMany(['k']))[0] as { list: number[] }).list.push(2);
        (await tx.getDecision('d1'))!.assigned.push('x');
        (await tx.decisionForEvent('e-d1'))!.assigned.push('x');
        (await tx.listDecisions({}))[0]!.assigned.push('x');
        (await tx.dueTimers(10))[0]!.dueAt = 99;
        (await tx.listQueue('q'))[0]!.reason = 'changed';
        (await tx.listOutbox(1))[0]!.createdAt = 99;
      };
      const expectUnchanged = async (tx: Transaction) => {
        expect(await tx.get('k')).toEqual({ list: [1] });
        expect(await tx.getDecision('d1')).toEqual(decision('d1'));
        expect(await tx.dueTimers(10)).toEqual([timer('t1', 5)]);
        expect(await tx.listQueue('q')).toEqual([queueItem('q', 'r1')]);
        expect(await tx.listOutbox(1)).toEqual([outboxItem('o1')]);
      };
      await run(async (tx) => {
        await tx.put('k', value);
        await tx.appendDecision(d);
        await tx.scheduleTimer(t);
        await tx.enqueue(q);
        await tx.addOutbox(o);
        value.list.push(3);
        d.assigned.push('x');
        t.dueAt = 1;
        q.reason = 'changed';
        o.createdAt = 1;
        await mutateAll(tx);
        await expectUnchanged(tx);
      });
      await run(async (tx) => {
        await mutateAll(tx);
        await expectUnchanged(tx);
      });
    });

    it('decisionForEvent answers the first decision of an event, pending or committed', async () => {
      await run(async (tx) => {
        expect(await tx.decisionForEvent('e1')).toBeNull();
        await tx.appendDecision(decision('d1', { eventId: 'e1' }));
        await tx.appendDecision(decision('d2', { eventId: 'e1', cause: 'reassign' }));
        expect((await tx.decisionForEvent('e1'))?.id).toBe('d1');
      });
      await run(async (tx) => {
        await tx.appendDecision(decision('d3', { eventId: 'e1', cause: 'retry' }));
        await tx.appendDecision(decision('d4', { eventId: 'e2' }));
        expect((await tx.decisionForEvent('e1'))?.id).toBe('d1');
        expect((await tx.decisionForEvent('e2'))?.id).toBe('d4');
        expect(await tx.getDecision('d3')).toEqual(decision('d3', { eventId: 'e1', cause: 'retry' }));
        expect(await tx.getDecision('nope')).toBeNull();
      });
      expect((await run((tx) => tx.decisionForEvent('e2')))?.id).toBe('d4');
    });

    it('listDecisions filters, newest first, across committed and pending decisions', async () => {
      await run(async (tx) => {
        await tx.appendDecision(decision('d1', { recordId: 'a', ruleId: 'r1', assigned: ['u1'], decidedAt: 100 }));
        await tx.appendDecision(
          decision('d2', { recordId: 'b', ruleId: 'r2', team: 'East', assigned: ['u1', 'u2'], decidedAt: 200 }),
        );
        await tx.appendDecision(
          decision('d3', { recordId: 'a', ruleId: null, outcome: 'unmatched', assigned: [], decidedAt: 300 }),
        );
      });
      await run(async (tx) => {
        await tx.appendDecision(decision('d4', { entity: 'deal', recordId: 'a', outcome: 'fallback', decidedAt: 400 }));
        const list = async (filter: Parameters<Transaction['listDecisions']>[0]) => ids(await tx.listDecisions(filter));
        expect(await list({})).toEqual(['d4', 'd3', 'd2', 'd1']);
        expect(await list({ recordId: 'a' })).toEqual(['d4', 'd3', 'd1']);
        expect(await list({ entity: 'lead', recordId: 'a' })).toEqual(['d3', 'd1']);
        expect(await list({ ruleId: 'r1' })).toEqual(['d4', 'd1']);
        expect(await list({ user: 'u1' })).toEqual(['d4', 'd2', 'd1']);
        expect(await list({ user: 'u2' })).toEqual(['d2']);
        expect(await list({ outcome: 'unmatched' })).toEqual(['d3']);
        expect(await list({ outcome: 'fallback' })).toEqual(['d4']);
        expect(await list({ fromMs: 200, toMs: 400 })).toEqual(['d3', 'd2']);
        expect(await list({ user: 'u1', fromMs: 150 })).toEqual(['d4', 'd2']);
        expect(await list({ ruleId: 'r2', user: 'u9' })).toEqual([]);
        expect(await list({ team: 'East' })).toEqual(['d2']);
        expect(await list({ team: 'East', user: 'u2', fromMs: 100 })).toEqual(['d2']);
        expect(await list({ team: 'West' })).toEqual([]);
        expect((await tx.listDecisions({ team: 'East' }))[0]?.team).toBe('East');
      });
    });

    it('listDecisions pages with limit and the before cursor', async () => {
      await run(async (tx) => {
        for (let i = 0; i < 105; i++) await tx.appendDecision(decision(`d${i}`, { recordId: i % 2 ? 'odd' : 'even' }));
      });
      await run(async (tx) => {
        const all = ids(await tx.listDecisions({}));
        expect(all).toHaveLength(100);
        expect(all[0]).toBe('d104');
        expect(ids(await tx.listDecisions({ limit: 3 }))).toEqual(['d104', 'd103', 'd102']);
        expect(ids(await tx.listDecisions({ limit: 3, before: 'd102' }))).toEqual(['d101', 'd100', 'd99']);
        expect(ids(await tx.listDecisions({ limit: 2, before: 'd7', recordId: 'odd' }))).toEqual(['d5', 'd3']);
        expect(ids(await tx.listDecisions({ before: 'd2' }))).toEqual(['d1', 'd0']);
        expect(ids(await tx.listDecisions({ before: 'd0' }))).toEqual([]);
        expect(ids(await tx.listDecisions({ limit: 1, before: 'unknown' }))).toEqual(['d104']);
        expect(await tx.listDecisions({ limit: 0 })).toEqual([]);
      });
    });

    it('timers come due by due time then id', async () => {
      await run(async (tx) => {
        expect(await tx.nextTimerAt()).toBeNull();
        await tx.scheduleTimer(timer('t3', 30));
        await tx.scheduleTimer(timer('t2', 10));
        await tx.scheduleTimer(timer('t1', 10));
        await tx.scheduleTimer(timer('t4', 50));
        expect(await tx.nextTimerAt()).toBe(10);
      });
      await run(async (tx) => {
        expect(ids(await tx.dueTimers(30))).toEqual(['t1', 't2', 't3']);
        expect(ids(await tx.dueTimers(9))).toEqual([]);
        await tx.deleteTimer('t1');
        await tx.deleteTimer('t2');
        await tx.scheduleTimer(timer('t4', 5));
        expect(await tx.nextTimerAt()).toBe(5);
        expect(await tx.dueTimers(100)).toEqual([timer('t4', 5), timer('t3', 30)]);
      });
      expect(await run((tx) => tx.nextTimerAt())).toBe(5);
    });

    it('queues keep enqueue order; re-enqueueing moves an item to the end', async () => {
      const records = async (tx: Transaction, queue: string) => (await tx.listQueue(queue)).map((i) => i.recordId);
      await run(async (tx) => {
        await tx.enqueue(queueItem('q', 'r2', 5));
        await tx.enqueue(queueItem('q', 'r1', 1));
        await tx.enqueue(queueItem('other', 'r1'));
        await tx.enqueue(queueItem('q', 'r3'));
      });
      await run(async (tx) => {
        expect(await records(tx, 'q')).toEqual(['r2', 'r1', 'r3']);
        await tx.enqueue({ ...queueItem('q', 'r2'), reason: 'again' });
        expect(await records(tx, 'q')).toEqual(['r1', 'r3', 'r2']);
        expect((await tx.listQueue('q'))[2]?.reason).toBe('again');
        expect(await tx.dequeue('q', 'lead', 'r1')).toBe(true);
        expect(await tx.dequeue('q', 'lead', 'r1')).toBe(false);
        expect(await tx.dequeue('q', 'lead', 'nope')).toBe(false);
      });
      await run(async (tx) => {
        expect(await records(tx, 'q')).toEqual(['r3', 'r2']);
        expect(await records(tx, 'other')).toEqual(['r1']);
        expect(await tx.listQueue('empty')).toEqual([]);
      });
    });

    it('keeps records of two entities with one id apart in a queue', async () => {
      await run(async (tx) => {
        await tx.enqueue(queueItem('q', 'same1'));
        await tx.enqueue({ ...queueItem('q', 'same1'), entity: 'opportunity' });
      });
      await run(async (tx) => {
        expect((await tx.listQueue('q')).map((i) => `${i.entity}/${i.recordId}`)).toEqual(['lead/same1', 'opportunity/same1']);
        expect(await tx.dequeue('q', 'opportunity', 'same1')).toBe(true);
        expect(await tx.dequeue('q', 'opportunity', 'same1')).toBe(false);
      });
      await run(async (tx) => expect((await tx.listQueue('q')).map((i) => `${i.entity}/${i.recordId}`)).toEqual(['lead/same1']));
    });

    it('the outbox lists in insertion order up to a limit and deletes', async () => {
      await run(async (tx) => {
        for (const id of ['o2', 'o1', 'o3']) await tx.addOutbox(outboxItem(id, 10));
      });
      await run(async (tx) => {
        expect(ids(await tx.listOutbox(2))).toEqual(['o2', 'o1']);
        await tx.addOutbox(outboxItem('o4'));
        await tx.addOutbox(outboxItem('o2', 99));
        await tx.deleteOutbox('o1');
        expect(await tx.listOutbox(10)).toEqual([outboxItem('o2', 99), outboxItem('o3', 10), outboxItem('o4')]);
      });
      expect(ids(await run((tx) => tx.listOutbox(10)))).toEqual(['o2', 'o3', 'o4']);
      expect(await run((tx) => tx.listOutbox(0))).toEqual([]);
    });

    it('keeps keys and values with quotes, backslashes, placeholders and other scripts exactly', async () => {
      const odd = ["it's", 'back\\slash', '$1 and $2', "E'\\x41'", '"quoted"', 'Лиды 🚀', 'semi;colon--'];
      await run(async (tx) => {
        await tx.lock(odd.map((k) => `user/${k}`));
        for (const key of odd) await tx.put(`user/${key}/open_load`, { key, list: [key] });
        await tx.appendDecision(decision('d1', { eventId: odd[0], recordId: odd[2], assigned: [odd[3] as string] }));
        await tx.enqueue(queueItem('q', odd[1] as string));
      });
      await run(async (tx) => {
        expect(await tx.getMany(odd.map((k) => `user/${k}/open_load`))).toEqual(odd.map((key) => ({ key, list: [key] })));
        expect((await tx.decisionForEvent(odd[0] as string))?.recordId).toBe(odd[2]);
        expect(ids(await tx.listDecisions({ user: odd[3] }))).toEqual(['d1']);
        expect((await tx.listQueue('q')).map((i) => i.recordId)).toEqual([odd[1]]);
      });
    });

    it('hands out sequence numbers from 1, per name, increasing across transactions', async () => {
      const first = await run(async (tx) => [await tx.nextSequence('decision'), await tx.nextSequence('decision'), await tx.nextSequence('timer')]);
      expect(first).toEqual([1, 2, 1]);
      const next = await run((tx) => tx.nextSequence('decision'));
      expect(next).toBeGreaterThan(2);
    });

    it('claimDue takes the first due timer out of the store, once', async () => {
      await run(async (tx) => {
        await tx.scheduleTimer(timer('t2', 20));
        await tx.scheduleTimer(timer('t1', 10));
        await tx.scheduleTimer(timer('t3', 99));
      });
      expect(await run((tx) => tx.claimDue(5))).toBeNull();
      const claimed = await run(async (tx) => [await tx.claimDue(50), await tx.claimDue(50), await tx.claimDue(50)]);
      expect(claimed).toEqual([timer('t1', 10), timer('t2', 20), null]);
      const tx = await store.begin();
      expect((await tx.claimDue(100))?.id).toBe('t3');
      await tx.abort();
      expect(ids(await run((tx2) => tx2.dueTimers(100)))).toEqual(['t3']);
    });

    it('claimOutbox answers unclaimed items in insertion order; publish is accepted', async () => {
      await run(async (tx) => {
        for (const id of ['o2', 'o1']) await tx.addOutbox(outboxItem(id, 10));
        await tx.publish('directory');
      });
      const later = Date.now() + 3_600_000;
      expect(ids(await run((tx) => tx.claimOutbox(10, later, 1000)))).toEqual(['o2', 'o1']);
      expect(ids(await run((tx) => tx.listOutbox(10)))).toEqual(['o2', 'o1']);
    });

    if (options.serial) it('runs transactions one at a time, in order', async () => {
      const first = await store.begin();
      const events: string[] = [];
      const second = store.begin().then((tx) => (events.push('second began'), tx));
      const third = store.begin().then((tx) => (events.push('third began'), tx));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(events).toEqual([]);
      await first.put('k', 1);
      // With group commit, commit() resolves only after the transactions begun meanwhile end.
      const firstDurable = first.commit();
      const tx2 = await second;
      expect(events).toEqual(['second began']);
      expect(await tx2.get('k')).toBe(1);
      await tx2.put('k', 2);
      const secondDurable = tx2.commit();
      const tx3 = await third;
      expect(await tx3.get('k')).toBe(2);
      await tx3.abort();
      await Promise.all([firstDurable, secondDurable]);
      expect(events).toEqual(['second began', 'third began']);
    });
  });
}
