// The engine: event → decision (RUNTIME.md). Every public call runs in one
// state transaction, committed at the end and aborted on any error, so nothing
// is ever half-written. The program is compiled and the directory indexed once;
// the clock is injected so tests and scenario suites control time.
import type { Directory } from '../compiler/directory/model';
import type { Program } from '../compiler/ir';
import { route, type EngineEnv } from './decide';
import { indexDirectory, type DirectoryIndex } from './directory-index';
import { assignRecord, closeRecordState } from './effects';
import { indexProgram, type ProgramIndex } from './program-index';
import { ProvenanceRecorder } from './provenance';
import { loadRecord, mergeEvent, newRecord, saveRecord } from './record-state';
import { checkId, validateEvent } from './records';
import { keys, locks } from './state-keys';
import { inTransaction, type QueueItem, type StateStore, type Transaction } from './state/store';
import { runTimer } from './timers';
import { explainDecision } from './explain-rules';
import type { DecideResult, Decision, ExplainedDecision, IncomingEvent, UserStateOverrides } from './types';

export interface EngineOptions {
  program: Program;
  directory: Directory;
  store: StateStore;
  /** Epoch ms; every decision reads it once. */
  clock: () => number;
  /** Add an outbox item per decision for the server to deliver (default false). */
  outbox?: boolean;
  /** Log each decision with what it needs to be re-run exactly (`Decision.provenance`, runtime/provenance.ts). */
  provenance?: boolean;
  /**
   * Runs inside each decision's transaction (events, timers, queue retries), after
   * the decision is logged and just before the commit: what it writes commits with
   * the decision or not at all (the server's outbox items, Idempotency-Key records).
   */
  onCommit?: (tx: Transaction, decision: Decision) => Promise<void>;
}

/** A manual assignment reported to the engine (API `POST /v1/assignments`). */
export interface ManualAssignment {
  entity: string;
  recordId: string;
  user: string;
  /** False for cherry-picked records: no quota, rotation or least_recent effect. */
  counts: boolean;
}

export interface Engine {
  /** Validates, deduplicates by event id, and decides (RUNTIME.md "An event, start to end"). */
  decide(event: IncomingEvent): Promise<DecideResult>;
  /** Runs every timer due at the clock, in due order, one transaction each; returns the decisions made. */
  tick(): Promise<Decision[]>;
  nextTimerAt(): Promise<number | null>;
  /** Replaces the directory (API or scenario `given`); rebuilds the indexes. */
  setDirectory(directory: Directory): void;
  /** Sets state-kept user values (scenario `given.state`); `openLoad` sets the user's total. */
  setUserState(overrides: UserStateOverrides): Promise<void>;
  /** The record is closed: its owners' open_load goes down. False when unknown or already closed. */
  closeRecord(entity: string, recordId: string): Promise<boolean>;
  /** Reports a manual assignment. */
  reportAssignment(assignment: ManualAssignment): Promise<void>;
  /** Sends a queued record through the rules again; null when it is not in that queue. */
  retryQueued(queue: string, entity: string, recordId: string): Promise<DecideResult | null>;
  listQueue(queue: string): Promise<QueueItem[]>;
  /** The decision with the rules it tried, rebuilt from its logged record; with `coverage`, every condition's value too. */
  explain(decision: Decision, coverage?: boolean): ExplainedDecision;
  /** The prepared program and directory (for tools and benchmarks). */
  readonly program: ProgramIndex;
  readonly directory: DirectoryIndex;
}

