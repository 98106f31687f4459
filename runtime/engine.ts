// The engine: event → decision (RUNTIME.md). Every public call runs in one
// state transaction, committed at the end and aborted on any error, so nothing
// is ever half-written. The program is compiled and the directory indexed once;
// the clock is injected so tests and scenario suites control time.
import type { Directory } from '../compiler/directory/model';
import type { Program } from '../compiler/ir';
import { route, type EngineEnv } from './decide';
import { indexDirectory, type DirectoryIndex } from './directory-index';
import { EligibilityMemos } from './eligibility-memo';
import { assignRecord, closeRecordState } from './effects';
import { indexProgram, type ProgramIndex } from './program-index';
import { logManualAssignment } from './manual-log';
import { knownRecordUpdate } from './payload-update';
import { ProvenanceRecorder } from './provenance';
import { loadRecord, mergeEvent, newRecord, saveRecord } from './record-state';
import { findMap, mapPayload } from './input-map';
import { keepInvalid, unknownSource } from './kept-payloads';
import { checkId, validateEvent } from './records';
import { keys, locks } from './state-keys';
import { inTransaction, type KeptPayload, type QueueItem, type StateStore, type Transaction } from './state/store';
import { runTimer } from './timers';
import { explainDecision } from './explain-rules';
import type { DecideResult, Decision, ExplainedDecision, IncomingEvent, InputIssue, PayloadResult, UserStateOverrides } from './types';

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
  /** Who made it, when told (kept in the decision log). */
  by?: string;
}

export interface Engine {
  /** Validates, deduplicates by event id, and decides (RUNTIME.md "An event, start to end"). */
  decide(event: IncomingEvent): Promise<DecideResult>;
  /**
   * Maps a raw payload with the `map` block of `source` into a `<entity>.created`
   * event with id `eventId` (`<entity>.updated` when the record is known:
   * runtime/payload-update.ts) and decides it like `decide` (runtime/input-map.ts).
   * A payload that fails is kept in the map's `on invalid` queue when it has one.
   */
  decidePayload(source: string, payload: unknown, eventId: string): Promise<PayloadResult>;
  /** Runs every timer due at the clock, in due order, one transaction each; returns the decisions made. */
  tick(): Promise<Decision[]>;
  nextTimerAt(): Promise<number | null>;
  /** Replaces the directory (API or scenario `given`); rebuilds the indexes. */
  setDirectory(directory: Directory): void;
  /** Sets state-kept user values (scenario `given.state`); `openLoad` sets the user's total. */
  setUserState(overrides: UserStateOverrides): Promise<void>;
  /** The record is closed: its owners' open_load goes down. False when unknown or already closed. */
  closeRecord(entity: string, recordId: string): Promise<boolean>;
  /** Reports a manual assignment; it is logged as a decision with cause `manual` (runtime/manual-log.ts). */
  reportAssignment(assignment: ManualAssignment): Promise<Decision>;
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
  const memos = store.onCommit ? new EligibilityMemos() : null;
  if (memos) feedWhileKept(store, memos);
  const env = (): EngineEnv => ({ program, dir, now: clock(), outbox: options.outbox ?? false, memos });
  const decided = async <T extends Decision | null>(tx: Transaction, decision: T): Promise<T> => {
    if (decision && options.onCommit) await options.onCommit(tx, decision);
    return decision;
  };

