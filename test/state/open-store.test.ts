// State URLs: which store each names, SQLite paths against the base folder,
// PostgreSQL URLs with their schema, and errors that name the problem without
// showing a password.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../runtime/state/memory-store';
import { openStore, parseStateUrl } from '../../runtime/state/open-store';
import { SqliteStore } from '../../runtime/state/sqlite-store';
import { redactUrl } from '../../runtime/state/postgres-store';
import { tempDbPath } from './helpers';

describe('state URLs', () => {
  it('name memory, SQLite (relative to the base) and PostgreSQL (with an optional schema)', () => {
    expect(parseStateUrl('memory:', '/p')).toEqual({ kind: 'memory' });
    expect(parseStateUrl('sqlite:.dist/state.db', '/p')).toEqual({ kind: 'sqlite', path: path.resolve('/p', '.dist/state.db') });
    expect(parseStateUrl('sqlite:///abs/s.db', '/p')).toEqual({ kind: 'sqlite', path: '/abs/s.db' });
    expect(parseStateUrl('postgres://dist@db:5432/prod', '/p')).toEqual({ kind: 'postgres', url: 'postgres://dist@db:5432/prod', schema: 'public' });
    expect(parseStateUrl('postgresql://dist@db/prod?schema=tenant_7&sslmode=require', '/p')).toEqual({
      kind: 'postgres',
      url: 'postgresql://dist@db/prod?sslmode=require',
      schema: 'tenant_7',
    });
  });

  it('refuse other URLs naming every store, and never show a password', () => {
    expect(parseStateUrl('redis://u:hunter2@h/0', '/p')).toEqual({
      error: 'the state store must be `memory:`, `sqlite:PATH` or `postgres://USER@HOST:PORT/DATABASE`, got `redis://u:***@h/0`',
    });
    expect(parseStateUrl('postgres://u:hunter2@h/db?schema=a-b', '/p')).toEqual({
      error: 'the schema `a-b` of the PostgreSQL state URL must be a plain name (letters, digits, _)',
    });
    expect(redactUrl('postgres://u:hunter2@h:5432/db')).toBe('postgres://u:***@h:5432/db');
    expect(redactUrl('postgres://u@h/db')).toBe('postgres://u@h/db');
  });

  it('openStore opens the store the URL names', async () => {
    const memory = await openStore('memory:');
    expect(memory).toBeInstanceOf(MemoryStore);
    const sqlite = await openStore(`sqlite:${tempDbPath()}`);
    expect(sqlite).toBeInstanceOf(SqliteStore);
    await Promise.all([memory.close(), sqlite.close()]);
    await expect(openStore('ftp://x')).rejects.toThrow('the state store must be');
  });
});
