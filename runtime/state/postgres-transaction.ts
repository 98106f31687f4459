// One transaction of the PostgreSQL store (postgres-store.ts). Key writes are
// kept in the transaction and written in one statement at commit (reads see them
// first); BEGIN, locks and writes that answer nothing travel with the next
// statement that does (postgres-pipeline.ts), so a decision costs few round
// trips. Values are JSON text, so every read returns a fresh copy.
import type pg from 'pg';
import type { Decision } from '../types';
import { newLocks } from './postgres-locks';
import { StatementPipeline } from './postgres-pipeline';
import { PostgresRollups } from './postgres-rollups';
import { quoteIdent } from './postgres-schema';
import type { RollupReader } from './rollups';
import type { DecisionFilter, Json, OutboxItem, QueueItem, Timer, Transaction } from './store';

/** What the transactions of one store share. */
export interface PostgresShared {
  pool: pg.Pool;
  schema: string;
  channel: string;
  /** This store's id in notifications, so it does not hear its own. */
  origin: string;
  outboxLeaseMs: number;
  /** Creates the sequence `name` (quoted: `sequence`) once per process, outside every transaction. */
  ensureSequence(name: string, sequence: string): Promise<void>;
}

const DELETED = Symbol('deleted');
const SEQUENCE_NAME = /^[a-z][a-z0-9_]{0,40}$/;

/** A PostgreSQL transaction; created by PostgresStore.begin. */
export class PostgresTransaction implements Transaction {
  private readonly writes = new Map<string, Json | typeof DELETED>();
  private readonly held = new Set<string>();
  private readonly pipe: StatementPipeline;
  private readonly rollupWork: PostgresRollups;
  private done = false;

  constructor(
    private readonly client: pg.PoolClient,
    private readonly shared: PostgresShared,
  ) {
    this.pipe = new StatementPipeline(client);
    this.pipe.defer('BEGIN');
    this.rollupWork = new PostgresRollups((sql, params) => this.rows(sql, params));
  }

  get rollups(): RollupReader {
    this.check();
    return this.rollupWork.reader;
  }

  async lock(keys: readonly string[]): Promise<void> {
    this.check();
    const locks = newLocks(keys, this.held);
    if (locks.length === 0) return;
    this.pipe.defer('SELECT dist_lock($1::int[], $2::int[])', [locks.map((l) => l.cls), locks.map((l) => l.hash)]);
  }

  async get(key: string): Promise<Json | undefined> {
    return (await this.getMany([key]))[0];
  }

  async getMany(keys: readonly string[]): Promise<(Json | undefined)[]> {
    this.check();
    const missing = [...new Set(keys.filter((key) => !this.writes.has(key)))];
    const found = new Map<string, string>();
    if (missing.length > 0) {
      const rows = await this.rows<{ key: string; value: string }>('SELECT key, value FROM kv WHERE key = ANY($1::text[])', [missing]);
      for (const row of rows) found.set(row.key, row.value);
    }
    return keys.map((key) => {
      if (this.writes.has(key)) {
        const value = this.writes.get(key) as Json | typeof DELETED;
        return value === DELETED ? undefined : (JSON.parse(JSON.stringify(value)) as Json);
      }
      const text = found.get(key);
      return text === undefined ? undefined : (JSON.parse(text) as Json);
    });
  }

  async put(key: string, value: Json): Promise<void> {
    this.check();
    this.writes.set(key, JSON.parse(JSON.stringify(value)) as Json);
  }

  async delete(key: string): Promise<void> {
    this.check();
    this.writes.set(key, DELETED);
  }

  async nextSequence(name: string): Promise<number> {
    this.check();
    if (!SEQUENCE_NAME.test(name)) throw new Error(`invalid sequence name \`${name}\``);
    const sequence = quoteIdent(`seq_${name}`);
    await this.shared.ensureSequence(name, sequence);
    const [row] = await this.rows<{ n: string }>(`SELECT nextval('${sequence}') AS n`);
    return Number(row?.n);
  }

  async publish(topic: string): Promise<void> {
    this.check();
    this.pipe.defer('SELECT pg_notify($1, $2)', [this.shared.channel, JSON.stringify([this.shared.schema, topic, this.shared.origin])]);
  }

