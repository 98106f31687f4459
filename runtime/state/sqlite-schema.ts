// Opening the SQLite state database: the folder, the pragmas (WAL, synchronous=FULL,
// foreign keys, a busy timeout) and the schema with its forward migrations. The
// version lives in `schema_version`; a database written by a newer dist is refused
// rather than misread. Add a migration by appending to MIGRATIONS, never by editing one.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { provenanceKeys } from '../provenance';
import { ruleTeams } from './decision-teams';
import { SqliteRollups } from './sqlite-rollups';

/** The schema, one entry per version: MIGRATIONS[n] takes version n to n + 1. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE kv (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) WITHOUT ROWID;

  -- seq is the rowid: the log's order (newest = highest) and the paging cursor.
  CREATE TABLE decisions (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    event_id TEXT NOT NULL,
    entity TEXT NOT NULL,
    record_id TEXT NOT NULL,
    rule_id TEXT,
    outcome TEXT NOT NULL,
    decided_at INTEGER NOT NULL,
    assigned TEXT NOT NULL,
    body TEXT NOT NULL
  );
  -- Not unique: re-assignments and retries log further decisions for the same
  -- event; the first one (lowest seq) is the idempotency answer.
  CREATE INDEX decisions_event ON decisions (event_id, seq);
  CREATE INDEX decisions_record ON decisions (record_id, seq);
  CREATE INDEX decisions_rule ON decisions (rule_id, seq);
  CREATE INDEX decisions_outcome ON decisions (outcome, seq);
  CREATE INDEX decisions_decided_at ON decisions (decided_at);

  CREATE TABLE decision_users (
    decision_id TEXT NOT NULL REFERENCES decisions (id) DEFERRABLE INITIALLY DEFERRED,
    user_id TEXT NOT NULL,
    PRIMARY KEY (decision_id, user_id)
  ) WITHOUT ROWID;
  CREATE INDEX decision_users_user ON decision_users (user_id, decision_id);

  CREATE TABLE timers (
    id TEXT PRIMARY KEY,
    due_at INTEGER NOT NULL,
    body TEXT NOT NULL
  );
  CREATE INDEX timers_due ON timers (due_at, id);

  -- seq keeps enqueue order; re-enqueueing replaces the row, moving it to the end.
  CREATE TABLE queue_items (
    seq INTEGER PRIMARY KEY,
    queue TEXT NOT NULL,
    record_id TEXT NOT NULL,
    enqueued_at INTEGER NOT NULL,
    body TEXT NOT NULL,
    UNIQUE (queue, record_id)
  );
  CREATE INDEX queue_items_order ON queue_items (queue, seq);

  CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    body TEXT NOT NULL
  );
  `,
  // 2: a queued record is its entity and id (a lead and an opportunity may share an id).
  `
  DROP INDEX queue_items_order;
  ALTER TABLE queue_items RENAME TO queue_items_1;
  CREATE TABLE queue_items (
    seq INTEGER PRIMARY KEY,
    queue TEXT NOT NULL,
    entity TEXT NOT NULL,
    record_id TEXT NOT NULL,
    enqueued_at INTEGER NOT NULL,
    body TEXT NOT NULL,
    UNIQUE (queue, entity, record_id)
  );
  INSERT INTO queue_items (seq, queue, entity, record_id, enqueued_at, body)
    SELECT seq, queue, json_extract(body, '$.entity'), record_id, enqueued_at, body FROM queue_items_1;
  DROP TABLE queue_items_1;
  CREATE INDEX queue_items_order ON queue_items (queue, seq);
  `,
  // 3: the columns the statistics and the log's filters read, and per-hour rollups (built from the log by ROLLUP_BUILD).
  `
  ALTER TABLE decisions ADD COLUMN cause TEXT NOT NULL DEFAULT 'event';
  ALTER TABLE decisions ADD COLUMN method TEXT;
  UPDATE decisions SET cause = json_extract(body, '$.cause'), method = json_extract(body, '$.trace.method.method');
  CREATE INDEX decisions_entity ON decisions (entity, seq);
  CREATE INDEX decisions_entity_record ON decisions (entity, record_id, seq);
  CREATE INDEX decisions_cause ON decisions (cause, seq);
  CREATE INDEX decisions_no_method ON decisions (decided_at) WHERE method IS NULL AND rule_id IS NOT NULL;
  CREATE TABLE decision_rollups (
    hour INTEGER NOT NULL,
    key TEXT NOT NULL,
    prev INTEGER NOT NULL,
    aux INTEGER NOT NULL,
    records INTEGER NOT NULL,
    decisions INTEGER NOT NULL,
    PRIMARY KEY (hour, key, prev, aux)
  ) WITHOUT ROWID;
  `,
  // 4: the team of each decision's rule (filled by TEAM_BUILD), for the log's team filter, and rollups per team
  // (team '' counts every decision; rebuilt from the log).
  `
  ALTER TABLE decisions ADD COLUMN team TEXT;
  CREATE INDEX decisions_team ON decisions (team, seq) WHERE team IS NOT NULL;
  DROP TABLE decision_rollups;
  CREATE TABLE decision_rollups (
    team TEXT NOT NULL,
    hour INTEGER NOT NULL,
    key TEXT NOT NULL,
    prev INTEGER NOT NULL,
    aux INTEGER NOT NULL,
    records INTEGER NOT NULL,
    decisions INTEGER NOT NULL,
    PRIMARY KEY (team, hour, key, prev, aux)
  ) WITHOUT ROWID;
  `,
  // 5: the rollups' rows summed per UTC day (day = floor(hour / 24)), and covering indexes of the facts the
  // rollups and statistics read (rollups.ts), by time and by record, so they read no bodies (rollups rebuilt).
  `
  DROP INDEX decisions_decided_at;
  CREATE INDEX decisions_time_facts ON decisions (decided_at, seq, entity, record_id, event_id, rule_id, outcome, cause, assigned, method, team);
  DROP INDEX decisions_record;
  CREATE INDEX decisions_record_facts ON decisions (record_id, seq, entity, event_id, rule_id, outcome, cause, decided_at, assigned, method, team);
  DELETE FROM decision_rollups;
  CREATE TABLE decision_day_rollups (
    team TEXT NOT NULL,
    day INTEGER NOT NULL,
    key TEXT NOT NULL,
    prev INTEGER NOT NULL,
    aux INTEGER NOT NULL,
    records INTEGER NOT NULL,
    decisions INTEGER NOT NULL,
    PRIMARY KEY (team, day, key, prev, aux)
  ) WITHOUT ROWID;
  `,
];

/** The versions whose migrations (re)create the rollups; once the schema is current they are built from the decisions already logged. */
const ROLLUP_BUILDS = [3, 4, 5];
/** The version whose migration adds the decisions' team, then filled from the programs they ran under (decision-teams.ts). */
const TEAM_BUILD = 4;

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Opens (creating folders and schema as needed) the state database at `path`; `:memory:` for a private one. */
export function openStateDatabase(path: string): Database.Database {
  if (path !== ':memory:' && path !== '') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // A current database is opened without the write lock, so a reader such as
    // `dist export-log` does not wait behind a busy server's commits.
    if (versionOf(db) !== SCHEMA_VERSION) db.transaction(() => migrate(db, path)).immediate();
    return db;
  } catch (error) {
    db.close();
    throw (error as { code?: unknown }).code === 'SQLITE_BUSY'
      ? new Error(`state database \`${path}\` stayed locked by another process for more than 5 s (a server migrating it or writing a long transaction); try again when it is done`)
      : error;
  }
}

