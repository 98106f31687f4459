// The SQLite store's decision-log query reads a time range or a user in windows
// of the newest decisions before it falls back to the indexes: for random logs
// (times out of log order, several users and teams) and random filters and
// cursors, with windows far smaller than the log, every page equals the memory
// store's (the reference: a filter over the whole log, newest first).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../runtime/state/memory-store';
import { openStateDatabase } from '../../runtime/state/sqlite-schema';
import { DecisionQueries } from '../../runtime/state/sqlite-statements';
import { SqliteStore } from '../../runtime/state/sqlite-store';
import { inTransaction, type DecisionFilter, type StateStore } from '../../runtime/state/store';
import type { Decision } from '../../api';
import { decision } from './fixtures';

const entryArb = fc.record({
  at: fc.integer({ min: 0, max: 100 }),
  user: fc.constantFrom('u1', 'u2', 'u3', null),
  outcome: fc.constantFrom('assigned', 'fallback'),
  team: fc.constantFrom('East', null),
});

const filterArb = fc.record(
  {
    fromMs: fc.integer({ min: 0, max: 100 }),
    toMs: fc.integer({ min: 0, max: 101 }),
    user: fc.constantFrom('u1', 'u2', 'u3'),
    outcome: fc.constantFrom('assigned', 'fallback'),
    team: fc.constant('East'),
    limit: fc.integer({ min: 1, max: 6 }),
    before: fc.integer({ min: 0, max: 60 }).map((i) => `d-${i}`),
  },
  { requiredKeys: ['limit'] },
);

type Entry = typeof entryArb extends fc.Arbitrary<infer T> ? T : never;

function logOf(entries: Entry[]): Decision[] {
  return entries.map((e, i) =>
    decision(`d-${i}`, { decidedAt: e.at, assigned: e.user === null ? [] : [e.user], outcome: e.outcome as Decision['outcome'], ...(e.team === null ? {} : { team: e.team }) }),
  );
}

async function fill(store: StateStore, log: readonly Decision[]): Promise<void> {
  await inTransaction(store, async (tx) => {
    for (const d of log) await tx.appendDecision(d);
  });
}

describe('sqlite decision queries', () => {
  it('pages of ranges, users and cursors read in small windows equal a filter over the whole log', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entryArb, { minLength: 1, maxLength: 60 }), fc.array(filterArb, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 8 }), async (entries, filters, window) => {
        const log = logOf(entries);
        const db = openStateDatabase(':memory:');
        const sqlite = new SqliteStore(db);
        const reference = new MemoryStore();
        try {
          await fill(sqlite, log);
          await fill(reference, log);
          const queries = new DecisionQueries(db, window);
          for (const filter of filters as DecisionFilter[]) {
            const expected = await inTransaction(reference, (tx) => tx.listDecisions(filter));
            expect(queries.list(filter).map((body) => (JSON.parse(body) as Decision).id)).toEqual(expected.map((d) => d.id));
          }
        } finally {
          await sqlite.close();
        }
      }),
      { numRuns: 150 },
    );
  });
});