/** Creates an engine over a program, a directory and a state store. */
export function createEngine(options: EngineOptions): Engine {
  const program = indexProgram(options.program);
  let dir = indexDirectory(options.directory);
  const recorder = options.provenance ? new ProvenanceRecorder(options.program, options.directory) : null;
  const store = recorder ? recorder.wrap(options.store) : options.store;
  const { clock } = options;
  const env = (): EngineEnv => ({ program, dir, now: clock(), outbox: options.outbox ?? false });
  const decided = async <T extends Decision | null>(tx: Transaction, decision: T): Promise<T> => {
    if (decision && options.onCommit) await options.onCommit(tx, decision);
    return decision;
  };

  return {
    program,
    get directory() {
      return dir;
    },

    async decide(event) {
      const checked = checkId(event?.id, 'id', 'an event');
      if ('issue' in checked) return { ok: false, issues: [checked.issue] };
      const eventId = checked.id;
      recorder?.events.set(eventId, event);
      const tx = await store.begin();
      try {
        await tx.lock([locks.event(eventId)]);
        const first = await tx.decisionForEvent(eventId);
        if (first) {
          await tx.commit();
          return { ok: true, decision: first, duplicate: true };
        }
        const valid = validateEvent(options.program, event);
        if (!valid.ok) {
          await tx.abort();
          return valid;
        }
        const e = valid.event;
        await tx.lock([locks.record(e.entity, e.recordId)]);
        const record = mergeEvent(await loadRecord(tx, e.entity, e.recordId), e);
        const decision = await decided(tx, await route(env(), tx, record, { eventId: e.id, eventType: e.type, changed: e.changed, cause: 'event' }));
        await tx.commit();
        return { ok: true, decision, duplicate: false };
      } catch (error) {
        await tx.abort();
        throw error;
      } finally {
        recorder?.events.delete(eventId);
      }
    },

    async tick() {
      const decisions: Decision[] = [];
      for (;;) {
        const made = await inTransaction(store, async (tx) => {
          const timer = await tx.claimDue(clock());
          if (!timer) return 'idle' as const;
          return decided(tx, await runTimer(env(), tx, timer));
        });
        if (made === 'idle') return decisions;
        if (made) decisions.push(made);
      }
    },

    nextTimerAt: () => inTransaction(store, (tx) => tx.nextTimerAt()),

    setDirectory(directory) {
      dir = indexDirectory(directory);
      recorder?.setDirectory(directory);
    },

    setUserState: (overrides) =>
      inTransaction(store, async (tx) => {
        await tx.lock([...new Set([...Object.keys(overrides.lastAssignedAt ?? {}), ...Object.keys(overrides.openLoad ?? {})])].map(locks.user));
        for (const [user, at] of Object.entries(overrides.lastAssignedAt ?? {})) {
          await tx.put(keys.lastAssignedAt(user), at);
          await tx.delete(keys.lastAssignedSeq(user));
        }
        for (const [user, load] of Object.entries(overrides.openLoad ?? {})) {
          await tx.put(keys.openLoad(user), load - (dir.users.get(user)?.user.openLoad ?? 0));
        }
      }),

    closeRecord: (entity, recordId) =>
      inTransaction(store, async (tx) => {
        await tx.lock([locks.record(entity, recordId)]);
        const record = await loadRecord(tx, entity, recordId);
        if (!record || record.closed) return false;
        await tx.lock(record.loaded.map(locks.user));
        await closeRecordState(tx, record);
        await saveRecord(tx, record);
        return true;
      }),

    reportAssignment: (a) =>
      inTransaction(store, async (tx) => {
        await tx.lock([locks.record(a.entity, a.recordId)]);
        const now = clock();
        const record = (await loadRecord(tx, a.entity, a.recordId)) ?? newRecord(a.entity, a.recordId, '', `${a.entity}.created`);
        await tx.lock([a.user, ...record.loaded].map(locks.user));
        await assignRecord({ program, now }, tx, record, [a.user], a.counts);
        await saveRecord(tx, record);
      }),

    async retryQueued(queue, entity, recordId) {
      return inTransaction(store, async (tx) => {
        await tx.lock([locks.record(entity, recordId)]);
        const item = (await tx.listQueue(queue)).find((i) => i.entity === entity && i.recordId === recordId);
        if (!item) return null;
        const record = await loadRecord(tx, entity, recordId);
        if (!record) return null;
        const decision = await decided(tx, await route(env(), tx, record, { eventId: item.eventId, eventType: record.eventType, changed: record.changed, cause: 'manual-retry' }));
        return { ok: true as const, decision, duplicate: false };
      });
    },

    listQueue: (queue) => inTransaction(store, (tx) => tx.listQueue(queue)),

    explain: (decision, coverage) => explainDecision(program, decision, coverage),
  };
}
