// The SQLite state store, the embedded default (`.dist/state.db`): one connection
// in WAL mode with synchronous=FULL, so a resolved commit() has reached the disk.
// Transactions run one at a time in this process (`lock` is a no-op; claims are
// plain reads, since no other process may open the file for writing) as savepoints
// of a shared outer transaction, and their COMMITs are grouped so concurrent
// decisions share one fsync (sqlite-group-commit.ts). Tables and migrations are in
// sqlite-schema.ts, the SQL in sqlite-statements.ts; values are stored as JSON, so
// every read returns a fresh copy.
import type Database from 'better-sqlite3';
import type { Decision } from '../types';
import { GroupCommitter, type GroupCommitOptions, type GroupCommitStats } from './sqlite-group-commit';
import { sequenceKey } from './sequence-key';
import { openStateDatabase } from './sqlite-schema';
import { DecisionQueries, prepareStatements, type Statements } from './sqlite-statements';
import type { RollupReader } from './rollups';
import type { DecisionFilter, Json, OutboxItem, QueueItem, StateStore, Timer, Transaction } from './store';

/** Options of the SQLite store. */
export interface SqliteStoreOptions {
  groupCommit?: GroupCommitOptions;
  /** Test hook: runs inside the outer transaction just before each outer COMMIT. */
  beforeCommit?: (db: Database.Database) => void;
  /** Called as soon as a group fails, before any later transaction begins (its commits then reject). */
  onGroupFailed?: (error: unknown) => void;
}

/** Opens (creating it if needed) the SQLite state store at `path`; `:memory:` for a private one. */
export async function createSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
  return new SqliteStore(openStateDatabase(path), options);
}

/** The SQLite state store; create it with `createSqliteStore`. */
export class SqliteStore implements StateStore {
  private readonly committer: GroupCommitter;
  private readonly statements: Statements;
  private readonly queries: DecisionQueries;
  private closing: Promise<void> | null = null;

  constructor(
    private readonly db: Database.Database,
    options: SqliteStoreOptions = {},
  ) {
    this.statements = prepareStatements(db);
    const rollups = this.statements.rollups;
    const beforeCommit = (db: Database.Database) => {
      rollups.writeGroup();
      options.beforeCommit?.(db);
    };
    this.committer = new GroupCommitter(db, options.groupCommit, beforeCommit, () => rollups.loseGroup(), options.onGroupFailed);
    this.queries = new DecisionQueries(db);
  }

  /** Outer COMMITs and the transactions they made durable. */
  get stats(): Readonly<GroupCommitStats> {
    return { ...this.committer.stats };
  }

  async begin(): Promise<Transaction> {
    if (this.closing) throw new Error('the state store is closed');
    await this.committer.begin();
    return new SqliteTransaction(this.db, this.statements, this.queries, this.committer);
  }

  /** Waits for queued transactions, commits the pending group and closes the database. */
  close(): Promise<void> {
    this.closing ??= this.committer.drain().finally(() => this.db.close());
    return this.closing;
  }
}

class SqliteTransaction implements Transaction {
  private done = false;

  constructor(
    private readonly db: Database.Database,
    private readonly s: Statements,
    private readonly queries: DecisionQueries,
    private readonly committer: GroupCommitter,
  ) {}

  get rollups(): RollupReader {
    this.check();
    return this.s.rollups.reader;
  }

  async lock(): Promise<void> {}

  async nextSequence(name: string): Promise<number> {
    this.check();
    return this.s.sequenceNext.get(sequenceKey(name)) as number;
  }

  async publish(): Promise<void> {
    this.check();
  }

  async get(key: string): Promise<Json | undefined> {
    this.check();
    return parse<Json>(this.s.kvGet.get(key));
  }

  async getMany(keys: readonly string[]): Promise<(Json | undefined)[]> {
    this.check();
    const rows = this.s.kvGetMany.all(JSON.stringify(keys)) as { key: string; value: string }[];
    const found = new Map(rows.map((row) => [row.key, row.value]));
    return keys.map((key) => parse<Json>(found.get(key)));
  }

  async put(key: string, value: Json): Promise<void> {
    this.check();
    this.s.kvPut.run(key, JSON.stringify(value));
  }

  async delete(key: string): Promise<void> {
    this.check();
    this.s.kvDelete.run(key);
  }

  async appendDecision(decision: Decision): Promise<void> {
    this.check();
    this.s.decisionAppend(decision);
  }

  async decisionForEvent(eventId: string): Promise<Decision | null> {
    this.check();
    return parse<Decision>(this.s.decisionForEvent.get(eventId)) ?? null;
  }

  async getDecision(id: string): Promise<Decision | null> {
    this.check();
    return parse<Decision>(this.s.decisionGet.get(id)) ?? null;
  }

  async listDecisions(filter: DecisionFilter): Promise<Decision[]> {
    this.check();
    return this.queries.list(filter).map((body) => JSON.parse(body) as Decision);
  }

  async scheduleTimer(timer: Timer): Promise<void> {
    this.check();
    this.s.timerPut.run(timer.id, timer.dueAt, JSON.stringify(timer));
  }

  async dueTimers(nowMs: number): Promise<Timer[]> {
    this.check();
    return parseAll<Timer>(this.s.timersDue.all(nowMs));
  }

  async claimDue(nowMs: number): Promise<Timer | null> {
    const [first] = await this.dueTimers(nowMs);
    if (first) await this.deleteTimer(first.id);
    return first ?? null;
  }

  async nextTimerAt(): Promise<number | null> {
    this.check();
    return (this.s.timerNext.get() as number | null) ?? null;
  }

  async deleteTimer(id: string): Promise<void> {
    this.check();
    this.s.timerDelete.run(id);
  }

  async enqueue(item: QueueItem): Promise<void> {
    this.check();
    this.s.queuePut.run(item.queue, item.entity, item.recordId, item.enqueuedAt, JSON.stringify(item));
  }

  async dequeue(queue: string, entity: string, recordId: string): Promise<boolean> {
    this.check();
    return this.s.queueDelete.run(queue, entity, recordId).changes > 0;
  }

  async listQueue(queue: string): Promise<QueueItem[]> {
    this.check();
    return parseAll<QueueItem>(this.s.queueList.all(queue));
  }

  async addOutbox(item: OutboxItem): Promise<void> {
    this.check();
    this.s.outboxPut.run(item.id, item.createdAt, JSON.stringify(item));
  }

  async listOutbox(limit: number): Promise<OutboxItem[]> {
    this.check();
    return parseAll<OutboxItem>(this.s.outboxList.all(Math.max(0, limit)));
  }

  async claimOutbox(limit: number): Promise<OutboxItem[]> {
    return this.listOutbox(limit);
  }

  async deleteOutbox(id: string): Promise<void> {
    this.check();
    this.s.outboxDelete.run(id);
  }

  async commit(): Promise<void> {
    this.check();
    this.done = true;
    this.s.rollups.keep();
    return this.committer.commit();
  }

  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    this.s.rollups.discard();
    this.committer.abort();
  }

  private check(): void {
    if (this.done) throw new Error('transaction already ended');
    // SQLite rolls back by itself on some errors (disk full, I/O): never go on outside a transaction.
    if (!this.db.inTransaction) throw new Error('the state transaction was rolled back by SQLite');
  }
}

function parse<T>(text: unknown): T | undefined {
  return text === undefined ? undefined : (JSON.parse(text as string) as T);
}

function parseAll<T>(texts: unknown[]): T[] {
  return texts.map((text) => JSON.parse(text as string) as T);
}
