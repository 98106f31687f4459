// The worker-backed SQLite store, the one `dist serve` uses: the same database
// and guarantees as sqlite-store.ts (WAL, synchronous=FULL, a resolved commit()
// has reached the disk, the rollups written in the decisions' transaction), with
// the writing connection, the group commit and its fsync in a worker thread
// (sqlite-worker.ts), so the event loop goes on deciding while a group commits.
//
// - Transactions run one at a time on the event loop, first come first served.
//   Their writes are kept in the transaction and sent to the worker as one message
//   when it commits; until the worker reports them durable they stay readable in
//   PendingWrites (sqlite-pending.ts), so the next transactions read them.
// - Key reads, `decisionForEvent`, `getDecision` and sequences (counted here once
//   read) are answered on the event loop: the transaction's own writes, then the
//   pending ones, then the committed values this process has read or made durable
//   (sqlite-committed.ts: the file serves this process alone), then a read-only
//   connection, which shows what is committed.
// - Each commit reports the keys it wrote to the `onCommit` listeners, and a failed
//   group the keys whose pending writes it dropped, so what the engine keeps
//   between decisions (runtime/eligibility-memo.ts) learns of every change.
// - The other reads (queues, timers, outbox, the log's queries, the rollups) go
//   to the worker with the writes made so far; it answers them inside the
//   transaction, which sees everything written before.
// - Messages to the worker go in batches: one postMessage per event-loop turn at
//   most, and while the worker has commits to report, only when it starts a
//   COMMIT, so the commits that end meanwhile arrive during its fsync and form
//   the next group.
// - commit() resolves once the worker's group COMMIT returned; if a group fails,
//   every transaction ended after it fails too (they may have read its writes),
//   and the pending writes are dropped.
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { Decision } from '../types';
import type { DecisionFacts, RollupReader, RollupSum } from './rollups';
import { CommitFeed, type CommitListener } from './commit-feed';
import { sequenceKey } from './sequence-key';
import { CommittedValues } from './sqlite-committed';
import type { GroupCommitOptions } from './sqlite-group-commit';
import { PendingWrites, type TransactionWrites } from './sqlite-pending';
import type { FromWorker, RemoteRead, ToWorker, ToWorkerOne, WorkerStart, WriteOp } from './sqlite-worker-protocol';
import type { DecisionFilter, Json, OutboxItem, QueueItem, StateStore, Timer, Transaction } from './store';

/** Options of the worker-backed SQLite store. */
export interface SqliteWorkerStoreOptions {
  /** Group commit in the worker (default: up to 256 transactions a COMMIT, 20 ms; a batch of commits is applied before its group commits). */
  groupCommit?: GroupCommitOptions;
}

interface Waiting {
  resolve: (value: never) => void;
  reject: (error: Error) => void;
}

/** Opens (creating it if needed) the SQLite state store at the file `path`, its writes in a worker thread. */
export async function createSqliteWorkerStore(path: string, options: SqliteWorkerStoreOptions = {}): Promise<SqliteWorkerStore> {
  if (path === ':memory:' || path === '') throw new Error('the worker-backed SQLite store needs a file, not `:memory:`');
  const start: WorkerStart = { path, maxBatch: options.groupCommit?.maxBatch ?? 256, maxWaitMs: options.groupCommit?.maxWaitMs ?? 20 };
  const worker = startWorker(start);
  const first = await new Promise<FromWorker>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  if (first.kind !== 'ready') {
    await worker.terminate();
    throw new Error(first.kind === 'open-failed' ? first.message : 'the SQLite worker did not start');
  }
  return new SqliteWorkerStore(worker, new Database(path, { readonly: true, fileMustExist: true }));
}

/** The worker-backed SQLite store (see the top comment); create it with `createSqliteWorkerStore`. */
export class SqliteWorkerStore implements StateStore {
  /** Writes ended but not durable yet. */
  readonly pending = new PendingWrites();
  /** Committed key texts read or made durable by this process. */
  readonly committed = new CommittedValues();
  private readonly feed = new CommitFeed();
  /** The last number handed out per sequence, once read (includes pending transactions). */
  readonly counters = new Map<string, number>();
  readonly read: { kv: Database.Statement; kvMany: Database.Statement; forEvent: Database.Statement; decision: Database.Statement };
  private readonly waiters: (() => void)[] = [];
  private running = false;
  private nextNo = 1;
  private nextCall = 1;
  private epoch = 0;
  private readonly commits = new Map<number, Waiting>();
  /** Messages of this event-loop turn, sent together (see `post`). */
  private outgoing: ToWorkerOne[] = [];
  /** Commits among `outgoing`. */
  private queuedCommits = 0;
  private readonly calls = new Map<number, Waiting>();
  /** Set when the worker stopped: every later call fails with it. */
  private dead: Error | null = null;
  private closing: Promise<void> | null = null;

