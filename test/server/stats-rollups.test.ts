// The statistics from the stores' per-hour rollups equal the statistics from a
// scan of the log (StatsBuilder, the reference), for random decision logs —
// records decided several times, out of time order, by rules the program has,
// has with another method or no longer has, with and without a method in the
// trace, by rules scoped to a team or not — and random ranges (open, aligned to
// hours or days, within one hour, over days), over every decision and over each
// team's (the view of a team-limited token), on the memory, SQLite (in-thread
// and worker-backed) and PostgreSQL stores. A database migrated from the schemas
// before rollups, and before decisions recorded their team, gets the teams of
// the programs kept with the decisions' provenance, and rollups equal to a scan.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../runtime/state/memory-store';
import { createSqliteStore } from '../../runtime/state/sqlite-store';
import { createSqliteWorkerStore } from '../../runtime/state/sqlite-worker-store';
import { tempDbPath } from '../state/helpers';
import { inTransaction, type StateStore } from '../../runtime/state/store';
import { openStore } from '../../runtime/state/open-store';
import { PG_MIGRATIONS, quoteIdent } from '../../runtime/state/postgres-schema';
import { parsePostgresUrl } from '../../runtime/state/postgres-store';
import { MIGRATIONS } from '../../runtime/state/sqlite-schema';
import { keys } from '../../runtime/state-keys';
import type { Decision, Program } from '../../api';
import { scanDecisions } from '../../server/decision-log';
import { firstEvents, StatsBuilder, statsWire } from '../../server/stats';
import { statsFromRollups } from '../../server/stats-rollups';
import { describePostgres, freshSchemaUrl } from '../helpers/postgres';
import { decision } from '../state/fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = 1_767_225_600_000; // 2026-01-01T00:00Z, an hour boundary

/** The rules the statistics read of a program: `gone` is not in it, `r2` now has another method than its decisions' traces. */
const program = {
  rules: [
    { id: 'r1', name: 'Rule one', method: { kind: 'round_robin' }, scope: { kind: 'global' } },
    { id: 'r2', name: 'Rule two', method: { kind: 'weighted' }, scope: { kind: 'global' } },
  ],
} as unknown as Program;

const entryArb = fc.record({
  entity: fc.constantFrom('lead', 'opportunity'),
  record: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
  // Mostly within a few hours; some over three days (whole days sum per day in SQLite).
  at: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 6 * HOUR }), weight: 3 }, { arbitrary: fc.integer({ min: 0, max: 3 * DAY }), weight: 1 }),
  rule: fc.constantFrom('r1', 'r2', 'gone', null),
  name: fc.constantFrom('Old name', 'Older name'),
  method: fc.constantFrom('round_robin', 'least_loaded', null),
  assigned: fc.subarray(['u1', 'u2', 'u3'], { maxLength: 2 }),
  cause: fc.constantFrom('event', 'event', 'reassign', 'retry', 'manual-retry', 'manual'),
  team: fc.constantFrom('East', 'West', null),
});

/** The views the statistics are checked in: every decision, and each team's. */
const TEAMS = [undefined, 'East', 'West'] as const;

type Entry = typeof entryArb extends fc.Arbitrary<infer T> ? T : never;

const boundArb = fc.option(
  fc.oneof(
    fc.integer({ min: -HOUR, max: 7 * HOUR }),
    fc.integer({ min: -1, max: 7 }).map((h) => h * HOUR),
    fc.integer({ min: -1, max: 4 * 24 }).map((h) => h * HOUR),
    fc.integer({ min: -DAY, max: 4 * DAY }),
  ),
  { nil: undefined },
);

/** The log of the entries, in order, with the record states the engine would keep (first event of each record). */
function logOf(entries: Entry[]): { decisions: Decision[]; firstEvent: Map<string, { entity: string; id: string; eventId: string }> } {
  const firstEvent = new Map<string, { entity: string; id: string; eventId: string }>();
  const decisions = entries.map((entry, i) => {
    // A manual assignment names no rule and one user (runtime/manual-log.ts).
    const e = entry.cause === 'manual' ? { ...entry, rule: null, method: null, assigned: [entry.assigned[0] ?? 'u1'] } : entry;
    const outcome = e.cause === 'manual' ? 'assigned' : e.rule === null ? 'unmatched' : e.assigned.length > 0 ? 'assigned' : 'fallback';
    const assigned = e.rule === null && e.cause !== 'manual' ? [] : e.assigned;
    const trace = { match: { via: 'reassign' }, filters: [], outcome: { outcome, assigned, reason: null, queue: null } } as unknown as Decision['trace'];
    if (e.rule !== null && e.method !== null) trace.method = { method: e.method, before: null, after: null };
    const d = decision(`d-${i}`, {
      entity: e.entity,
      recordId: e.record,
      decidedAt: T0 + e.at,
      ruleId: e.rule,
      rule: e.rule === null ? null : e.rule === 'gone' ? e.name : `name of ${e.rule}`,
      outcome,
      assigned,
      cause: e.cause as Decision['cause'],
      trace,
      ...(e.rule !== null && e.team !== null ? { team: e.team } : {}),
    });
    const key = `${e.entity}/${e.record}`;
    if (d.cause === 'event' && !firstEvent.has(key)) firstEvent.set(key, { entity: e.entity, id: e.record, eventId: d.eventId });
    return d;
  });
  return { decisions, firstEvent };
}

