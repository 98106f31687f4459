// The memory store honours the transaction contract: reads see own writes,
// abort discards everything, commit publishes everything, and transactions run
// one at a time.
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../runtime/state/memory-store';
import { inTransaction, type QueueItem, type Timer } from '../../runtime/state/store';
import type { Decision } from '../../runtime/types';

const timer = (id: string, dueAt: number): Timer => ({ id, dueAt, kind: 'retry', entity: 'lead', recordId: 'L1', ruleId: null, queue: 'q', eventId: 'e', eventType: 'lead.created', generation: 1 });
const item = (recordId: string): QueueItem => ({ queue: 'q', entity: 'lead', recordId, eventId: 'e', eventType: 'lead.created', decisionId: 'd', enqueuedAt: 0, reason: 'r', retryUntil: null });
const decision = (id: string, eventId: string): Decision => ({
  id, eventId, eventType: 'lead.created', entity: 'lead', recordId: 'L1', decidedAt: 0, outcome: 'assigned', ruleId: 'r', rule: 'R', assigned: ['a'], reason: null, queue: null, cause: 'event',
  trace: { match: { via: 'reassign' }, filters: [], outcome: { outcome: 'assigned', assigned: ['a'], reason: null, queue: null } },
});

describe('memory store', () => {
  it('abort discards every kind of write', async () => {
    const store = new MemoryStore();
    const before = store.snapshot();
    const tx = await store.begin();
    await tx.put('k', { a: [1] });
    expect(await tx.get('k')).toEqual({ a: [1] });
    await tx.appendDecision(decision('d1', 'e1'));
    expect(await tx.decisionForEvent('e1')).not.toBeNull();
    await tx.scheduleTimer(timer('t1', 5));
    await tx.enqueue(item('L1'));
    await tx.addOutbox({ id: 'o1', decisionId: 'd1', createdAt: 0 });
    await tx.abort();
    expect(store.snapshot()).toEqual(before);
  });

  it('commit publishes writes, and values are copied in and out', async () => {
    const store = new MemoryStore();
    const value = { n: 1 };
    await inTransaction(store, async (tx) => {
      await tx.put('k', value);
      await tx.appendDecision(decision('d1', 'e1'));
      await tx.appendDecision(decision('d2', 'e1'));
      await tx.scheduleTimer(timer('t2', 9));
      await tx.scheduleTimer(timer('t1', 5));
      await tx.enqueue(item('L1'));
      await tx.enqueue(item('L2'));
    });
    value.n = 2;
    await inTransaction(store, async (tx) => {
      const read = (await tx.get('k')) as { n: number };
      expect(read).toEqual({ n: 1 });
      read.n = 3;
      expect(await tx.get('k')).toEqual({ n: 1 });
      expect((await tx.decisionForEvent('e1'))?.id).toBe('d1');
      expect((await tx.listDecisions({})).map((d) => d.id)).toEqual(['d2', 'd1']);
      expect((await tx.dueTimers(9)).map((t) => t.id)).toEqual(['t1', 't2']);
      expect(await tx.nextTimerAt()).toBe(5);
      expect(await tx.dequeue('q', 'lead', 'L1')).toBe(true);
      expect((await tx.listQueue('q')).map((i) => i.recordId)).toEqual(['L2']);
    });
    await inTransaction(store, async (tx) => expect((await tx.listQueue('q')).map((i) => i.recordId)).toEqual(['L2']));
  });

  it('runs transactions one at a time', async () => {
    const store = new MemoryStore();
    const increment = () =>
      inTransaction(store, async (tx) => {
        const n = ((await tx.get('n')) as number | undefined) ?? 0;
        await new Promise((resolve) => setTimeout(resolve, 1));
        await tx.put('n', n + 1);
      });
    await Promise.all(Array.from({ length: 20 }, increment));
    await inTransaction(store, async (tx) => expect(await tx.get('n')).toBe(20));
  });

  it('rejects use of an ended transaction', async () => {
    const store = new MemoryStore();
    const tx = await store.begin();
    await tx.commit();
    await expect(tx.put('k', 1)).rejects.toThrow(/already ended/);
  });
});