  constructor(
    private readonly worker: Worker,
    private readonly reader: Database.Database,
  ) {
    const p = (sql: string) => reader.prepare(sql).pluck();
    this.read = {
      kv: p('SELECT value FROM kv WHERE key = ?'),
      kvMany: reader.prepare('SELECT key, value FROM kv WHERE key IN (SELECT value FROM json_each(?))'),
      forEvent: p('SELECT body FROM decisions WHERE event_id = ? ORDER BY seq LIMIT 1'),
      decision: p('SELECT body FROM decisions WHERE id = ?'),
    };
    worker.on('message', (message: FromWorker) => this.receive(message));
    worker.on('error', (error) => this.stop(error));
    worker.on('exit', () => this.stop(new Error('the SQLite worker stopped')));
    worker.unref();
  }

  async begin(): Promise<Transaction> {
    if (this.closing) throw new Error('the state store is closed');
    if (this.dead) throw this.dead;
    if (this.running) await new Promise<void>((resolve) => this.waiters.push(resolve));
    else this.running = true;
    return new WorkerTransaction(this, this.nextNo++, this.epoch);
  }

  /** Waits for queued transactions and pending commits, then closes the worker's database and the read connection. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.running) await new Promise<void>((resolve) => this.waiters.push(resolve));
      this.running = true;
      if (!this.dead) {
        const closed = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
        this.post({ kind: 'close' }, true);
        this.worker.ref();
        await closed;
      }
      this.reader.close();
    })();
    return this.closing;
  }

  onCommit(listener: CommitListener): () => void {
    return this.feed.listen(listener);
  }

  /** The committed text of `key` (null: absent), read once from the read connection. */
  committedText(key: string): string | null {
    const known = this.committed.get(key);
    if (known !== undefined) return known;
    const text = (this.read.kv.get(key) as string | undefined) ?? null;
    this.committed.set(key, text);
    return text;
  }

  /** Ends a transaction's turn. */
  endTurn(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.running = false;
  }

  /** Sends a transaction's commit; resolves once the worker reports it durable. */
  /** `remote`: the worker holds the transaction open (and its turn), so the commit goes now. */
  commit(no: number, epoch: number, remote: boolean, ops: WriteOp[], writes: TransactionWrites, counters: ReadonlyMap<string, number>): Promise<void> {
    if (this.dead) return Promise.reject(this.dead);
    if (epoch !== this.epoch) return Promise.reject(new Error('an earlier commit of the state store failed'));
    this.pending.add(no, writes);
    for (const [name, n] of counters) this.counters.set(name, n);
    if (writes.kv.size > 0) this.feed.report(writes.kv.keys());
    this.post({ kind: 'tx', no, epoch, ops, end: 'commit' }, remote);
    return this.wait(this.commits, no);
  }