/** Appends the log, a few decisions per transaction, with the record states. */
async function fill(store: StateStore, log: ReturnType<typeof logOf>): Promise<void> {
  for (let at = 0; at < log.decisions.length; at += 3) {
    await inTransaction(store, async (tx) => {
      for (const d of log.decisions.slice(at, at + 3)) await tx.appendDecision(d);
    });
  }
  await inTransaction(store, async (tx) => {
    for (const r of log.firstEvent.values()) await tx.put(keys.record(r.entity, r.id), { entity: r.entity, id: r.id, firstEventId: r.eventId });
  });
}

async function scanned(store: StateStore, range: { fromMs?: number; toMs?: number }, team?: string): Promise<Record<string, unknown>> {
  const stats = new StatsBuilder(program);
  await scanDecisions(store, { ...range, team }, Infinity, (d) => stats.add(d));
  return statsWire(stats.figures(await firstEvents(store, stats.seen())));
}

async function summed(store: StateStore, range: { fromMs?: number; toMs?: number }, team?: string): Promise<Record<string, unknown>> {
  const figures = await statsFromRollups(store, program, range, team);
  if (!figures) throw new Error('the store keeps no rollups');
  return statsWire(figures);
}

function rangeOf(a: number | undefined, b: number | undefined): { fromMs?: number; toMs?: number } {
  const [from, to] = a !== undefined && b !== undefined && b < a ? [b, a] : [a, b];
  return { fromMs: from === undefined ? undefined : T0 + from, toMs: to === undefined ? undefined : T0 + to };
}

function differential(name: string, open: () => Promise<StateStore>, runs: number): void {
  it(`${name}: stats from rollups equal stats from a scan of the log`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entryArb, { maxLength: 30 }), fc.array(fc.tuple(boundArb, boundArb), { minLength: 1, maxLength: 4 }), async (entries, bounds) => {
        const store = await open();
        try {
          await fill(store, logOf(entries));
          for (const [a, b] of bounds) {
            const range = rangeOf(a, b);
            for (const team of TEAMS) expect(await summed(store, range, team)).toEqual(await scanned(store, range, team));
          }
        } finally {
          await store.close();
        }
      }),
      { numRuns: runs },
    );
  });
}

describe('stats from rollups', () => {
  differential('memory', async () => new MemoryStore(), 150);
  differential('sqlite', () => createSqliteStore(':memory:'), 80);
  // Fewer runs: each opens a file and starts a worker thread.
  differential('sqlite worker', () => createSqliteWorkerStore(tempDbPath()), 15);

  it('counts a record decided in several hours once over the hours, and per hour where it was decided', async () => {
    const store = new MemoryStore();
    await fill(store, logOf([
      { entity: 'lead', record: 'a', at: 10, rule: 'r1', name: 'Old name', method: 'round_robin', assigned: ['u1'], cause: 'event', team: null },
      { entity: 'lead', record: 'a', at: 2 * HOUR + 10, rule: 'r1', name: 'Old name', method: 'round_robin', assigned: ['u2'], cause: 'reassign', team: null },
    ]));
    expect(await summed(store, rangeOf(0, 3 * HOUR))).toMatchObject({ records: 1, records_created: 1, records_assigned: 1, decisions: 2, reassignments: 1 });
    expect(await summed(store, rangeOf(HOUR, 3 * HOUR))).toMatchObject({ records: 1, records_created: 0, records_assigned: 0, per_user: [{ user: 'u2', assigned: 1 }] });
  });
});

/**
 * The programs an old log's decisions ran under, kept by fingerprint as `dist serve`
 * keeps them with their provenance: the rules' teams differ between versions.
 */
const keptPrograms = new Map([
  ['p1', { rules: [{ id: 'r1', scope: { kind: 'team', team: 'East' } }, { id: 'r2', scope: { kind: 'global' } }, { id: 'gone', scope: { kind: 'team', team: 'West' } }] }],
  ['p2', { rules: [{ id: 'r1', scope: { kind: 'global' } }, { id: 'r2', scope: { kind: 'team', team: 'West' } }] }],
]);

