// The PostgreSQL store's rollups (rollups.ts): each transaction reads the facts
// of a record's earlier decisions as it appends one (the record is locked, so no
// other transaction appends to it meanwhile), keeps the rollup changes and
// writes them in one statement just before COMMIT, rows in one total order, so
// concurrent transactions meet on shared rows without deadlocks and hold them
// only for the commit. Also the sums, the facts read from the log's columns, and
// the one-off build of the rollups from the log when a database is migrated.
import type pg from 'pg';
import type { Decision } from '../types';
import { compareRows, EVERY_TEAM, FACTS_COLUMNS, factsFromRow, factsOf, sqlBound, type FactsRow, mergeRows, NONE, recordRollup, rollupChange, type DecisionFacts, type RollupReader, type RollupRow } from './rollups';

const FACTS = FACTS_COLUMNS;
/** Decisions read per page while building the rollups of an existing log. */
const BUILD_PAGE = 10_000;

/** Runs one statement in the transaction and answers its rows. */
type Query = <T extends pg.QueryResultRow>(sql: string, params: unknown[]) => Promise<T[]>;

/** The rollup work of one PostgreSQL transaction. */
export class PostgresRollups {
  private readonly changes = new Map<string, RollupRow>();
  readonly reader: RollupReader;

  constructor(private readonly query: Query) {
    this.reader = {
      sums: async (fromHour, toHour, team) =>
        (
          await query<{ key: string; records: number; decisions: number }>(
            `SELECT key, sum(decisions)::float8 AS decisions,
                    sum(CASE WHEN prev < $1 AND (aux = ${NONE} OR aux BETWEEN $1 AND $2) THEN records ELSE 0 END)::float8 AS records
             FROM decision_rollups WHERE team = $3 AND hour BETWEEN $1 AND $2 GROUP BY key`,
            [sqlBound(fromHour), sqlBound(toHour), team],
          )
        ).map((row) => ({ key: row.key, records: Number(row.records), decisions: Number(row.decisions) })),
      factsInRange: async (fromMs, toMs, noMethod, team) =>
        (
          await query<FactsRow>(
            `SELECT ${FACTS} FROM decisions WHERE decided_at >= $1 AND decided_at < $2${noMethod ? ' AND method IS NULL AND rule_id IS NOT NULL' : ''}${team === EVERY_TEAM ? '' : ' AND team = $3'} ORDER BY seq`,
            team === EVERY_TEAM ? [sqlBound(fromMs), sqlBound(toMs)] : [sqlBound(fromMs), sqlBound(toMs), team],
          )
        ).map(factsFromRow),
      factsOfRecords: async (records) => {
        const wanted = new Set(records.map((r) => `${r.entity}/${r.recordId}`));
        const rows = await query<FactsRow>(`SELECT ${FACTS} FROM decisions WHERE record_id = ANY($1::text[]) ORDER BY seq`, [[...new Set(records.map((r) => r.recordId))]]);
        return rows.map(factsFromRow).filter((f) => wanted.has(`${f.entity}/${f.recordId}`));
      },
    };
  }

  /** Counts a decision about to be appended (reads its record's earlier decisions). */
  async append(d: Decision): Promise<void> {
    const before = (await this.query<FactsRow>(`SELECT ${FACTS} FROM decisions WHERE record_id = $1 AND entity = $2 ORDER BY seq`, [d.recordId, d.entity])).map(factsFromRow);
    mergeRows(this.changes, rollupChange(before, [...before, factsOf(d)]));
  }

  /** The statements that write the kept changes (none when nothing changed). */
  flush(): { sql: string; params: unknown[] }[] {
    return upsertRows([...this.changes.values()]);
  }
}

/** Builds the rollups of every decision already in the log (the table must be empty), in the migration's transaction. */
export async function buildPostgresRollups(client: pg.ClientBase): Promise<void> {
  const rows = new Map<string, RollupRow>();
  let record: DecisionFacts[] = [];
  const flush = () => {
    if (record.length > 0) mergeRows(rows, [...recordRollup(record).values()]);
    record = [];
  };
  let after: { entity: string; record_id: string; seq: string } | null = null;
  for (;;) {
    const page: pg.QueryResult<FactsRow & { seq: string }> = await client.query<FactsRow & { seq: string }>(
      `SELECT ${FACTS}, seq FROM decisions ${after ? 'WHERE (entity, record_id, seq) > ($1, $2, $3::bigint)' : ''} ORDER BY entity, record_id, seq LIMIT ${BUILD_PAGE}`,
      after ? [after.entity, after.record_id, after.seq] : [],
    );
    for (const row of page.rows) {
      const facts = factsFromRow(row);
      const first = record[0];
      if (first && (first.entity !== facts.entity || first.recordId !== facts.recordId)) flush();
      record.push(facts);
    }
    const last = page.rows[page.rows.length - 1];
    if (!last || page.rows.length < BUILD_PAGE) break;
    after = { entity: last.entity, record_id: last.record_id, seq: last.seq };
  }
  flush();
  const all = [...rows.values()];
  for (let at = 0; at < all.length; at += BUILD_PAGE) {
    for (const { sql, params } of upsertRows(all.slice(at, at + BUILD_PAGE))) await client.query(sql, params);
  }
}

/** The upsert of rollup changes, in the rows' total order, and the removal of rows they bring to zero. */
function upsertRows(changes: RollupRow[]): { sql: string; params: unknown[] }[] {
  if (changes.length === 0) return [];
  const rows = changes.sort(compareRows);
  const ids = [rows.map((r) => r.team), rows.map((r) => r.hour), rows.map((r) => r.key), rows.map((r) => r.prev), rows.map((r) => r.aux)];
  const given = 'unnest($1::text[], $2::bigint[], $3::text[], $4::bigint[], $5::bigint[]';
  const upsert = {
      sql: `INSERT INTO decision_rollups (team, hour, key, prev, aux, records, decisions)
            SELECT * FROM ${given}, $6::bigint[], $7::bigint[])
            ON CONFLICT (team, hour, key, prev, aux) DO UPDATE
              SET records = decision_rollups.records + excluded.records, decisions = decision_rollups.decisions + excluded.decisions`,
      params: [...ids, rows.map((r) => r.records), rows.map((r) => r.decisions)],
  };
  if (!rows.some((r) => r.records < 0 || r.decisions < 0)) return [upsert];
  return [
    upsert,
    {
      sql: `DELETE FROM decision_rollups WHERE records = 0 AND decisions = 0 AND (team, hour, key, prev, aux) IN (SELECT * FROM ${given}))`,
      params: ids,
    },
  ];
}

