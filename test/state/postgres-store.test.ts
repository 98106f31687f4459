// The PostgreSQL store: the conformance suite on a fresh schema per test, then
// what only a shared store must do — locks that serialise transactions of
// several connections, timers and outbox items claimed once, unique sequence
// numbers under concurrency, one first decision per event id, migrations that
// run once when several processes start together, a newer schema refused, and
// publish/subscribe across stores.
import pg from 'pg';
import { expect, it } from 'vitest';
import { openStore } from '../../runtime/state/open-store';
import { createPostgresStore, parsePostgresUrl, type PostgresStore } from '../../runtime/state/postgres-store';
import { PG_SCHEMA_VERSION } from '../../runtime/state/postgres-schema';
import { inTransaction, type StateStore } from '../../runtime/state/store';
import { describePostgres, freshSchemaUrl } from '../helpers/postgres';
import { decision, outboxItem, timer } from './fixtures';
import { describeStoreConformance } from './store-conformance';

async function open(url: string): Promise<PostgresStore> {
  const location = parsePostgresUrl(url);
  if ('error' in location) throw new Error(location.error);
  return createPostgresStore(location, { poolSize: 8 });
}

describePostgres('postgres store', (base) => {
  describeStoreConformance('postgres', () => openStore(freshSchemaUrl(base)), { serial: false });

  const withStores = async (count: number, work: (stores: PostgresStore[]) => Promise<void>) => {
    const url = freshSchemaUrl(base);
    const stores: PostgresStore[] = [];
    for (let i = 0; i < count; i++) stores.push(await open(url));
    try {
      await work(stores);
    } finally {
      for (const store of stores) await store.close();
    }
  };

  it('a lock makes a second transaction wait until the first commits, then it reads the commit', async () => {
    await withStores(2, async ([a, b]) => {
      const first = await a!.begin();
      await first.lock(['rule/r1']);
      await first.put('rr/r1/pool', ['u1']);
      const order: string[] = [];
      const second = (async () => {
        const tx = await b!.begin();
        await tx.lock(['rule/r1']);
        order.push('second locked');
        const seen = await tx.get('rr/r1/pool');
        await tx.commit();
        return seen;
      })();
      await new Promise((resolve) => setTimeout(resolve, 100));
      order.push('first commits');
      await first.commit();
      expect(await second).toEqual(['u1']);
      expect(order).toEqual(['first commits', 'second locked']);
    });
  });

  it('counters under locks lose no update across 4 stores and 200 concurrent transactions', async () => {
    await withStores(4, async (stores) => {
      await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          inTransaction(stores[i % 4] as StateStore, async (tx) => {
            await tx.lock(['user/u1', `user/u${2 + (i % 3)}`]);
            for (const key of ['user/u1/open_load', `user/u${2 + (i % 3)}/open_load`]) {
              const n = await tx.get(key);
              await tx.put(key, (typeof n === 'number' ? n : 0) + 1);
            }
          }),
        ),
      );
      const counts = await inTransaction(stores[0]!, (tx) => tx.getMany(['user/u1/open_load', 'user/u2/open_load', 'user/u3/open_load', 'user/u4/open_load']));
      expect(counts).toEqual([200, 67, 67, 66]);
    });
  });

  it('sequence numbers stay unique with concurrent transactions on several stores', async () => {
    await withStores(3, async (stores) => {
      const numbers = await Promise.all(Array.from({ length: 90 }, (_, i) => inTransaction(stores[i % 3]!, (tx) => tx.nextSequence('decision'))));
      expect(new Set(numbers).size).toBe(90);
    });
  });

  it('each due timer is claimed by one transaction while others skip it', async () => {
    await withStores(2, async ([a, b]) => {
      await inTransaction(a!, async (tx) => {
        for (let i = 1; i <= 4; i++) await tx.scheduleTimer(timer(`t${i}`, i));
      });
      const first = await a!.begin();
      const second = await b!.begin();
      const claimed = [await first.claimDue(10), await second.claimDue(10), await first.claimDue(10), await second.claimDue(10)];
      expect(claimed.map((t) => t?.id)).toEqual(['t1', 't2', 't3', 't4']);
      expect(await second.claimDue(10)).toBeNull();
      await first.commit();
      await second.abort();
      expect((await inTransaction(a!, (tx) => tx.dueTimers(10))).map((t) => t.id)).toEqual(['t2', 't4']);
    });
  });

  it('an outbox item is claimed by the process that added it until its lease lapses', async () => {
    await withStores(2, async ([a, b]) => {
      await inTransaction(a!, (tx) => tx.addOutbox(outboxItem('o1')));
      const now = Date.now();
      expect(await inTransaction(b!, (tx) => tx.claimOutbox(10, now, 30_000))).toEqual([]);
      const later = now + 120_000;
      expect((await inTransaction(b!, (tx) => tx.claimOutbox(10, later, 30_000))).map((o) => o.id)).toEqual(['o1']);
      expect(await inTransaction(a!, (tx) => tx.claimOutbox(10, later + 1000, 30_000))).toEqual([]);
    });
  });

  it('keeps the first decision of an event id, also when two stores log one at once', async () => {
    await withStores(2, async ([a, b]) => {
      const one = await a!.begin();
      const two = await b!.begin();
      await one.appendDecision(decision('d1', { eventId: 'e1' }));
      await one.commit();
      await two.appendDecision(decision('d2', { eventId: 'e1', cause: 'reassign' }));
      await two.commit();
      expect((await inTransaction(b!, (tx) => tx.decisionForEvent('e1')))?.id).toBe('d1');
    });
  });

  it('migrates once when several processes start together, and refuses a newer schema', async () => {
    const url = freshSchemaUrl(base);
    const stores = await Promise.all([open(url), open(url), open(url)]);
    for (const store of stores) await store.close();
    const location = parsePostgresUrl(url) as { url: string; schema: string };
    const client = new pg.Client({ connectionString: location.url });
    await client.connect();
    try {
      const versions = await client.query(`SELECT version FROM "${location.schema}".schema_version ORDER BY version`);
      expect(versions.rows.map((r: { version: number }) => r.version)).toEqual(Array.from({ length: PG_SCHEMA_VERSION }, (_, i) => i + 1));
      await client.query(`INSERT INTO "${location.schema}".schema_version (version) VALUES ($1)`, [PG_SCHEMA_VERSION + 1]);
    } finally {
      await client.end();
    }
    await expect(open(url)).rejects.toThrow(`has schema version ${PG_SCHEMA_VERSION + 1}, but this dist supports up to ${PG_SCHEMA_VERSION}`);
  });

  it('publish reaches the subscribers of other stores on the same schema once the transaction commits', async () => {
    await withStores(2, async ([a, b]) => {
      let heard = 0;
      await b!.subscribe('directory', () => heard++);
      const tx = await a!.begin();
      await tx.publish('directory');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(heard).toBe(0);
      await tx.commit();
      await expect.poll(() => heard, { timeout: 2000 }).toBe(1);
    });
  });

  it('names the database in an error when it cannot connect, and rejects a bad schema name', async () => {
    await expect(openStore('postgres://nobody:secret@127.0.0.1:1/none')).rejects.toThrow(/cannot open the PostgreSQL state `postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none` \(schema public\)/);
    await expect(openStore(`${base}?schema=bad-name`)).rejects.toThrow('must be a plain name');
  });
});
