// The SQLite store's rollups (rollups.ts): the `decision_rollups` table, its
// sums, the facts of decisions read from the log's columns (no JSON body is
// parsed), and the one-off build of the rollups from an existing log when a
// database is migrated to the schema that has them. Each decision's changes are
// kept with its transaction, join the commit group when it commits (dropped when
// it aborts) and are written, merged, inside the group's outer transaction just
// before its COMMIT — so the rollups and the log commit or roll back together,
// and a group of decisions writes each shared row once. Sums add the changes not
// yet written.
import type Database from 'better-sqlite3';
import type { Decision } from '../types';
import { addSums, compareRows, EVERY_TEAM, FACTS_COLUMNS, factsFromRow, factsOf, mergeRows, NONE, sqlBound, sumRows, type FactsRow, recordRollup, rollupChange, groupByRecord, type DecisionFacts, type RollupReader, type RollupRow, type RollupSum } from './rollups';

const FACTS = FACTS_COLUMNS;
/** Decisions read per page while building the rollups of an existing log. */
const BUILD_PAGE = 10_000;
/** Rows one upsert statement writes at most. */
const UPSERT_ROWS = 32;

/** The rollup statements of one connection. */
export class SqliteRollups {
  private readonly upserts = new Map<number, Database.Statement>();
  /** Decisions of the open transaction, and of the committed transactions of the open group, not yet counted. */
  private transaction: DecisionFacts[] = [];
  private group: DecisionFacts[] = [];
  private readonly dropEmpty: Database.Statement;
  private readonly sumsOf: Database.Statement;
  private readonly inRange: Database.Statement;
  private readonly noMethod: Database.Statement;
  private readonly ofRecords: Database.Statement;
  /** The reader the store's transactions expose. */
  readonly reader: RollupReader;

  constructor(private readonly db: Database.Database) {
    this.dropEmpty = db.prepare('DELETE FROM decision_rollups WHERE team = ? AND hour = ? AND key = ? AND prev = ? AND aux = ? AND records = 0 AND decisions = 0');
    this.sumsOf = db.prepare(
      `SELECT key, SUM(decisions) AS decisions,
              SUM(CASE WHEN prev < @first AND (aux = ${NONE} OR aux BETWEEN @first AND @last) THEN records ELSE 0 END) AS records
       FROM decision_rollups WHERE team = @team AND hour BETWEEN @first AND @last GROUP BY key`,
    );
    const ofTeam = `(@team = '${EVERY_TEAM}' OR team = @team)`;
    this.inRange = db.prepare(`SELECT ${FACTS} FROM decisions WHERE decided_at >= @from AND decided_at < @to AND ${ofTeam} ORDER BY seq`);
    this.noMethod = db.prepare(`SELECT ${FACTS} FROM decisions WHERE method IS NULL AND rule_id IS NOT NULL AND decided_at >= @from AND decided_at < @to AND ${ofTeam} ORDER BY seq`);
    this.ofRecords = db.prepare(`SELECT ${FACTS} FROM decisions WHERE record_id IN (SELECT value FROM json_each(?)) ORDER BY seq`);
    this.reader = {
      sums: async (fromHour, toHour, team) => {
        const written = this.sumsOf.all({ team, first: sqlBound(fromHour), last: sqlBound(toHour) }) as RollupSum[];
        return addSums(written, sumRows(this.changesOf([...this.group, ...this.transaction]), fromHour, toHour, team));
      },
      factsInRange: async (fromMs, toMs, noMethod, team) =>
        ((noMethod ? this.noMethod : this.inRange).all({ from: sqlBound(fromMs), to: sqlBound(toMs), team }) as FactsRow[]).map(factsFromRow),
      factsOfRecords: async (records) => this.factsOf(records),
    };
  }

  /** Counts a decision just appended, with the current transaction. */
  append(d: Decision): void {
    this.transaction.push(factsOf(d));
  }

  /** The current transaction committed: its decisions join the group. */
  keep(): void {
    this.group.push(...this.transaction);
    this.transaction = [];
  }

  /** The current transaction aborted: its decisions go. */
  discard(): void {
    this.transaction = [];
  }

