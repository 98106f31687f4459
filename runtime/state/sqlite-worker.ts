// The worker thread of the worker-backed SQLite store: it owns the writing
// connection and runs the SQLite store (sqlite-store.ts) with its group commit, so
// the savepoints, the decision log's rollups (written in the group's outer
// transaction just before its COMMIT) and the COMMIT's fsync all happen here,
// off the event loop. Transactions arrive in the order the store ended them
// (sqlite-worker-protocol.ts); those that arrive while a COMMIT runs wait in the
// port and form the next group. Each is reported durable once its group's COMMIT
// returned, or failed; after a failure every transaction is refused until the
// store acknowledges it with `reset`.
import { parentPort, workerData } from 'node:worker_threads';
import type { Decision } from '../types';
import type { DecisionFacts, RollupSum } from './rollups';
import { createSqliteStore, type SqliteStore } from './sqlite-store';
import type { FromWorker, RemoteRead, ToWorker, ToWorkerOne, WorkerStart, WriteOp } from './sqlite-worker-protocol';
import type { Json, Transaction } from './store';

const port = parentPort!;
const start = workerData as WorkerStart;
const send = (message: FromWorker) => port.postMessage(message);

/** Durable transactions, reported together once the group's commits have all resolved. */
const durable: number[] = [];
let reportPending = false;
const report = () => {
  reportPending = false;
  if (durable.length > 0) send({ kind: 'durable', nos: durable.splice(0) });
};

let epoch = 0;
let broken = false;
const open = new Map<number, Transaction>();
let store: SqliteStore;

try {
  store = await createSqliteStore(start.path, {
    groupCommit: { maxBatch: start.maxBatch, maxWaitMs: start.maxWaitMs },
    onGroupFailed: () => {
      broken = true;
    },
  });
  send({ kind: 'ready' });
} catch (error) {
  send({ kind: 'open-failed', message: messageOf(error) });
  process.exit(0);
}

port.on('message', (batch: ToWorker) => {
  for (const message of batch) receive(message);
});

function receive(message: ToWorkerOne): void {
  if (message.kind === 'tx') void transaction(message);
  else if (message.kind === 'reset') {
    epoch = message.epoch;
    broken = false;
  } else {
    // The durable reports of the last group go out first (setImmediate keeps their order).
    void store.close().then(() =>
      setImmediate(() => {
        report();
        port.close();
      }),
    );
  }
}

async function transaction(message: Extract<ToWorkerOne, { kind: 'tx' }>): Promise<void> {
  const { no } = message;
  let tx = open.get(no);
  try {
    if (broken || message.epoch !== epoch) throw new Error('an earlier commit of the state store failed');
    if (!tx) {
      tx = await store.begin();
      open.set(no, tx);
    }
    // A group may have failed while this one waited for its turn.
    if (broken) throw new Error('an earlier commit of the state store failed');
    for (const op of message.ops) await apply(tx, op);
    if (message.call) {
      const { id, read, args } = message.call;
      try {
        send({ kind: 'answer', id, ok: true, value: await remoteRead(tx, read, args) });
      } catch (error) {
        send({ kind: 'answer', id, ok: false, message: messageOf(error) });
      }
    }
    if (message.end === 'open') return;
    open.delete(no);
    if (message.end === 'abort') return await tx.abort();
    await tx.commit();
    durable.push(no);
    if (!reportPending) {
      reportPending = true;
      setImmediate(report);
    }
  } catch (error) {
    open.delete(no);
    if (tx) await tx.abort().catch(() => undefined);
    if (message.call) send({ kind: 'answer', id: message.call.id, ok: false, message: messageOf(error) });
    if (message.end !== 'abort') {
      report();
      send({ kind: 'failed', nos: [no], message: messageOf(error) });
    }
  }
}

async function apply(tx: Transaction, w: WriteOp): Promise<void> {
  switch (w.op) {
    case 'put':
      return tx.put(w.key, JSON.parse(w.text) as Json);
    case 'delete':
      return tx.delete(w.key);
    case 'decision':
      return tx.appendDecision(JSON.parse(w.text) as Decision);
    case 'timer':
      return tx.scheduleTimer(w.timer);
    case 'deleteTimer':
      return tx.deleteTimer(w.id);
    case 'enqueue':
      return tx.enqueue(w.item);
    case 'outbox':
      return tx.addOutbox(w.item);
    case 'deleteOutbox':
      return tx.deleteOutbox(w.id);
  }
}

function remoteRead(tx: Transaction, read: RemoteRead, args: unknown[]): Promise<unknown> {
  const a = args as [never, never, never, never];
  switch (read) {
    case 'dequeue':
      return tx.dequeue(a[0], a[1], a[2]);
    case 'listQueue':
      return tx.listQueue(a[0]);
    case 'dueTimers':
      return tx.dueTimers(a[0]);
    case 'claimDue':
      return tx.claimDue(a[0]);
    case 'nextTimerAt':
      return tx.nextTimerAt();
    case 'listOutbox':
      return tx.listOutbox(a[0]);
    case 'claimOutbox':
      return tx.claimOutbox(a[0], a[1], a[2]);
    case 'listDecisions':
      return tx.listDecisions(a[0]);
    case 'rollups.sums':
      return tx.rollups!.sums(a[0], a[1], a[2]) satisfies Promise<RollupSum[]>;
    case 'rollups.factsInRange':
      return tx.rollups!.factsInRange(a[0], a[1], a[2], a[3]) satisfies Promise<DecisionFacts[]>;
    case 'rollups.factsOfRecords':
      return tx.rollups!.factsOfRecords(a[0]) satisfies Promise<DecisionFacts[]>;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
