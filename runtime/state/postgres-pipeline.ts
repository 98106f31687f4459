// Fewer round trips for the PostgreSQL store: statements whose answer nobody
// waits for (BEGIN, advisory locks, appends to the log, timers, queue and outbox
// writes, key writes at commit) are kept and sent in front of the next statement
// that needs an answer, as one multi-statement query. Each statement still runs
// on its own, in order, with a fresh READ COMMITTED snapshot, so a read sent
// behind a lock sees every commit made before the lock was granted. Parameters
// of a joined query are inlined as escaped literals (`escapeLiteral`), since a
// multi-statement query takes none. An error in a kept statement surfaces at the
// next call, and the transaction is then rolled back as for any error.
import type pg from 'pg';

/** A literal for a parameter value (strings, numbers, booleans, null, arrays of those). */
function literal(client: pg.ClientBase, value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot send the number ${value} to PostgreSQL`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return client.escapeLiteral(value);
  if (Array.isArray(value)) return value.length === 0 ? "'{}'" : `ARRAY[${value.map((v) => literal(client, v)).join(', ')}]`;
  throw new Error(`cannot send a ${typeof value} to PostgreSQL`);
}

/** The statements of one transaction, kept and sent together (see the top comment). */
export class StatementPipeline {
  private pending: string[] = [];
  private sent = false;

  constructor(private readonly client: pg.ClientBase) {}

  /** Keeps a statement to send with the next one. */
  defer(sql: string, params: readonly unknown[] = []): void {
    this.pending.push(this.inline(sql, params));
  }

  /** Forgets the kept statements; true when nothing was ever sent (the transaction never began on the server). */
  discardIfUnsent(): boolean {
    const unsent = !this.sent;
    this.pending = [];
    return unsent;
  }

  /** Sends the kept statements and this one; resolves to this one's result. */
  async run<T extends pg.QueryResultRow>(sql: string, params: readonly unknown[] = []): Promise<pg.QueryResult<T>> {
    this.sent = true;
    if (this.pending.length === 0) return this.client.query<T>(sql, params as unknown[]);
    const text = [...this.pending, this.inline(sql, params)].join(';\n');
    this.pending = [];
    const results = (await this.client.query(text)) as unknown as pg.QueryResult<T> | pg.QueryResult<T>[];
    return Array.isArray(results) ? (results[results.length - 1] as pg.QueryResult<T>) : results;
  }

  private inline(sql: string, params: readonly unknown[]): string {
    if (params.length === 0) return sql;
    return sql.replace(/\$(\d+)/g, (_, n: string) => literal(this.client, params[Number(n) - 1]));
  }
}
