// Group commit for the SQLite store: many transactions share one fsync without
// weakening "commit() resolved ⇒ durable".
//
// - Transactions run one at a time, first come first served: `begin()` waits for
//   the previous transaction to end (a FIFO of waiters; the turn is handed over
//   directly, so nobody can slip in between).
// - Each transaction is a SAVEPOINT inside an outer `BEGIN IMMEDIATE` transaction
//   that is opened lazily by the first transaction of a group.
// - commit() RELEASEs the savepoint, joins the current group and returns the
//   group's promise; abort() rolls back to the savepoint and releases it, undoing
//   only its own work. Either way the turn passes to the next waiter.
// - The outer COMMIT happens between two transactions, never during one: when the
//   group reaches `maxBatch`, when its first commit is `maxWaitMs` old (checked as
//   each transaction ends), or when nobody is running or waiting (checked in a
//   setImmediate, so everything that arrived in the same event-loop turn joins).
//   Then every commit of the group resolves; if the COMMIT fails, the outer
//   transaction is rolled back and every commit of the group rejects.
// - A transaction reads the writes of the group before it (not yet durable); it
//   can only report success through its own commit(), which resolves with theirs.
//   Consequences: keep transactions short (an open one holds back the pending
//   group), and never await an earlier transaction's commit() while holding an
//   open transaction — that waits forever.
// - With `maxBatch: 1` every transaction is its own BEGIN … COMMIT.
import type Database from 'better-sqlite3';

/** Group commit settings: a group is committed at `maxBatch` transactions or after `maxWaitMs`. */
export interface GroupCommitOptions {
  /** Transactions per outer COMMIT at most (default 64; 1 disables grouping). */
  maxBatch?: number;
  /** How long a commit may wait for later transactions to join its group (default 2 ms). */
  maxWaitMs?: number;
}

/** Counters for tests and metrics. */
export interface GroupCommitStats {
  /** Outer COMMITs that succeeded (one fsync each). */
  commits: number;
  /** Transactions made durable by them. */
  transactions: number;
}

interface Group {
  startedAt: number;
  size: number;
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

const SAVEPOINT = 'dist_tx';

/** Serialises transactions on one connection and commits them in groups (see the top comment). */
export class GroupCommitter {
  /** Counters since the store was opened. */
  readonly stats: GroupCommitStats = { commits: 0, transactions: 0 };
  private readonly maxBatch: number;
  private readonly maxWaitMs: number;
  private readonly waiters: (() => void)[] = [];
  private running = false;
  private group: Group | null = null;
  private idleCheckPending = false;

  constructor(
    private readonly db: Database.Database,
    options: GroupCommitOptions = {},
    private readonly beforeCommit?: (db: Database.Database) => void,
    /** Runs after the outer transaction was rolled back (its work is gone). */
    private readonly afterRollback?: () => void,
    /** Runs, before any later transaction begins, when a group failed (its commits reject). */
    private readonly onGroupFailed?: (error: unknown) => void,
  ) {
    this.maxBatch = Math.max(1, options.maxBatch ?? 64);
    this.maxWaitMs = Math.max(0, options.maxWaitMs ?? 2);
  }

  /** Waits for the turn, then opens a savepoint (and the outer transaction if none is open). */
  async begin(): Promise<void> {
    await this.takeTurn();
    try {
      if (!this.db.inTransaction) this.db.exec('BEGIN IMMEDIATE');
      this.db.exec(`SAVEPOINT ${SAVEPOINT}`);
    } catch (error) {
      this.endTurn();
      throw error;
    }
  }

  /** Ends the current transaction keeping its work; resolves once its group is durable. */
  commit(): Promise<void> {
    try {
      this.db.exec(`RELEASE ${SAVEPOINT}`);
    } catch (error) {
      this.loseGroup(error);
      this.endTurn();
      return Promise.reject(error);
    }
    this.group ??= newGroup();
    this.group.size++;
    const durable = this.group.promise;
    this.endTurn();
    return durable;
  }

  /** Ends the current transaction undoing its work (and only its work). */
  abort(): void {
    try {
      this.db.exec(`ROLLBACK TO ${SAVEPOINT}`);
      this.db.exec(`RELEASE ${SAVEPOINT}`);
    } catch (error) {
      this.loseGroup(error);
    }
    this.endTurn();
  }

  /** Waits for every queued transaction, commits the pending group and keeps the turn forever. */
  async drain(): Promise<void> {
    await this.takeTurn();
    if (this.group) this.flush();
  }

  private async takeTurn(): Promise<void> {
    if (this.running) await new Promise<void>((resolve) => this.waiters.push(resolve));
    else this.running = true;
  }

  /** Between two transactions: commit the group when due, then hand the turn over. */
  private endTurn(): void {
    const group = this.group;
    if (!group) {
      this.rollbackOuter();
    } else if (group.size >= this.maxBatch || Date.now() - group.startedAt >= this.maxWaitMs) {
      this.flush();
    }
    const next = this.waiters.shift();
    if (next) next();
    else this.running = false;
    this.scheduleIdleCheck();
  }

  private scheduleIdleCheck(): void {
    if (this.idleCheckPending || !this.group) return;
    this.idleCheckPending = true;
    setImmediate(() => {
      this.idleCheckPending = false;
      if (!this.running && this.group) this.flush();
    });
  }

  private flush(): void {
    const group = this.group as Group;
    this.group = null;
    try {
      this.beforeCommit?.(this.db);
      this.db.exec('COMMIT');
    } catch (error) {
      this.rollbackOuter();
      this.onGroupFailed?.(error);
      group.reject(error);
      return;
    }
    this.stats.commits++;
    this.stats.transactions += group.size;
    group.resolve();
  }

  /** SQLite lost the outer transaction (or a savepoint): the pending group fails with it. */
  private loseGroup(error: unknown): void {
    this.rollbackOuter();
    this.onGroupFailed?.(error);
    this.group?.reject(error);
    this.group = null;
  }

  private rollbackOuter(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    this.afterRollback?.();
  }
}

function newGroup(): Group {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { startedAt: Date.now(), size: 0, promise, resolve, reject };
}