/** A log written before decisions recorded their team: no team, provenance naming p1, p2 or nothing. */
const oldLog = logOf(fc.sample(entryArb, { numRuns: 60, seed: 7 }));
const oldDecisions = oldLog.decisions.map((d, i): Decision => {
  const { team: _, ...rest } = d;
  const program = [...keptPrograms.keys(), null][i % 3];
  return program ? { ...rest, provenance: { program, directory: 'd', reads: {} } } : rest;
});
/** The team each old decision gets: its rule's in the program it ran under. */
const oldTeams = oldDecisions.map((d) => {
  const rule = keptPrograms.get(d.provenance?.program ?? '')?.rules.find((r) => r.id === d.ruleId);
  return rule?.scope.kind === 'team' ? rule.scope.team : undefined;
});
const ranges = [rangeOf(undefined, undefined), rangeOf(HOUR, 4 * HOUR), rangeOf(HOUR / 2, 5 * HOUR + 7)];

for (const from of [2, 3, 4]) {
  it(`sqlite: migrating a log of schema ${from} gives decisions their teams and builds the rollups once, equal to a scan`, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dist-rollups-'));
    try {
      const file = path.join(dir, 'state.db');
      const db = new Database(file);
      db.exec('CREATE TABLE schema_version (version INTEGER NOT NULL)');
      for (const [version, sql] of MIGRATIONS.slice(0, from).entries()) {
        db.exec(sql);
        db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(version + 1);
      }
      // Schema 3 added cause and method; schema 4 records the team (written then by the engine).
      const columns = ['', ', cause, method', ', cause, method, team'][from - 2] as string;
      const insert = db.prepare(`INSERT INTO decisions (id, event_id, entity, record_id, rule_id, outcome, decided_at, assigned, body${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?${', ?'.repeat([0, 2, 3][from - 2] as number)})`);
      oldDecisions.forEach((old, i) => {
        const team = oldTeams[i];
        const d = from === 4 && team !== undefined ? { ...old, team } : old;
        const row = [d.id, d.eventId, d.entity, d.recordId, d.ruleId, d.outcome, d.decidedAt, JSON.stringify(d.assigned), JSON.stringify(d)];
        insert.run(...row, ...(from === 2 ? [] : [d.cause, d.trace.method?.method ?? null]), ...(from === 4 ? [team ?? null] : []));
      });
      for (const [fp, kept] of keptPrograms) db.prepare('INSERT INTO kv (key, value) VALUES (?, ?)').run(`provenance/program/${fp}`, JSON.stringify(kept));
      db.close();
      await expectMigratedLog(await createSqliteStore(file));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

/** On a store opened over the migrated old log (then closed): each decision has its team, and with the records' first events every range's sums equal a scan, for every view. */
async function expectMigratedLog(store: StateStore): Promise<void> {
  try {
    const migrated = await inTransaction(store, async (tx) => Promise.all(oldDecisions.map((d) => tx.getDecision(d.id))));
    expect(migrated.map((d) => d?.team)).toEqual(oldTeams);
    expect(oldTeams.filter((t) => t !== undefined).length).toBeGreaterThan(5);
    await inTransaction(store, async (tx) => {
      for (const r of oldLog.firstEvent.values()) await tx.put(keys.record(r.entity, r.id), { entity: r.entity, id: r.id, firstEventId: r.eventId });
    });
    for (const range of ranges) for (const team of TEAMS) expect(await summed(store, range, team)).toEqual(await scanned(store, range, team));
  } finally {
    await store.close();
  }
}

describePostgres('stats from rollups (postgres)', (base) => {
  differential('postgres', () => openStore(freshSchemaUrl(base)), 15);

  it('postgres: migrating a log of schema 1 gives decisions their teams and builds rollups once, equal to a scan', async () => {
    const url = freshSchemaUrl(base);
    const location = parsePostgresUrl(url);
    if ('error' in location) throw new Error(location.error);
    const client = new pg.Client({ connectionString: location.url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA ${quoteIdent(location.schema)}; SET search_path = ${quoteIdent(location.schema)}`);
      await client.query('CREATE TABLE schema_version (version int NOT NULL)');
      await client.query(PG_MIGRATIONS[0] as string);
      await client.query('INSERT INTO schema_version (version) VALUES (1)');
      for (const d of oldDecisions) {
        await client.query('INSERT INTO decisions (id, event_id, entity, record_id, rule_id, outcome, decided_at, assigned, body) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
          d.id, d.eventId, d.entity, d.recordId, d.ruleId, d.outcome, d.decidedAt, d.assigned, JSON.stringify(d),
        ]);
      }
      for (const [fp, kept] of keptPrograms) await client.query('INSERT INTO kv (key, value) VALUES ($1, $2)', [`provenance/program/${fp}`, JSON.stringify(kept)]);
    } finally {
      await client.end();
    }
    await expectMigratedLog(await openStore(url));
  });
});
