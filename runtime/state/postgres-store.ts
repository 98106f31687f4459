// The PostgreSQL state store (`postgres://…`): several `dist serve` processes
// share one database and behave as one. Each transaction is a PostgreSQL
// transaction (READ COMMITTED) on a pooled connection; `lock` takes
// transaction-scoped advisory locks in the contract's order (postgres-locks.ts),
// and each read after a lock sees everything committed before it was granted, so
// transactions that lock what they write are serialisable. Sequences are
// PostgreSQL sequences (never blocking; numbers of aborted transactions are
// skipped). Timers and outbox items are claimed with FOR UPDATE SKIP LOCKED.
// `publish`/`subscribe` ride on LISTEN/NOTIFY. The schema is migrated at start-up
// (postgres-schema.ts); the SQL of a transaction is in postgres-transaction.ts.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { migratePostgres, quoteIdent } from './postgres-schema';
import { PostgresTransaction, type PostgresShared } from './postgres-transaction';
import type { StateStore, Transaction } from './store';

/** Options of the PostgreSQL store. */
export interface PostgresStoreOptions {
  /** Connections per process (default 10). */
  poolSize?: number;
  /** How long an added outbox item stays claimed by the process that added it (default 60 s). */
  outboxLeaseMs?: number;
}

/** Where a PostgreSQL state URL points: the connection string without `schema`, and the schema. */
export interface PostgresLocation {
  url: string;
  schema: string;
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
/** The NOTIFY channel of every dist state; payloads are JSON `[schema, topic, origin store]`. */
const CHANNEL = 'dist_state';

/** Reads a `postgres://` or `postgresql://` URL; `?schema=NAME` picks the schema (default `public`). */
export function parsePostgresUrl(url: string): PostgresLocation | { error: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { error: `the PostgreSQL state URL \`${redactUrl(url)}\` is not a valid URL` };
  }
  const schema = parsed.searchParams.get('schema') ?? 'public';
  if (!SCHEMA_NAME.test(schema)) return { error: `the schema \`${schema}\` of the PostgreSQL state URL must be a plain name (letters, digits, _)` };
  parsed.searchParams.delete('schema');
  return { url: parsed.toString(), schema };
}

/** The URL with its password masked, for logs and messages. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*:)[^@/]*@/i, '$1***@');
}

/** Connects, migrates the schema and returns the store; throws an Error naming the database when it cannot. */
export async function createPostgresStore(location: PostgresLocation, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const config: pg.PoolConfig = {
    connectionString: location.url,
    max: options.poolSize ?? 10,
    options: `-c search_path=${quoteIdent(location.schema)}`,
    connectionTimeoutMillis: 10_000,
  };
  const pool = new pg.Pool(config);
  // An idle connection that breaks is dropped by the pool; without a listener its error would end the process.
  pool.on('error', () => undefined);
  const where = `\`${redactUrl(location.url)}\` (schema ${location.schema})`;
  try {
    const client = await pool.connect();
    try {
      await migratePostgres(client, location.schema, where);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(`cannot open the PostgreSQL state ${where}: ${(error as Error).message}`, { cause: error });
  }
  return new PostgresStore(pool, config, location.schema, options.outboxLeaseMs ?? 60_000);
}

/** The PostgreSQL state store; create it with `createPostgresStore`. */
export class PostgresStore implements StateStore {
  readonly shared = true;
  private readonly common: PostgresShared;
  private listener: pg.Client | null = null;
  private readonly listeners = new Map<string, Set<() => void>>();
  private readonly sequences = new Map<string, Promise<void>>();
  private closed = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly config: pg.PoolConfig,
    private readonly schema: string,
    outboxLeaseMs: number,
  ) {
    this.common = { pool, schema, channel: CHANNEL, origin: randomUUID(), outboxLeaseMs, ensureSequence: (name, sequence) => this.ensureSequence(name, sequence) };
  }

  /**
   * Sequences are created on first use on a connection of their own (the pool's may
   * all be held by transactions waiting for this), so they exist for everyone at
   * once; two processes creating one together is fine.
   */
  private ensureSequence(name: string, sequence: string): Promise<void> {
    let created = this.sequences.get(name);
    if (!created) {
      created = (async () => {
        const client = new pg.Client({ connectionString: this.config.connectionString, options: this.config.options });
        await client.connect();
        try {
          await client.query(`CREATE SEQUENCE IF NOT EXISTS ${sequence}`);
        } catch (error) {
          if ((error as { code?: string }).code !== '23505' && (error as { code?: string }).code !== '42P07') throw error;
        } finally {
          await client.end();
        }
      })();
      this.sequences.set(name, created);
      created.catch(() => this.sequences.delete(name));
    }
    return created;
  }

  async begin(): Promise<Transaction> {
    if (this.closed) throw new Error('the state store is closed');
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
    return new PostgresTransaction(client, this.common);
  }

  async subscribe(topic: string, listener: () => void): Promise<() => Promise<void>> {
    let set = this.listeners.get(topic);
    if (!set) this.listeners.set(topic, (set = new Set()));
    set.add(listener);
    if (!this.listener) await this.listen();
    return async () => {
      set.delete(listener);
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const listening = this.listener;
    this.listener = null;
    await listening?.end().catch(() => undefined);
    await this.pool.end();
  }

  /** One connection LISTENs for every topic; when it breaks, it reconnects and tells every listener (it may have missed news). */
  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.config.connectionString, options: this.config.options });
    this.listener = client;
    client.on('notification', (message) => {
      const [schema, topic, origin] = parsePayload(message.payload);
      if (schema !== this.schema || origin === this.common.origin) return;
      for (const listener of this.listeners.get(topic ?? '') ?? []) listener();
    });
    client.on('error', () => {
      if (this.listener !== client || this.closed) return;
      this.listener = null;
      setTimeout(() => {
        if (this.closed) return;
        this.listen().then(
          () => this.listeners.forEach((set) => set.forEach((listener) => listener())),
          () => undefined,
        );
      }, 1000);
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
  }
}

function parsePayload(payload: string | undefined): string[] {
  try {
    const parsed = JSON.parse(payload ?? '') as unknown;
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}