  /** Asks the worker a read inside transaction `no`, sending its writes so far first. */
  call<T>(no: number, epoch: number, ops: WriteOp[], read: RemoteRead, args: unknown[]): Promise<T> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextCall++;
    this.post({ kind: 'tx', no, epoch, ops, end: 'open', call: { id, read, args } }, true);
    return this.wait(this.calls, id);
  }

  /** Ends transaction `no` in the worker without keeping its work (only needed once it was opened there). */
  abortRemote(no: number, epoch: number): void {
    if (!this.dead) this.post({ kind: 'tx', no, epoch, ops: [], end: 'abort' }, true);
  }

  /**
   * Queues a message. The queue goes out at the end of this event-loop turn when the worker has
   * reported every commit sent before, else when the worker starts its next COMMIT or reports (so
   * the commits that end meanwhile go together and form the next group), or now when `now`: a read
   * waits on it, or the worker holds the transaction open, which keeps its group from committing.
   */
  private post(message: ToWorkerOne, now = false): void {
    if (this.outgoing.length === 0 && !now) setImmediate(() => this.sendWhenIdle());
    this.outgoing.push(message);
    if (message.kind === 'tx' && message.end === 'commit') this.queuedCommits++;
    if (now) this.send();
  }

  private sendWhenIdle(): void {
    if (this.commits.size === this.queuedCommits) this.send();
  }

  private send(): void {
    if (this.outgoing.length === 0) return;
    const batch: ToWorker = this.outgoing;
    this.outgoing = [];
    this.queuedCommits = 0;
    this.worker.postMessage(batch);
  }

  private wait<T>(into: Map<number, Waiting>, key: number): Promise<T> {
    if (this.commits.size + this.calls.size === 0) this.worker.ref();
    return new Promise<T>((resolve, reject) => into.set(key, { resolve: resolve as (value: never) => void, reject }));
  }

  private settle(from: Map<number, Waiting>, key: number, error: Error | null, value?: unknown): void {
    const waiting = from.get(key);
    if (!waiting) return;
    from.delete(key);
    if (this.commits.size + this.calls.size === 0) this.worker.unref();
    if (error) waiting.reject(error);
    else waiting.resolve(value as never);
  }

  private receive(message: FromWorker): void {
    if (message.kind === 'committing') {
      // What waits now arrives while that COMMIT waits for the disk, and forms the next group.
      this.send();
      return;
    }
    if (message.kind === 'durable') {
      for (const no of message.nos) {
        const writes = this.pending.durable(no);
        if (writes) for (const [key, text] of writes.kv) this.committed.set(key, text);
        this.settle(this.commits, no, null);
      }
    } else if (message.kind === 'failed') {
      // Later transactions may have read what failed: drop it all and refuse them until the worker is reset
      // (once per epoch: the refusals that follow need no second reset).
      if (message.epoch === this.epoch) {
        const dropped = [...this.pending.keys()];
        this.pending.clear();
        this.feed.report(dropped);
        this.counters.clear();
        this.epoch++;
        this.post({ kind: 'reset', epoch: this.epoch }, true);
      }
      for (const no of message.nos) this.settle(this.commits, no, new Error(message.message));
    } else if (message.kind === 'answer') {
      this.settle(this.calls, message.id, message.ok ? null : new Error(message.message), message.ok ? message.value : undefined);
    }
    this.sendWhenIdle();
  }

  private stop(error: Error): void {
    this.dead ??= error;
    for (const key of [...this.commits.keys()]) this.settle(this.commits, key, this.dead);
    for (const key of [...this.calls.keys()]) this.settle(this.calls, key, this.dead);
  }
}

class WorkerTransaction implements Transaction {
  private done = false;
  /** Writes not yet sent to the worker. */
  private ops: WriteOp[] = [];
  private readonly writes: TransactionWrites = { kv: new Map(), decisions: [] };
  private readonly counters = new Map<string, number>();
  /** True once the worker holds this transaction open (after a read it answered). */
  private remote = false;

  constructor(
    private readonly store: SqliteWorkerStore,
    private readonly no: number,
    private readonly epoch: number,
  ) {}

  readonly rollups: RollupReader = {
    sums: (fromHour, toHour, team) => this.call<RollupSum[]>('rollups.sums', [fromHour, toHour, team]),
    factsInRange: (fromMs, toMs, noMethod, team) => this.call<DecisionFacts[]>('rollups.factsInRange', [fromMs, toMs, noMethod, team]),
    factsOfRecords: (records) => this.call<DecisionFacts[]>('rollups.factsOfRecords', [records]),
  };

  async lock(): Promise<void> {}

  async publish(): Promise<void> {
    this.check();
  }

  async get(key: string): Promise<Json | undefined> {
    this.check();
    return parse<Json>(this.text(key));
  }

  async getMany(keys: readonly string[]): Promise<(Json | undefined)[]> {
    this.check();
    const texts = new Map<string, string | null | undefined>();
    const unknown: string[] = [];
    for (const key of keys) {
      const own = this.writes.kv.has(key) ? this.writes.kv.get(key) : this.store.pending.kvText(key);
      const known = own !== undefined ? own : this.store.committed.get(key);
      texts.set(key, known);
      if (known === undefined) unknown.push(key);
    }
    if (unknown.length > 0) {
      for (const key of unknown) texts.set(key, null);
      for (const row of this.store.read.kvMany.all(JSON.stringify(unknown)) as { key: string; value: string }[]) texts.set(row.key, row.value);
      for (const key of unknown) this.store.committed.set(key, texts.get(key) ?? null);
    }
    return keys.map((key) => parse<Json>(texts.get(key)));
  }

  async put(key: string, value: Json): Promise<void> {
    this.check();
    const text = JSON.stringify(value);
    this.writes.kv.set(key, text);
    this.ops.push({ op: 'put', key, text });
  }

  async delete(key: string): Promise<void> {
    this.check();
    this.writes.kv.set(key, null);
    this.ops.push({ op: 'delete', key });
  }

  async nextSequence(name: string): Promise<number> {
    this.check();
    const last = this.counters.get(name) ?? this.store.counters.get(name) ?? Number(this.text(sequenceKey(name)) ?? 0);
    const next = last + 1;
    this.counters.set(name, next);
    const key = sequenceKey(name);
    this.writes.kv.set(key, String(next));
    this.ops.push({ op: 'put', key, text: String(next) });
    return next;
  }

