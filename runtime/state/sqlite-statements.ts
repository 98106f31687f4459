// The SQL of the SQLite state store: every statement prepared once per connection,
// and the decision-log query built from a DecisionFilter (statements cached per
// combination of filters). Values are JSON text; rows come back as parsed copies.
import type Database from 'better-sqlite3';
import type { Decision } from '../types';
import { SqliteRollups } from './sqlite-rollups';
import type { DecisionFilter } from './store';

/** The prepared statements of one connection. */
export interface Statements {
  kvGet: Database.Statement;
  kvGetMany: Database.Statement;
  kvPut: Database.Statement;
  kvDelete: Database.Statement;
  sequenceNext: Database.Statement;
  /** Appends a decision; `body` is its JSON text when the caller has it already. */
  decisionAppend: Database.Transaction<(d: Decision, body?: string) => void>;
  decisionForEvent: Database.Statement;
  decisionGet: Database.Statement;
  timerPut: Database.Statement;
  timersDue: Database.Statement;
  timerNext: Database.Statement;
  timerDelete: Database.Statement;
  queuePut: Database.Statement;
  queueDelete: Database.Statement;
  queueList: Database.Statement;
  outboxPut: Database.Statement;
  outboxList: Database.Statement;
  outboxDelete: Database.Statement;
  rollups: SqliteRollups;
}