  /**
   * Decides the event `build` gives (null: it could not be built), unless the
   * event id has a decision already: then that one, as a duplicate. Runs in `tx`.
   */
  function decideIn(tx: Transaction, eventId: string, build: () => IncomingEvent): Promise<DecideResult>;
  function decideIn(tx: Transaction, eventId: string, build: () => Promise<IncomingEvent | null>): Promise<DecideResult | null>;
  async function decideIn(tx: Transaction, eventId: string, build: () => IncomingEvent | Promise<IncomingEvent | null>): Promise<DecideResult | null> {
    await tx.lock([locks.event(eventId)]);
    const first = await tx.decisionForEvent(eventId);
    if (first) return { ok: true, decision: first, duplicate: true };
    const event = await build();
    if (event === null) return null;
    recorder?.events.set(eventId, event);
    const valid = validateEvent(options.program, event);
    if (!valid.ok) return valid;
    const e = valid.event;
    await tx.lock([locks.record(e.entity, e.recordId)]);
    const record = mergeEvent(await loadRecord(tx, e.entity, e.recordId), e);
    const decision = await decided(tx, await route(env(), tx, record, { eventId: e.id, eventType: e.type, changed: e.changed, cause: 'event' }));
    return { ok: true, decision, duplicate: false };
  }

  /** Maps a kept payload again with the running program: decided (and out of its queue) when it passes now. */
  async function retryKept(tx: Transaction, item: QueueItem, kept: KeptPayload): Promise<DecideResult> {
    const map = findMap(options.program, kept.source);
    if (!map) return { ok: false, issues: [unknownSource(options.program, kept.source)] };
    let issues: InputIssue[] = [];
    const result = await decideIn(tx, item.eventId, async () => {
      const mapped = mapPayload(options.program, map, kept.payload, item.eventId, clock());
      if (mapped.ok) return knownRecordUpdate(tx, options.program, mapped.event);
      issues = mapped.issues;
      return null;
    });
    if (result?.ok) {
      await tx.dequeue(item.queue, item.entity, item.recordId);
      return result;
    }
    if (result) return result;
    await tx.enqueue({ ...item, invalid: { ...kept, issues } });
    return { ok: false, issues };
  }

  return {
    program,
    get directory() {
      return dir;
    },

    async decide(event) {
      const checked = checkId(event?.id, 'id', 'an event');
      if ('issue' in checked) return { ok: false, issues: [checked.issue] };
      try {
        return await inTransaction(store, (tx) => decideIn(tx, checked.id, () => event));
      } finally {
        recorder?.events.delete(checked.id);
      }
    },

    async decidePayload(source, payload, eventId) {
      const map = findMap(options.program, source);
      if (!map) return { ok: false, issues: [unknownSource(options.program, source)], queue: null };
      const decide = async (tx: Transaction): Promise<PayloadResult> => {
        let issues: InputIssue[] = [];
        const result = await decideIn(tx, eventId, async () => {
          const mapped = mapPayload(options.program, map, payload, eventId, clock());
          if (mapped.ok) return knownRecordUpdate(tx, options.program, mapped.event);
          issues = mapped.issues;
          return null;
        });
        if (result) return result.ok ? result : { ...result, queue: null };
        if (map.invalidQueue !== null) await keepInvalid(tx, { ...map, invalidQueue: map.invalidQueue }, { eventId, payload, issues, now: clock() });
        return { ok: false, issues, queue: map.invalidQueue };
      };
      try {
        return await inTransaction(store, decide);
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
        return logManualAssignment(tx, record, { user: a.user, counts: a.counts, ...(a.by !== undefined ? { by: a.by } : {}) }, now);
      }),

    async retryQueued(queue, entity, recordId) {
      return inTransaction(store, async (tx) => {
        await tx.lock([locks.record(entity, recordId)]);
        const item = (await tx.listQueue(queue)).find((i) => i.entity === entity && i.recordId === recordId);
        if (!item) return null;
        if (item.invalid) return retryKept(tx, item, item.invalid);
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

/**
 * Feeds `memos` with the store's commits while the engine keeps them: the feed
 * holds them weakly and stops once they are gone, so a store outliving engines
 * (one per reload of the rules) does not keep them all.
 */
function feedWhileKept(store: StateStore, memos: EligibilityMemos): void {
  const kept = new WeakRef(memos);
  const stop = store.onCommit?.((keys) => {
    const live = kept.deref();
    if (live) live.written(keys);
    else stop?.();
  });
}
