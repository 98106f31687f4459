// The PostgreSQL state schema and its forward migrations, applied at start-up.
// Several `dist serve` processes may start at once against one database: the
// migration runs in one transaction under a transaction-scoped advisory lock, so
// exactly one of them applies each version and the others find it done. The
// version lives in `schema_version`; a database written by a newer dist is
// refused rather than misread. Add a migration by appending to MIGRATIONS, never
// by editing one. Everything lives in one schema (`?schema=` of the URL, default
// `public`), so one database can hold several independent states.
import type pg from 'pg';
import { provenanceKeys } from '../provenance';
import { ruleTeams } from './decision-teams';
import { buildPostgresRollups } from './postgres-rollups';

/** The schema, one entry per version: MIGRATIONS[n] takes version n to n + 1. */
export const PG_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE kv (
    key text PRIMARY KEY,
    value text NOT NULL
  );

  -- seq: the log's order (newest = highest) and the paging cursor.
  CREATE TABLE decisions (
    seq bigserial PRIMARY KEY,
    id text NOT NULL UNIQUE,
    event_id text NOT NULL,
    entity text NOT NULL,
    record_id text NOT NULL,
    rule_id text,
    outcome text NOT NULL,
    decided_at bigint NOT NULL,
    assigned text[] NOT NULL,
    body text NOT NULL
  );
  CREATE INDEX decisions_record ON decisions (record_id, seq);
  CREATE INDEX decisions_rule ON decisions (rule_id, seq);
  CREATE INDEX decisions_outcome ON decisions (outcome, seq);
  CREATE INDEX decisions_decided_at ON decisions (decided_at);
  CREATE INDEX decisions_assigned ON decisions USING gin (assigned);

  -- The idempotency key: the first decision of each event id, unique. Later
  -- decisions for the event (re-assignments, retries) leave it as it is.
  CREATE TABLE decision_events (
    event_id text PRIMARY KEY,
    decision_id text NOT NULL
  );

  CREATE TABLE timers (
    id text PRIMARY KEY,
    due_at bigint NOT NULL,
    body text NOT NULL
  );
  CREATE INDEX timers_due ON timers (due_at, id);

  -- seq keeps enqueue order; re-enqueueing replaces the row, moving it to the end.
  CREATE TABLE queue_items (
    seq bigserial PRIMARY KEY,
    queue text NOT NULL,
    entity text NOT NULL,
    record_id text NOT NULL,
    enqueued_at bigint NOT NULL,
    body text NOT NULL,
    UNIQUE (queue, entity, record_id)
  );
  CREATE INDEX queue_items_order ON queue_items (queue, seq);

  -- lease_until: epoch ms until which the process that added (or claimed) the item delivers it.
  CREATE TABLE outbox (
    seq bigserial PRIMARY KEY,
    id text NOT NULL UNIQUE,
    created_at bigint NOT NULL,
    lease_until bigint NOT NULL,
    body text NOT NULL
  );
  CREATE INDEX outbox_lease ON outbox (lease_until, seq);

  -- Takes transaction-scoped advisory locks one after the other, in the order given
  -- (the store sorts them): one round trip for a whole lock class.
  CREATE FUNCTION dist_lock(classes int[], hashes int[]) RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    FOR i IN 1 .. coalesce(array_length(classes, 1), 0) LOOP
      PERFORM pg_advisory_xact_lock(classes[i], hashes[i]);
    END LOOP;
  END
  $$;
  `,
  // 2: the columns the statistics and the log's filters read, and per-hour rollups (built from the log by ROLLUP_BUILD).
  `
  ALTER TABLE decisions ADD COLUMN cause text NOT NULL DEFAULT 'event';
  ALTER TABLE decisions ADD COLUMN method text;
  UPDATE decisions SET cause = body::json->>'cause', method = body::json->'trace'->'method'->>'method';
  CREATE INDEX decisions_entity ON decisions (entity, seq);
  CREATE INDEX decisions_entity_record ON decisions (entity, record_id, seq);
  CREATE INDEX decisions_cause ON decisions (cause, seq);
  CREATE INDEX decisions_no_method ON decisions (decided_at) WHERE method IS NULL AND rule_id IS NOT NULL;
  CREATE TABLE decision_rollups (
    hour bigint NOT NULL,
    key text NOT NULL,
    prev bigint NOT NULL,
    aux bigint NOT NULL,
    records bigint NOT NULL,
    decisions bigint NOT NULL,
    PRIMARY KEY (hour, key, prev, aux)
  );
  `,
  // 3: the team of each decision's rule (filled by TEAM_BUILD), for the log's team filter, and rollups per team
  // (team '' counts every decision; rebuilt from the log).
  `
  ALTER TABLE decisions ADD COLUMN team text;
  CREATE INDEX decisions_team ON decisions (team, seq) WHERE team IS NOT NULL;
  DROP TABLE decision_rollups;
  CREATE TABLE decision_rollups (
    team text NOT NULL,
    hour bigint NOT NULL,
    key text NOT NULL,
    prev bigint NOT NULL,
    aux bigint NOT NULL,
    records bigint NOT NULL,
    decisions bigint NOT NULL,
    PRIMARY KEY (team, hour, key, prev, aux)
  );
  `,
];

/** The versions whose migrations (re)create the rollups; once the schema is current they are built from the decisions already logged. */
const ROLLUP_BUILDS = [2, 3];
/** The version whose migration adds the decisions' team, then filled from the programs they ran under (decision-teams.ts). */
const TEAM_BUILD = 3;

/** The schema version this code writes. */
export const PG_SCHEMA_VERSION = PG_MIGRATIONS.length;

/** Advisory lock key (a class of its own, below every lock class of the store) held while migrating. */
const MIGRATION_LOCK = [0, 0x6d696772] as const;

/** Creates the schema if needed and applies the missing migrations; throws for a newer schema. */
export async function migratePostgres(client: pg.ClientBase, schema: string, where: string): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [...MIGRATION_LOCK]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version int NOT NULL)');
    const found = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_version');
    const current = found.rows[0]?.version ?? 0;
    if (current > PG_SCHEMA_VERSION) {
      throw new Error(
        `state database ${where} has schema version ${current}, but this dist supports up to ` +
          `${PG_SCHEMA_VERSION}: upgrade dist or use another schema`,
      );
    }
    for (let version = current; version < PG_SCHEMA_VERSION; version++) {
      await client.query(PG_MIGRATIONS[version] as string);
      await client.query('INSERT INTO schema_version (version) VALUES ($1)', [version + 1]);
    }
    if (current > 0 && current < TEAM_BUILD) await recordTeams(client);
    if (current > 0 && ROLLUP_BUILDS.some((v) => current < v)) await buildPostgresRollups(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Gives the decisions of team-scoped rules logged before decisions recorded their team that team, in the column and the body. */
async function recordTeams(client: pg.ClientBase): Promise<void> {
  const prefix = provenanceKeys.program('');
  const kept = await client.query<{ key: string; value: string }>('SELECT key, value FROM kv WHERE starts_with(key, $1)', [prefix]);
  const rows: [string, string, string][] = [];
  for (const { key, value } of kept.rows) for (const [ruleId, team] of ruleTeams(value)) rows.push([key.slice(prefix.length), ruleId, team]);
  if (rows.length === 0) return;
  await client.query(
    `UPDATE decisions d SET team = t.team, body = jsonb_set(d.body::jsonb, '{team}', to_jsonb(t.team))::text
     FROM unnest($1::text[], $2::text[], $3::text[]) AS t (program, rule_id, team)
     WHERE d.rule_id = t.rule_id AND d.body::jsonb->'provenance'->>'program' = t.program`,
    [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
  );
}

/** A PostgreSQL identifier, quoted. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