/** Prepares the store's fixed statements on `db`. */
export function prepareStatements(db: Database.Database): Statements {
  const p = (sql: string): Database.Statement => db.prepare(sql);
  const decisionInsert = p(
    `INSERT INTO decisions (id, event_id, entity, record_id, rule_id, outcome, decided_at, assigned, cause, method, team, body)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const rollups = new SqliteRollups(db);
  const decisionUserInsert = p('INSERT OR IGNORE INTO decision_users (decision_id, user_id) VALUES (?, ?)');
  return {
    kvGet: p('SELECT value FROM kv WHERE key = ?').pluck(),
    kvGetMany: p('SELECT key, value FROM kv WHERE key IN (SELECT value FROM json_each(?))'),
    kvPut: p('INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    kvDelete: p('DELETE FROM kv WHERE key = ?'),
    sequenceNext: p(
      `INSERT INTO kv (key, value) VALUES (?, '1')
       ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1 RETURNING CAST(value AS INTEGER)`,
    ).pluck(),
    /** A decision, its user rows and its rollups; nests as a savepoint inside the open transaction. */
    decisionAppend: db.transaction<(d: Decision, body?: string) => void>((d, body = JSON.stringify(d)) => {
      const assigned = JSON.stringify(d.assigned);
      const method = d.trace.method?.method ?? null;
      decisionInsert.run(d.id, d.eventId, d.entity, d.recordId, d.ruleId, d.outcome, d.decidedAt, assigned, d.cause, method, d.team ?? null, body);
      for (const user of d.assigned) decisionUserInsert.run(d.id, user);
      rollups.append(d);
    }),
    decisionForEvent: p('SELECT body FROM decisions WHERE event_id = ? ORDER BY seq LIMIT 1').pluck(),
    decisionGet: p('SELECT body FROM decisions WHERE id = ?').pluck(),
    timerPut: p('INSERT OR REPLACE INTO timers (id, due_at, body) VALUES (?, ?, ?)'),
    timersDue: p('SELECT body FROM timers WHERE due_at <= ? ORDER BY due_at, id').pluck(),
    timerNext: p('SELECT MIN(due_at) FROM timers').pluck(),
    timerDelete: p('DELETE FROM timers WHERE id = ?'),
    queuePut: p('INSERT OR REPLACE INTO queue_items (queue, entity, record_id, enqueued_at, body) VALUES (?, ?, ?, ?, ?)'),
    queueDelete: p('DELETE FROM queue_items WHERE queue = ? AND entity = ? AND record_id = ?'),
    queueList: p('SELECT body FROM queue_items WHERE queue = ? ORDER BY seq').pluck(),
    outboxPut: p(
      `INSERT INTO outbox (id, created_at, body) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET created_at = excluded.created_at, body = excluded.body`,
    ),
    outboxList: p('SELECT body FROM outbox ORDER BY seq LIMIT ?').pluck(),
    outboxDelete: p('DELETE FROM outbox WHERE id = ?'),
    rollups,
  };
}


/** Newest decisions the first look of a query by time range or user reads. */
const RECENT_WINDOW = 10_000;

/**
 * The decision-log query: every given filter must match; newest first. A time
 * range or a user cannot be read in log order from an index, so such a query
 * first looks only at the RECENT_WINDOW newest decisions below the cursor, in
 * log order (enough for a page of a recent range); then, for a range, at the
 * window below the range's newest decision (found in the range's index); when
 * neither holds a page, it takes the page's positions from the indexes and sorts
 * only those before reading the bodies.
 */
export class DecisionQueries {
  private readonly cache = new Map<string, Database.Statement>();

  /** `window`: how many decisions a first look reads (RECENT_WINDOW; tests take fewer). */
  constructor(
    private readonly db: Database.Database,
    private readonly window = RECENT_WINDOW,
  ) {}

  /** The JSON bodies of the decisions matching `filter`, newest first. */
  list(filter: DecisionFilter): string[] {
    const limit = Math.max(0, filter.limit ?? 100);
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, value: unknown) => {
      if (value === undefined) return;
      where.push(clause);
      params.push(value);
    };
    add('entity = ?', filter.entity);
    add('record_id = ?', filter.recordId);
    add('rule_id = ?', filter.ruleId);
    add('team = ?', filter.team);
    add('outcome = ?', filter.outcome);
    // An unknown cursor is ignored, as the memory store does.
    add('seq < coalesce((SELECT seq FROM decisions WHERE id = ?), 9223372036854775807)', filter.before);
    // The filters no index reads in log order; `column` names the time (`+decided_at`: not from its index).
    const unordered = (column: string) => [
      ...(filter.user === undefined ? [] : ['id IN (SELECT decision_id FROM decision_users WHERE user_id = ?)']),
      ...(filter.fromMs === undefined ? [] : [`${column} >= ?`]),
      ...(filter.toMs === undefined ? [] : [`${column} < ?`]),
    ];
    const all = [...where, ...unordered('decided_at')];
    params.push(...[filter.user, filter.fromMs, filter.toMs].filter((v) => v !== undefined));
    if (all.length === where.length) return this.run(`SELECT body FROM decisions${whereOf(all)} ORDER BY seq DESC LIMIT ?`, [...params, limit]);
    const known = filter.before === undefined ? undefined : this.statement('SELECT seq FROM decisions WHERE id = ?').get(filter.before);
    const recent = `SELECT body FROM decisions${whereOf([...where, ...unordered('+decided_at'), 'seq >= ?', 'seq < ?'])} ORDER BY seq DESC LIMIT ?`;
    const below = (top: number) => this.run(recent, [...params, top - this.window, top, limit]);
    let top = ((known ?? this.statement('SELECT MAX(seq) + 1 FROM decisions').get()) as number | null) ?? 0;
    let page = below(top);
    if (page.length === limit || top - this.window <= 1) return page;
    if (filter.fromMs !== undefined || filter.toMs !== undefined) {
      // Past the newest decision of the range (read from the range's index), the window may hold a page.
      const range = unordered('decided_at').filter((c) => c.startsWith('decided_at'));
      const newest = this.statement(`SELECT MAX(seq) + 1 FROM decisions${whereOf([...range, 'seq < ?'])}`).get(...[filter.fromMs, filter.toMs].filter((v) => v !== undefined), top) as number | null;
      if (newest === null) return [];
      if (newest <= top - this.window) {
        top = newest;
        page = below(top);
        if (page.length === limit || top - this.window <= 1) return page;
      }
    }
    return this.run(`SELECT body FROM decisions WHERE seq IN (SELECT seq FROM decisions${whereOf(all)} ORDER BY seq DESC LIMIT ?) ORDER BY seq DESC`, [...params, limit]);
  }

  private run(sql: string, params: unknown[]): string[] {
    return this.statement(sql).all(...params) as string[];
  }

  private statement(sql: string): Database.Statement {
    let statement = this.cache.get(sql);
    if (!statement) this.cache.set(sql, (statement = this.db.prepare(sql).pluck()));
    return statement;
  }
}

function whereOf(clauses: readonly string[]): string {
  return clauses.length > 0 ? ` WHERE ${clauses.join(' AND ')}` : '';
}
