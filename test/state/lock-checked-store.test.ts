// The lock-checking wrapper itself: it lets the engine's transactions through
// (every engine test in test/runtime runs over it), and refuses a write outside
// the locks held and a lock taken out of the contract's class order.
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../runtime/state/memory-store';
import { inTransaction } from '../../runtime/state/store';
import { Harness, usersYaml } from '../runtime/helpers';
import { decision, queueItem, timer } from './fixtures';
import { LockCheckedStore, lockFor } from './lock-checked-store';

describe('the lock-checking store', () => {
  it('maps every engine key to the lock that covers it', () => {
    expect(lockFor('rr/web-leads/pool')).toBe('rule/web-leads');
    expect(lockFor('cursor/web-leads')).toBe('rule/web-leads');
    expect(lockFor('seed/web-leads')).toBe('rule/web-leads');
    expect(lockFor('user/ana/open_load')).toBe('user/ana');
    expect(lockFor('quota/ana/day/2026-11-23')).toBe('user/ana');
    expect(lockFor('record/lead/L1')).toBe('record/lead/L1');
    expect(lockFor('seq/decision')).toBeNull();
  });

  it('refuses writes outside the locks held', async () => {
    const store = new LockCheckedStore(new MemoryStore());
    await expect(inTransaction(store, (tx) => tx.put('user/ana/open_load', 1))).rejects.toThrow('writing `user/ana/open_load` without holding `user/ana`');
    await expect(inTransaction(store, (tx) => tx.put('seq/decision', 1))).rejects.toThrow('is in no lock class');
    await expect(inTransaction(store, (tx) => tx.appendDecision(decision('d1')))).rejects.toThrow('without holding `record/lead/');
    await expect(inTransaction(store, (tx) => tx.scheduleTimer(timer('t1', 1)))).rejects.toThrow('scheduling timer t1 without holding');
    await expect(inTransaction(store, (tx) => tx.enqueue(queueItem('q', 'r1')))).rejects.toThrow('queueing lead r1 without holding `record/lead/r1`');
    await inTransaction(store, async (tx) => {
      await tx.lock(['record/lead/r1']);
      await tx.enqueue(queueItem('q', 'r1'));
    });
    expect(store.violations).toHaveLength(5);
  });

  it('refuses locks out of class order, and a second call for the last class', async () => {
    const store = new LockCheckedStore(new MemoryStore());
    await expect(
      inTransaction(store, async (tx) => {
        await tx.lock(['rule/r1']);
        await tx.lock(['record/lead/L1']);
      }),
    ).rejects.toThrow('`record/lead/L1` locked after a lock of its class or a later one');
    await expect(
      inTransaction(store, async (tx) => {
        await tx.lock(['user/a', 'user/b']);
        await tx.lock(['user/a']);
        await tx.lock(['user/c']);
      }),
    ).rejects.toThrow('`user/c` locked after');
    await inTransaction(store, async (tx) => {
      await tx.lock(['event/e1']);
      await tx.lock(['record/lead/L1']);
      await tx.lock(['rule/r1']);
      await tx.lock(['user/b', 'user/a']);
      await tx.lock(['user/a']);
    });
  });

  it('passes the engine: assignments, a fallback user, re-assignment, close and manual assignment', async () => {
    const h = new Harness(
      `rule "Web" {
  priority 10
  on lead.created
  assign users "ana", "bob"
  distribute round_robin
  reassign after 10m when lead.status == "new" max 1
  fallback user "zed"
}`,
      usersYaml(['ana', 'bob', 'zed']),
    );
    const first = await h.send({ status: 'new' });
    await h.send({ status: 'new' });
    const fired = await h.advance(11 * 60_000);
    expect(fired.map((d) => d.cause)).toEqual(['reassign', 'reassign']);
    const again = await h.advance(11 * 60_000);
    expect(again.map((d) => d.assigned)).toEqual([['zed'], ['zed']]);
    await h.engine.reportAssignment({ entity: 'lead', recordId: first.recordId, user: 'bob', counts: true });
    expect(await h.engine.closeRecord('lead', first.recordId)).toBe(true);
  });
});
