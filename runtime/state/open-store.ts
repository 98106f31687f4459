// Opens a state store from its URL: `memory:` (a private in-memory store, for
// tests and embedding), `sqlite:PATH` (the embedded default; PATH relative to a
// base folder; in this thread, or with its writes in a worker thread) or
// `postgres://USER@HOST:PORT/DB[?schema=NAME]` (shared by several processes). The one place a state URL is read, for `dist serve` and the
// library API.
import path from 'node:path';
import { MemoryStore } from './memory-store';
import { createPostgresStore, parsePostgresUrl, redactUrl, type PostgresStoreOptions } from './postgres-store';
import { createSqliteStore } from './sqlite-store';
import { createSqliteWorkerStore } from './sqlite-worker-store';
import type { StateStore } from './store';

/** Where a state URL points. */
export type StateLocation = { kind: 'memory' } | { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string; schema: string };

/** The stores a URL may name, for messages. */
const SUPPORTED = '`memory:`, `sqlite:PATH` or `postgres://USER@HOST:PORT/DATABASE`';

/** Reads a state URL; relative SQLite paths resolve against `base`. */
export function parseStateUrl(url: string, base: string): StateLocation | { error: string } {
  if (url === 'memory' || url === 'memory:') return { kind: 'memory' };
  const sqlite = /^sqlite:(?:\/\/)?(.+)$/.exec(url);
  if (sqlite) return { kind: 'sqlite', path: path.resolve(base, sqlite[1]!) };
  if (/^postgres(?:ql)?:\/\//.test(url)) {
    const location = parsePostgresUrl(url);
    return 'error' in location ? location : { kind: 'postgres', ...location };
  }
  return { error: `the state store must be ${SUPPORTED}, got \`${redactUrl(url)}\`` };
}

/**
 * Opens the store a state URL names; throws an Error naming the problem for a URL it cannot open.
 * `sqliteWorker`: a SQLite store writes and commits in a worker thread (sqlite-worker-store.ts), as `dist serve` does.
 */
export async function openStore(url: string, options: { base?: string; postgres?: PostgresStoreOptions; sqliteWorker?: boolean } = {}): Promise<StateStore> {
  const location = parseStateUrl(url, options.base ?? process.cwd());
  if ('error' in location) throw new Error(location.error);
  if (location.kind === 'memory') return new MemoryStore();
  if (location.kind === 'sqlite') return options.sqliteWorker ? createSqliteWorkerStore(location.path) : createSqliteStore(location.path);
  return createPostgresStore(location, options.postgres);
}
