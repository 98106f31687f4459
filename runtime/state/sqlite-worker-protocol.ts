// The messages between the worker-backed SQLite store (sqlite-worker-store.ts, on
// the event loop) and its worker thread (sqlite-worker.ts, which owns the writing
// connection). A transaction's writes travel as a list of operations, sent once
// it commits (or with the first read only the worker can answer); the worker
// answers such reads, and reports which transactions are durable (their group's
// COMMIT returned) or failed. `epoch` fences failures: after a failed group the
// worker refuses every transaction until the store sends `reset` with a new epoch,
// since later transactions may have read the lost writes.
import type { OutboxItem, QueueItem, Timer } from './store';

/** One write of a transaction, in the order it was made (values as JSON text where the store keeps text). */
export type WriteOp =
  | { op: 'put'; key: string; text: string }
  | { op: 'delete'; key: string }
  | { op: 'decision'; text: string }
  | { op: 'timer'; timer: Timer }
  | { op: 'deleteTimer'; id: string }
  | { op: 'enqueue'; item: QueueItem }
  | { op: 'outbox'; item: OutboxItem }
  | { op: 'deleteOutbox'; id: string };

/** The reads the worker answers, by the Transaction method (or rollup reader method) they call. */
export const REMOTE_READS = [
  'dequeue',
  'listQueue',
  'dueTimers',
  'claimDue',
  'nextTimerAt',
  'listOutbox',
  'claimOutbox',
  'listDecisions',
  'rollups.sums',
  'rollups.factsInRange',
  'rollups.factsOfRecords',
] as const;
export type RemoteRead = (typeof REMOTE_READS)[number];

/** From the store to the worker: messages sent in one event-loop turn travel together, in order. */
export type ToWorker = ToWorkerOne[];

/** One message of a batch. */
export type ToWorkerOne =
  | {
      kind: 'tx';
      /** The transaction's number (increasing in begin order). */
      no: number;
      epoch: number;
      ops: WriteOp[];
      /** `open`: more messages of this transaction follow (after `call` is answered). */
      end: 'commit' | 'abort' | 'open';
      call?: { id: number; read: RemoteRead; args: unknown[] };
    }
  | { kind: 'reset'; epoch: number }
  | { kind: 'close' };

/** From the worker to the store. */
export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'open-failed'; message: string }
  | { kind: 'answer'; id: number; ok: true; value: unknown }
  | { kind: 'answer'; id: number; ok: false; message: string }
  | { kind: 'durable'; nos: number[] }
  | { kind: 'failed'; nos: number[]; message: string };

/** What the worker is started with. */
export interface WorkerStart {
  path: string;
  maxBatch: number;
  maxWaitMs: number;
}