  async appendDecision(d: Decision): Promise<void> {
    this.check();
    await this.rollupWork.append(d);
    this.pipe.defer(
      `WITH logged AS (
         INSERT INTO decisions (id, event_id, entity, record_id, rule_id, outcome, decided_at, assigned, cause, method, team, body)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id, event_id
       )
       INSERT INTO decision_events (event_id, decision_id) SELECT event_id, id FROM logged ON CONFLICT (event_id) DO NOTHING`,
      [d.id, d.eventId, d.entity, d.recordId, d.ruleId, d.outcome, d.decidedAt, d.assigned, d.cause, d.trace.method?.method ?? null, d.team ?? null, JSON.stringify(d)],
    );
  }

  async decisionForEvent(eventId: string): Promise<Decision | null> {
    return this.body<Decision>('SELECT d.body FROM decision_events e JOIN decisions d ON d.id = e.decision_id WHERE e.event_id = $1', [eventId]);
  }

  async getDecision(id: string): Promise<Decision | null> {
    return this.body<Decision>('SELECT body FROM decisions WHERE id = $1', [id]);
  }

  async listDecisions(filter: DecisionFilter): Promise<Decision[]> {
    this.check();
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: (n: string) => string, value: unknown) => {
      if (value === undefined) return;
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    add((n) => `entity = ${n}`, filter.entity);
    add((n) => `record_id = ${n}`, filter.recordId);
    add((n) => `rule_id = ${n}`, filter.ruleId);
    add((n) => `team = ${n}`, filter.team);
    add((n) => `assigned @> ARRAY[${n}::text]`, filter.user);
    add((n) => `outcome = ${n}`, filter.outcome);
    add((n) => `decided_at >= ${n}`, filter.fromMs);
    add((n) => `decided_at < ${n}`, filter.toMs);
    // An unknown cursor is ignored, as the memory store does.
    add((n) => `seq < coalesce((SELECT seq FROM decisions WHERE id = ${n}), 9223372036854775807)`, filter.before);
    params.push(Math.max(0, filter.limit ?? 100));
    const conditions = where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '';
    return this.bodies<Decision>(`SELECT body FROM decisions${conditions} ORDER BY seq DESC LIMIT $${params.length}`, params);
  }

  async scheduleTimer(timer: Timer): Promise<void> {
    this.check();
    this.pipe.defer(
      `INSERT INTO timers (id, due_at, body) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET due_at = excluded.due_at, body = excluded.body`,
      [timer.id, timer.dueAt, JSON.stringify(timer)],
    );
  }

  async dueTimers(nowMs: number): Promise<Timer[]> {
    return this.bodies<Timer>('SELECT body FROM timers WHERE due_at <= $1 ORDER BY due_at, id', [clampMs(nowMs)]);
  }

  async claimDue(nowMs: number): Promise<Timer | null> {
    return this.body<Timer>(
      `DELETE FROM timers WHERE id = (
         SELECT id FROM timers WHERE due_at <= $1 ORDER BY due_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
       ) RETURNING body`,
      [clampMs(nowMs)],
    );
  }

  async nextTimerAt(): Promise<number | null> {
    this.check();
    const [row] = await this.rows<{ at: number | null }>('SELECT min(due_at)::float8 AS at FROM timers');
    return row?.at ?? null;
  }

  async deleteTimer(id: string): Promise<void> {
    this.check();
    this.pipe.defer('DELETE FROM timers WHERE id = $1', [id]);
  }

  async enqueue(item: QueueItem): Promise<void> {
    this.check();
    this.pipe.defer(
      `INSERT INTO queue_items (queue, entity, record_id, enqueued_at, body) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (queue, entity, record_id) DO UPDATE SET seq = nextval(pg_get_serial_sequence('queue_items', 'seq')), enqueued_at = excluded.enqueued_at, body = excluded.body`,
      [item.queue, item.entity, item.recordId, item.enqueuedAt, JSON.stringify(item)],
    );
  }

