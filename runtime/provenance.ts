// Provenance of decisions, for replaying any logged decision exactly
// (`dist replay`): a store decorator that records, per transaction, the first
// value of every state key read (before the transaction's own writes), the timer
// a timer decision ran and the queue items a manual retry looked at, and adds
// them to each decision it logs, with fingerprints of the program and directory
// it ran under. The program and directory themselves are kept once per
// fingerprint in the state (`provenance/program/<fp>`, `provenance/directory/<fp>`),
// so a decision can be re-run from the state store alone.
import type { Directory } from '../compiler/directory/model';
import type { Program } from '../compiler/ir';
import { DelegatingTransaction } from './delegating-transaction';
import { sequenceKey } from './state/sequence-key';
import type { Json, QueueItem, StateStore, Timer, Transaction } from './state/store';
import type { Decision, IncomingEvent } from './types';

/** What a logged decision keeps to be re-run (Decision.provenance). */
export interface Provenance {
  /** Fingerprint of the program IR it ran under (16 hex digits). */
  program: string;
  /** Fingerprint of the directory it ran under. */
  directory: string;
  /** The event as received, for decisions caused by an event. */
  event?: IncomingEvent;
  /** The timer that made it (re-assignments and queue retries). */
  timer?: Timer;
  /** The queues a manual retry listed, with their items. */
  queues?: Record<string, QueueItem[]>;
  /** Every state key it read, with the value it saw first (null: absent). */
  reads: Record<string, Json | null>;
}

/** The state keys that keep programs and directories by fingerprint. */
export const provenanceKeys = {
  program: (fp: string) => `provenance/program/${fp}`,
  directory: (fp: string) => `provenance/directory/${fp}`,
};

/** A 64-bit FNV-1a fingerprint of a JSON value, as 16 hex digits (identifies versions; not a security hash). */
export function fingerprint(value: unknown): string {
  const text = JSON.stringify(value);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c ^ (h1 >>> 15), 0x5bd1e995);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** Records provenance for one engine: the versions it runs and the events in flight. */
export class ProvenanceRecorder {
  private programFp: string;
  private directoryFp: string;
  /** Fingerprints whose program or directory is known to be in the state. */
  private readonly stored = new Set<string>();
  /** Events being decided, by event id, so the decision can carry its event. */
  readonly events = new Map<string, IncomingEvent>();

  constructor(
    private readonly program: Program,
    private directory: Directory,
  ) {
    this.programFp = fingerprint(program);
    this.directoryFp = fingerprint(directory);
  }

  /** The directory changed (API or scenario). */
  setDirectory(directory: Directory): void {
    this.directory = directory;
    this.directoryFp = fingerprint(directory);
  }

  /** `store`, with every decision logged through it carrying its provenance. */
  wrap(store: StateStore): StateStore {
    return {
      begin: async () => new RecordingTransaction(await store.begin(), this),
      close: () => store.close(),
      ...(store.shared ? { shared: true } : {}),
      ...(store.subscribe ? { subscribe: store.subscribe.bind(store) } : {}),
    };
  }

  /** The provenance of a decision made in `tx`; writes the versions into the state the first time. */
  async seal(tx: Transaction, decision: Decision, seen: Omit<Provenance, 'program' | 'directory'>): Promise<Provenance> {
    const keys = [provenanceKeys.program(this.programFp), provenanceKeys.directory(this.directoryFp)];
    const values = [this.program, this.directory];
    for (let i = 0; i < keys.length; i++) {
      if (this.stored.has(keys[i]!)) continue;
      if ((await tx.get(keys[i]!)) === undefined) await tx.put(keys[i]!, values[i] as unknown as Json);
    }
    const event = decision.cause === 'event' ? this.events.get(decision.eventId) : undefined;
    return { program: this.programFp, directory: this.directoryFp, ...(event ? { event } : {}), ...seen };
  }

  /** After a commit: the versions are in the state. */
  committed(): void {
    this.stored.add(provenanceKeys.program(this.programFp));
    this.stored.add(provenanceKeys.directory(this.directoryFp));
  }
}

/** A transaction that notes what it reads and adds provenance to the decisions it logs. */
class RecordingTransaction extends DelegatingTransaction {
  private readonly reads = new Map<string, Json | null>();
  private readonly written = new Set<string>();
  private timer: Timer | undefined;
  private queues: Record<string, QueueItem[]> | undefined;
  private logged = false;

  constructor(
    inner: Transaction,
    private readonly recorder: ProvenanceRecorder,
  ) {
    super(inner);
  }

  private note(key: string, value: Json | undefined): void {
    if (!this.written.has(key) && !this.reads.has(key)) this.reads.set(key, value === undefined ? null : structuredClone(value));
  }

  override async get(key: string): Promise<Json | undefined> {
    const value = await this.inner.get(key);
    this.note(key, value);
    return value;
  }
  override async getMany(keys: readonly string[]): Promise<(Json | undefined)[]> {
    const values = await this.inner.getMany(keys);
    keys.forEach((key, i) => this.note(key, values[i]));
    return values;
  }
  override put(key: string, value: Json): Promise<void> {
    this.written.add(key);
    return this.inner.put(key, value);
  }
  override delete(key: string): Promise<void> {
    this.written.add(key);
    return this.inner.delete(key);
  }
  /** A counter is kept as the value before this transaction's first number, under the memory store's key for it. */
  override async nextSequence(name: string): Promise<number> {
    const next = await this.inner.nextSequence(name);
    const key = sequenceKey(name);
    if (!this.reads.has(key)) this.reads.set(key, next > 1 ? next - 1 : null);
    return next;
  }
  override async claimDue(nowMs: number): Promise<Timer | null> {
    const timer = await this.inner.claimDue(nowMs);
    if (timer) this.timer ??= structuredClone(timer);
    return timer;
  }
  override async dueTimers(nowMs: number): Promise<Timer[]> {
    const timers = await this.inner.dueTimers(nowMs);
    this.timer ??= timers[0] && structuredClone(timers[0]);
    return timers;
  }
  override async listQueue(queue: string): Promise<QueueItem[]> {
    const items = await this.inner.listQueue(queue);
    this.queues ??= {};
    this.queues[queue] ??= structuredClone(items);
    return items;
  }
  override async appendDecision(decision: Decision): Promise<void> {
    const reads = Object.fromEntries(this.reads);
    const seen = { ...(this.timer && decision.cause !== 'event' ? { timer: this.timer } : {}), ...(this.queues ? { queues: this.queues } : {}), reads };
    const provenance = await this.recorder.seal(this.inner, decision, seen);
    this.logged = true;
    decision.provenance = provenance;
    await this.inner.appendDecision(decision);
  }
  override async commit(): Promise<void> {
    await this.inner.commit();
    if (this.logged) this.recorder.committed();
  }
}
