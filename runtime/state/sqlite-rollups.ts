// The SQLite store's rollups (rollups.ts): the `decision_rollups` table, its
// sums, the facts of decisions read from the log's columns (no JSON body is
// parsed), and the one-off build of the rollups from an existing log when a
// database is migrated to the schema that has them. Each decision's changes are
// kept with its transaction, join the commit group when it commits (dropped when
// it aborts) and are written, merged, inside the group's outer transaction just
// before its COMMIT — so the rollups and the log commit or roll back together,
// and a group of decisions writes each shared row once. Sums add the changes not
// yet written. Every row is also added into its UTC day's row in
// `decision_day_rollups` (the same row with `day` for `hour`: the sums' test of
// a row reads only its prev and aux, so the hours of a whole day sum as one), so
// a range reads the rows of its whole days there and only its first and last
// partial days by the hour.
import type Database from 'better-sqlite3';
import type { Decision } from '../types';
import { addSums, compareRows, EVERY_TEAM, FACTS_COLUMNS, factsFromRow, factsOf, mergeRows, NONE, sqlBound, sumRows, type FactsRow, recordRollup, rollupChange, groupByRecord, type DecisionFacts, type RollupReader, type RollupRow, type RollupSum } from './rollups';

const FACTS = FACTS_COLUMNS;
/** Decisions read per page while building the rollups of an existing log. */
const BUILD_PAGE = 10_000;
/** Rows one upsert statement writes at most. */
const UPSERT_ROWS = 32;
const HOURS_A_DAY = 24;

/** The tables of the rollups, by the unit of their rows. */
const TABLES = [
  { table: 'decision_rollups', unit: 'hour', perHour: 1 },
  { table: 'decision_day_rollups', unit: 'day', perHour: HOURS_A_DAY },
] as const;
type Table = (typeof TABLES)[number];

/** The rollup statements of one connection. */
export class SqliteRollups {
  private readonly upserts = new Map<string, Database.Statement>();
  /** Decisions of the open transaction, and of the committed transactions of the open group, not yet counted. */
  private transaction: DecisionFacts[] = [];
  private group: DecisionFacts[] = [];
  private readonly dropEmpty: Map<Table, Database.Statement>;
  private readonly sumsOf: Database.Statement;
  private readonly inRange: Database.Statement;
  private readonly noMethod: Database.Statement;
  private readonly ofRecords: Database.Statement;
  /** The reader the store's transactions expose. */
  readonly reader: RollupReader;

  constructor(private readonly db: Database.Database) {
    this.dropEmpty = new Map(
      TABLES.map((t) => [t, db.prepare(`DELETE FROM ${t.table} WHERE team = ? AND ${t.unit} = ? AND key = ? AND prev = ? AND aux = ? AND records = 0 AND decisions = 0`)]),
    );
    // The hours before the first whole day and after the last, and the whole days (`@firstDay` > `@lastDay`: none).
    this.sumsOf = db.prepare(
      `SELECT key, SUM(decisions) AS decisions,
              SUM(CASE WHEN prev < @first AND (aux = ${NONE} OR aux BETWEEN @first AND @last) THEN records ELSE 0 END) AS records
       FROM (
         SELECT key, prev, aux, records, decisions FROM decision_rollups WHERE team = @team AND hour BETWEEN @first AND @headLast
         UNION ALL
         SELECT key, prev, aux, records, decisions FROM decision_rollups WHERE team = @team AND hour BETWEEN @tailFirst AND @last
         UNION ALL
         SELECT key, prev, aux, records, decisions FROM decision_day_rollups WHERE team = @team AND day BETWEEN @firstDay AND @lastDay
       ) GROUP BY key`,
    );
    const ofTeam = `(@team = '${EVERY_TEAM}' OR team = @team)`;
    this.inRange = db.prepare(`SELECT ${FACTS} FROM decisions WHERE decided_at >= @from AND decided_at < @to AND ${ofTeam} ORDER BY seq`);
    this.noMethod = db.prepare(`SELECT ${FACTS} FROM decisions WHERE method IS NULL AND rule_id IS NOT NULL AND decided_at >= @from AND decided_at < @to AND ${ofTeam} ORDER BY seq`);
    this.ofRecords = db.prepare(`SELECT ${FACTS} FROM decisions WHERE record_id IN (SELECT value FROM json_each(?)) ORDER BY seq`);
    this.reader = {
      sums: async (fromHour, toHour, team) => {
        const written = this.sumsOf.all({ team, ...splitDays(sqlBound(fromHour), sqlBound(toHour)) }) as RollupSum[];
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

  /** Adds hour rows into both tables. */
  private write(rows: readonly RollupRow[]): void {
    for (const table of TABLES) {
      if (table.perHour === 1) this.writeTo(table, rows);
      else {
        const merged = new Map<string, RollupRow>();
        mergeRows(merged, rows.map((r) => ({ ...r, hour: Math.floor(r.hour / table.perHour) })));
        this.writeTo(table, [...merged.values()]);
      }
    }
  }

  /** Adds rows (their `hour` in the table's unit), up to UPSERT_ROWS in one statement, then drops the rows a decrease brought to zero. */
  private writeTo(table: Table, rows: readonly RollupRow[]): void {
    for (let at = 0; at < rows.length; at += UPSERT_ROWS) {
      const chunk = rows.slice(at, at + UPSERT_ROWS);
      this.upsertOf(table, chunk.length).run(chunk.flatMap((r) => [r.team, r.hour, r.key, r.prev, r.aux, r.records, r.decisions]));
    }
    const drop = this.dropEmpty.get(table) as Database.Statement;
    for (const row of rows) if (row.records < 0 || row.decisions < 0) drop.run(row.team, row.hour, row.key, row.prev, row.aux);
  }

  private upsertOf(table: Table, count: number): Database.Statement {
    const id = `${table.table}/${count}`;
    let statement = this.upserts.get(id);
    if (!statement) {
      statement = this.db.prepare(
        `INSERT INTO ${table.table} (team, ${table.unit}, key, prev, aux, records, decisions) VALUES ${Array(count).fill('(?, ?, ?, ?, ?, ?, ?)').join(', ')}
         ON CONFLICT (team, ${table.unit}, key, prev, aux) DO UPDATE SET records = records + excluded.records, decisions = decisions + excluded.decisions`,
      );
      this.upserts.set(id, statement);
    }
    return statement;
  }
}

/** The hours `first..last` as the hours before their first whole day, the whole days, and the hours after the last. */
function splitDays(first: number, last: number): { first: number; last: number; headLast: number; tailFirst: number; firstDay: number; lastDay: number } {
  const firstDay = Math.ceil(first / HOURS_A_DAY);
  const lastDay = Math.floor((last + 1) / HOURS_A_DAY) - 1;
  if (firstDay > lastDay) return { first, last, headLast: last, tailFirst: last + 1, firstDay, lastDay };
  return { first, last, headLast: firstDay * HOURS_A_DAY - 1, tailFirst: (lastDay + 1) * HOURS_A_DAY, firstDay, lastDay };
}