  async dequeue(queue: string, entity: string, recordId: string): Promise<boolean> {
    this.check();
    const result = await this.query('DELETE FROM queue_items WHERE queue = $1 AND entity = $2 AND record_id = $3', [queue, entity, recordId]);
    return (result.rowCount ?? 0) > 0;
  }

  async listQueue(queue: string): Promise<QueueItem[]> {
    return this.bodies<QueueItem>('SELECT body FROM queue_items WHERE queue = $1 ORDER BY seq', [queue]);
  }

  async addOutbox(item: OutboxItem): Promise<void> {
    this.check();
    this.pipe.defer(
      `INSERT INTO outbox (id, created_at, lease_until, body) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET created_at = excluded.created_at, lease_until = excluded.lease_until, body = excluded.body`,
      [item.id, item.createdAt, Date.now() + this.shared.outboxLeaseMs, JSON.stringify(item)],
    );
  }

  async listOutbox(limit: number): Promise<OutboxItem[]> {
    return this.bodies<OutboxItem>('SELECT body FROM outbox ORDER BY seq LIMIT $1', [Math.max(0, limit)]);
  }

  async claimOutbox(limit: number, nowMs: number, leaseMs: number): Promise<OutboxItem[]> {
    this.check();
    const rows = await this.rows<{ seq: string; body: string }>(
      `UPDATE outbox SET lease_until = $2 WHERE seq IN (
         SELECT seq FROM outbox WHERE lease_until <= $1 ORDER BY seq LIMIT $3 FOR UPDATE SKIP LOCKED
       ) RETURNING seq, body`,
      [clampMs(nowMs), clampMs(nowMs + leaseMs), Math.max(0, Math.min(limit, 1_000_000_000))],
    );
    return rows.sort((a, b) => Number(a.seq) - Number(b.seq)).map((row) => JSON.parse(row.body) as OutboxItem);
  }

  async deleteOutbox(id: string): Promise<void> {
    this.check();
    this.pipe.defer('DELETE FROM outbox WHERE id = $1', [id]);
  }

  async commit(): Promise<void> {
    this.check();
    this.done = true;
    try {
      this.flush();
      await this.pipe.run('COMMIT');
    } catch (error) {
      await this.client.query('ROLLBACK').catch(() => undefined);
      this.client.release();
      throw error;
    }
    this.client.release();
  }

  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    try {
      // Nothing sent yet: there is no transaction to roll back.
      const begun = !this.pipe.discardIfUnsent();
      if (begun) await this.client.query('ROLLBACK');
      this.client.release();
    } catch (error) {
      this.client.release(error as Error);
    }
  }

  /** Keeps the key writes for the commit, in two statements at most. */
  private flush(): void {
    const puts: [string, string][] = [];
    const deletes: string[] = [];
    for (const [key, value] of this.writes) if (value === DELETED) deletes.push(key);
    else puts.push([key, JSON.stringify(value)]);
    if (deletes.length > 0) this.pipe.defer('DELETE FROM kv WHERE key = ANY($1::text[])', [deletes]);
    if (puts.length > 0) {
      this.pipe.defer(
        `INSERT INTO kv (key, value) SELECT * FROM unnest($1::text[], $2::text[])
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        [puts.map(([key]) => key), puts.map(([, value]) => value)],
      );
    }
    for (const { sql, params } of this.rollupWork.flush()) this.pipe.defer(sql, params);
  }

  private check(): void {
    if (this.done) throw new Error('transaction already ended');
  }

  private query(sql: string, params?: unknown[]): Promise<pg.QueryResult> {
    return this.pipe.run(sql, params);
  }

  private async rows<T extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]> {
    return (await this.pipe.run<T>(sql, params)).rows;
  }

  private async bodies<T>(sql: string, params: unknown[]): Promise<T[]> {
    this.check();
    return (await this.rows<{ body: string }>(sql, params)).map((row) => JSON.parse(row.body) as T);
  }

  private async body<T>(sql: string, params: unknown[]): Promise<T | null> {
    return (await this.bodies<T>(sql, params))[0] ?? null;
  }
}

/** Epoch ms as a bigint parameter (Infinity means "any time"). */
function clampMs(ms: number): number {
  return Math.max(-9e15, Math.min(9e15, Math.trunc(ms)));
}
