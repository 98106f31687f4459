// The SQLite store: the conformance suite on a file and in memory, durability across
// close and reopen, the pragmas, and the schema version check.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../runtime/state/sqlite-schema';
import { createSqliteStore } from '../../runtime/state/sqlite-store';
import { inTransaction } from '../../runtime/state/store';
import { describeStoreConformance } from './store-conformance';
import { queueItem } from './fixtures';
import { expectOneOfEach, tempDbPath, writeOneOfEach } from './helpers';

describeStoreConformance('sqlite file', () => createSqliteStore(tempDbPath()));
describeStoreConformance('sqlite :memory:', () => createSqliteStore(':memory:'));
describeStoreConformance('sqlite without group commit', () =>
  createSqliteStore(tempDbPath(), { groupCommit: { maxBatch: 1 } }),
);

describe('sqlite store', () => {
  it('keeps everything committed across close and reopen, and nothing aborted', async () => {
    const path = tempDbPath();
    const store = await createSqliteStore(path);
    await inTransaction(store, writeOneOfEach);
    const aborted = await store.begin();
    await aborted.put('k', 'aborted');
    await aborted.abort();
    await store.close();

    const reopened = await createSqliteStore(path);
    await inTransaction(reopened, expectOneOfEach);
    await reopened.close();
  });

  it('runs with WAL, synchronous=FULL and foreign keys', async () => {
    let pragmas: unknown[] = [];
    const store = await createSqliteStore(tempDbPath(), {
      beforeCommit: (db) => {
        pragmas = ['journal_mode', 'synchronous', 'foreign_keys'].map((name) => db.pragma(name, { simple: true }));
      },
    });
    await inTransaction(store, (tx) => tx.put('k', 1));
    await store.close();
    expect(pragmas).toEqual(['wal', 2, 1]);
  });

  it('refuses a database written by a newer schema version', async () => {
    const path = tempDbPath();
    await (await createSqliteStore(path)).close();
    const db = new Database(path);
    db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(SCHEMA_VERSION + 1);
    db.close();
    await expect(createSqliteStore(path)).rejects.toThrow(
      `has schema version ${SCHEMA_VERSION + 1}, but this dist supports up to ${SCHEMA_VERSION}`,
    );
  });

  it('opens a current database while another process holds its write lock', async () => {
    const path = tempDbPath();
    await (await createSqliteStore(path)).close();
    const writer = new Database(path, { timeout: 0 });
    writer.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    const reader = await createSqliteStore(path);
    expect(Date.now() - started).toBeLessThan(4000);
    await reader.close();
    writer.exec('ROLLBACK');
    writer.close();
  });

  it('names the lock when a database to migrate stays locked by another process', async () => {
    const path = tempDbPath();
    mkdirSync(dirname(path), { recursive: true });
    const writer = new Database(path, { timeout: 0 });
    writer.exec(MIGRATIONS[0]!);
    writer.exec('CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (1); BEGIN IMMEDIATE');
    await expect(createSqliteStore(path)).rejects.toThrow(`state database \`${path}\` stayed locked by another process for more than 5 s`);
    writer.exec('ROLLBACK');
    writer.close();
  }, 15_000);

  it('moves the queue items of a version 1 database to entity-and-id keys', async () => {
    const path = tempDbPath();
    mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    db.exec(MIGRATIONS[0]!);
    db.exec('CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (1)');
    const insert = db.prepare('INSERT INTO queue_items (queue, record_id, enqueued_at, body) VALUES (?, ?, ?, ?)');
    for (const id of ['r1', 'r2']) insert.run('q', id, 1000, JSON.stringify(queueItem('q', id)));
    db.close();
    const store = await createSqliteStore(path);
    await inTransaction(store, async (tx) => {
      expect(await tx.listQueue('q')).toEqual([queueItem('q', 'r1'), queueItem('q', 'r2')]);
      await tx.enqueue({ ...queueItem('q', 'r1'), entity: 'opportunity' });
      expect(await tx.dequeue('q', 'lead', 'r2')).toBe(true);
    });
    await inTransaction(store, async (tx) => expect((await tx.listQueue('q')).map((i) => `${i.entity}/${i.recordId}`)).toEqual(['lead/r1', 'opportunity/r1']));
    await store.close();
  });

  it('refuses transactions once closed', async () => {
    const store = await createSqliteStore(':memory:');
    await store.close();
    await store.close();
    await expect(store.begin()).rejects.toThrow('closed');
  });
});