  /** Before the outer COMMIT: writes the changes of the group's decisions. */
  writeGroup(): void {
    const rows = this.changesOf(this.group);
    this.group = [];
    this.write(rows);
  }

  /** The outer transaction rolled back: the group's decisions went with it. */
  loseGroup(): void {
    this.group = [];
    this.transaction = [];
  }

  /** The rollup changes of decisions appended (already in the table, the last of their records' decisions) but not yet counted. */
  private changesOf(pending: readonly DecisionFacts[]): RollupRow[] {
    if (pending.length === 0) return [];
    const added = new Map<string, number>();
    for (const f of pending) added.set(`${f.entity}/${f.recordId}`, (added.get(`${f.entity}/${f.recordId}`) ?? 0) + 1);
    const changes = new Map<string, RollupRow>();
    for (const all of groupByRecord(this.factsOf(pending))) {
      const first = all[0] as DecisionFacts;
      const count = added.get(`${first.entity}/${first.recordId}`) ?? 0;
      mergeRows(changes, rollupChange(all.slice(0, all.length - count), all));
    }
    return [...changes.values()].sort(compareRows);
  }

  /** Builds the rollups of every decision already in the log (the table must be empty), a page of records at a time. */
  buildFromLog(): void {
    const first = this.db.prepare(`SELECT ${FACTS}, seq FROM decisions ORDER BY entity, record_id, seq LIMIT ${BUILD_PAGE}`);
    const next = this.db.prepare(`SELECT ${FACTS}, seq FROM decisions WHERE (entity, record_id, seq) > (?, ?, ?) ORDER BY entity, record_id, seq LIMIT ${BUILD_PAGE}`);
    let record: DecisionFacts[] = [];
    const flush = () => {
      if (record.length > 0) this.write([...recordRollup(record).values()]);
      record = [];
    };
    for (let page = first.all() as (FactsRow & { seq: number })[]; page.length > 0; ) {
      for (const row of page) {
        const facts = factsFromRow(row);
        const same = record[0];
        if (same && (same.entity !== facts.entity || same.recordId !== facts.recordId)) flush();
        record.push(facts);
      }
      const last = page[page.length - 1] as FactsRow & { seq: number };
      page = page.length < BUILD_PAGE ? [] : (next.all(last.entity, last.record_id, last.seq) as (FactsRow & { seq: number })[]);
    }
    flush();
  }

  /** Every decision of these records, in log order. */
  private factsOf(records: readonly { entity: string; recordId: string }[]): DecisionFacts[] {
    const wanted = new Set(records.map((r) => `${r.entity}/${r.recordId}`));
    const rows = this.ofRecords.all(JSON.stringify([...new Set(records.map((r) => r.recordId))])) as FactsRow[];
    return rows.map(factsFromRow).filter((f) => wanted.has(`${f.entity}/${f.recordId}`));
  }

  /** Adds rows, up to UPSERT_ROWS in one statement, then drops the rows a decrease brought to zero. */
  private write(rows: readonly RollupRow[]): void {
    for (let at = 0; at < rows.length; at += UPSERT_ROWS) {
      const chunk = rows.slice(at, at + UPSERT_ROWS);
      this.upsertOf(chunk.length).run(chunk.flatMap((r) => [r.team, r.hour, r.key, r.prev, r.aux, r.records, r.decisions]));
    }
    for (const row of rows) if (row.records < 0 || row.decisions < 0) this.dropEmpty.run(row.team, row.hour, row.key, row.prev, row.aux);
  }

  private upsertOf(count: number): Database.Statement {
    let statement = this.upserts.get(count);
    if (!statement) {
      statement = this.db.prepare(
        `INSERT INTO decision_rollups (team, hour, key, prev, aux, records, decisions) VALUES ${Array(count).fill('(?, ?, ?, ?, ?, ?, ?)').join(', ')}
         ON CONFLICT (team, hour, key, prev, aux) DO UPDATE SET records = records + excluded.records, decisions = decisions + excluded.decisions`,
      );
      this.upserts.set(count, statement);
    }
    return statement;
  }
}