/** The schema version a database holds; 0 for a new one. */
function versionOf(db: Database.Database): number {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").get();
  return table === undefined ? 0 : ((db.prepare('SELECT MAX(version) FROM schema_version').pluck().get() as number | null) ?? 0);
}

function migrate(db: Database.Database, path: string): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const current = versionOf(db);
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `state database \`${path}\` has schema version ${current}, but this dist supports up to ` +
        `${SCHEMA_VERSION}: upgrade dist or use another state file`,
    );
  }
  const record = db.prepare('INSERT INTO schema_version (version) VALUES (?)');
  for (let version = current; version < SCHEMA_VERSION; version++) {
    db.exec(MIGRATIONS[version] as string);
    record.run(version + 1);
  }
  if (current > 0 && current < TEAM_BUILD) recordTeams(db);
  if (current > 0 && ROLLUP_BUILDS.some((v) => current < v)) new SqliteRollups(db).buildFromLog();
}

/** Gives the decisions of team-scoped rules logged before decisions recorded their team that team, in the column and the body. */
function recordTeams(db: Database.Database): void {
  const prefix = provenanceKeys.program('');
  const kept = db.prepare('SELECT key, value FROM kv WHERE key > ? AND key < ?').all(prefix, `${prefix}\uffff`) as { key: string; value: string }[];
  db.exec('CREATE TEMP TABLE rule_teams (program TEXT NOT NULL, rule_id TEXT NOT NULL, team TEXT NOT NULL, PRIMARY KEY (program, rule_id)) WITHOUT ROWID');
  const insert = db.prepare('INSERT INTO temp.rule_teams (program, rule_id, team) VALUES (?, ?, ?)');
  for (const { key, value } of kept) for (const [ruleId, team] of ruleTeams(value)) insert.run(key.slice(prefix.length), ruleId, team);
  db.exec(`UPDATE decisions SET team = t.team, body = json_set(body, '$.team', t.team)
           FROM temp.rule_teams AS t
           WHERE decisions.rule_id = t.rule_id AND json_extract(decisions.body, '$.provenance.program') = t.program`);
  db.exec('DROP TABLE temp.rule_teams');
}