  async appendDecision(decision: Decision): Promise<void> {
    this.check();
    const text = JSON.stringify(decision);
    this.writes.decisions.push({ id: decision.id, eventId: decision.eventId, text });
    this.ops.push({ op: 'decision', text });
  }

  async decisionForEvent(eventId: string): Promise<Decision | null> {
    this.check();
    const text =
      (this.store.read.forEvent.get(eventId) as string | undefined) ??
      this.store.pending.decisionOfEvent(eventId) ??
      this.writes.decisions.find((d) => d.eventId === eventId)?.text;
    return parse<Decision>(text) ?? null;
  }

  async getDecision(id: string): Promise<Decision | null> {
    this.check();
    const text = this.writes.decisions.find((d) => d.id === id)?.text ?? this.store.pending.decision(id) ?? (this.store.read.decision.get(id) as string | undefined);
    return parse<Decision>(text) ?? null;
  }

  listDecisions(filter: DecisionFilter): Promise<Decision[]> {
    return this.call('listDecisions', [filter]);
  }

  async scheduleTimer(timer: Timer): Promise<void> {
    this.check();
    this.ops.push({ op: 'timer', timer: structuredClone(timer) });
  }

  dueTimers(nowMs: number): Promise<Timer[]> {
    return this.call('dueTimers', [nowMs]);
  }

  claimDue(nowMs: number): Promise<Timer | null> {
    return this.call('claimDue', [nowMs]);
  }

  nextTimerAt(): Promise<number | null> {
    return this.call('nextTimerAt', []);
  }

  async deleteTimer(id: string): Promise<void> {
    this.check();
    this.ops.push({ op: 'deleteTimer', id });
  }

  async enqueue(item: QueueItem): Promise<void> {
    this.check();
    this.ops.push({ op: 'enqueue', item: structuredClone(item) });
  }

  dequeue(queue: string, entity: string, recordId: string): Promise<boolean> {
    return this.call('dequeue', [queue, entity, recordId]);
  }

  listQueue(queue: string): Promise<QueueItem[]> {
    return this.call('listQueue', [queue]);
  }

  async addOutbox(item: OutboxItem): Promise<void> {
    this.check();
    this.ops.push({ op: 'outbox', item: structuredClone(item) });
  }

  listOutbox(limit: number): Promise<OutboxItem[]> {
    return this.call('listOutbox', [limit]);
  }

  claimOutbox(limit: number, nowMs: number, leaseMs: number): Promise<OutboxItem[]> {
    return this.call('claimOutbox', [limit, nowMs, leaseMs]);
  }

  async deleteOutbox(id: string): Promise<void> {
    this.check();
    this.ops.push({ op: 'deleteOutbox', id });
  }

  async commit(): Promise<void> {
    this.check();
    this.done = true;
    const durable = this.store.commit(this.no, this.epoch, this.remote, this.ops, this.writes, this.counters);
    this.store.endTurn();
    return durable;
  }

  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    if (this.remote) this.store.abortRemote(this.no, this.epoch);
    this.store.endTurn();
  }

  /** The text of `key` as this transaction sees it (undefined: absent). */
  private text(key: string): string | undefined {
    const own = this.writes.kv.has(key) ? this.writes.kv.get(key) : this.store.pending.kvText(key);
    return (own !== undefined ? own : this.store.committedText(key)) ?? undefined;
  }

  private async call<T>(read: RemoteRead, args: unknown[]): Promise<T> {
    this.check();
    const ops = this.ops;
    this.ops = [];
    this.remote = true;
    return this.store.call<T>(this.no, this.epoch, ops, read, args);
  }

  private check(): void {
    if (this.done) throw new Error('transaction already ended');
  }
}

/** Starts the worker: the TypeScript source under a TypeScript loader, or the built file next to this bundle. */
function startWorker(start: WorkerStart): Worker {
  const here = import.meta.url;
  const source = new URL('./sqlite-worker.ts', here);
  if (existsSync(source)) {
    const loader = import.meta.resolve('tsx/esm/api');
    const code = `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); });`;
    return new Worker(code, { eval: true, workerData: start });
  }
  const built = [new URL('./sqlite-worker.mjs', here), new URL('../sqlite-worker.mjs', here)].find((url) => existsSync(url));
  if (!built) throw new Error('the SQLite worker (sqlite-worker.mjs) is missing from this build');
  return new Worker(built, { workerData: start });
}

function parse<T>(text: string | null | undefined): T | undefined {
  return text === undefined || text === null ? undefined : (JSON.parse(text) as T);
}
