// Differential test of the eligibility the engine keeps between decisions
// (runtime/eligibility-memo.ts): two engines run the same random history — one
// over a store whose commit feed lets it keep its memos (the memory store, and
// the worker-backed SQLite store on fewer histories), one over the
// same kind of store without the feed, so that every decision runs the filters
// from scratch — and every decision, with its whole trace, must be the same.
// The history mixes events for rules of every pool kind, several filter shapes
// and every ranking method (kept orders, and a score reading the record), clock moves within and across minutes, hours and days (working hours,
// leave, holidays and quota windows change), closed records, state set by hand
// and directory changes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Directory, DirectoryUser } from '../../compiler/directory/model';
import { createEngine, type Engine } from '../../runtime/engine';
import { MemoryStore } from '../../runtime/state/memory-store';
import { createSqliteWorkerStore } from '../../runtime/state/sqlite-worker-store';
import type { StateStore } from '../../runtime/state/store';
import { tempDbPath } from '../state/helpers';
import { at, compileSnippet, HOUR, MINUTE } from './helpers';

const USERS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'];
const SOURCES = ['static', 'teams', 'sales', 'language', 'late-capacity', 'ordered', 'recent', 'by-source'];

const RULES = `settings {
  timezone "Europe/Berlin"
  capacity user.max_open
  quota hourly user.hourly_cap
  quota daily user.daily_cap
  unmatched queue "triage"
}
rule "Static" {
  priority 1
  on lead.created
  when lead.source == "static"
  assign users ${USERS.map((u) => `"${u}"`).join(', ')}
  require checked_in, available, capacity
  distribute round_robin
  fallback queue "overflow"
}
rule "Teams" {
  priority 2
  on lead.created
  when lead.source == "teams"
  assign teams "T1", "T2"
  require workday, leave, holidays
  distribute weighted { "T1": 2, "T2": 1 }
  fallback queue "overflow"
}
rule "Sales" {
  priority 3
  on lead.created
  when lead.source == "sales"
  assign users where user.role == "sales"
  require available, capacity
  distribute load_balance
  fallback queue "overflow"
}
rule "Language" {
  priority 4
  on lead.created
  when lead.source == "language"
  assign users where lead.language in user.languages
  require checked_in, workday
  distribute score user.conversion_rate * 10 - user.open_load
  fallback queue "overflow"
}
rule "Ordered" {
  priority 6
  on lead.created
  when lead.source == "ordered"
  assign users where user.role == "sales"
  require checked_in, capacity
  distribute ordered by user.open_load asc, user.conversion_rate desc
  fallback queue "overflow"
}
rule "Recent" {
  priority 7
  on lead.created
  when lead.source == "recent"
  assign teams "T1", "T2"
  require available
  distribute least_recent
  fallback queue "overflow"
}
rule "By source" {
  priority 8
  on lead.created
  when lead.source == "by-source"
  assign users "u1", "u2", "u3", "u4"
  require checked_in
  distribute score lead.score * user.conversion_rate - user.open_load
  fallback queue "overflow"
}
rule "Late capacity" {
  priority 5
  on lead.created
  when lead.source == "late-capacity"
  assign users "u1", "u2", "u3"
  require capacity, checked_in
  distribute round_robin
  fallback queue "overflow"
}
`;

const DIRECTORY = `users:
  - { id: u1, name: U1, checked_in: true, teams: [T1], workday: day, fields: { role: sales, max_open: 3, hourly_cap: 2, daily_cap: 5, languages: [en], conversion_rate: 0.5 } }
  - { id: u2, name: U2, checked_in: true, teams: [T1], workday: late, fields: { role: sales, max_open: 2, hourly_cap: 3, daily_cap: 4, languages: [en, de], conversion_rate: 0.2 } }
  - { id: u3, name: U3, checked_in: true, teams: [T2], holidays: berlin, fields: { role: sales, max_open: 4, hourly_cap: 1, daily_cap: 3, languages: [de], conversion_rate: 0.9 } }
  - { id: u4, name: U4, checked_in: true, teams: [T2], workday: day, leave: [{ from: "2026-11-23T11:30:00+01:00", to: "2026-11-23T14:00:00+01:00" }], fields: { role: support, max_open: 2, hourly_cap: 2, daily_cap: 6, languages: [en], conversion_rate: 0.4 } }
  - { id: u5, name: U5, checked_in: false, teams: [T1, T2], fields: { role: sales, max_open: 5, hourly_cap: 4, daily_cap: 8, languages: [en, de], conversion_rate: 0.7 } }
  - { id: u6, name: U6, checked_in: true, workday: late, fields: { role: sales, max_open: 1, hourly_cap: 2, daily_cap: 2, languages: [de], conversion_rate: 0.1 } }
teams:
  - { name: T1, members: [u1, u2, u5] }
  - { name: T2, members: [u3, u4, u5] }
workdays:
  day: { mon: "09:00-17:00", tue: "09:00-17:00", wed: "09:00-17:00" }
  late: { timezone: Asia/Kolkata, mon: "12:30-21:00", tue: "12:30-21:00" }
holidays:
  berlin: ["2026-11-24"]
`;

type Op =
  | { kind: 'send'; source: number; language: 'en' | 'de'; score: number }
  | { kind: 'advance'; ms: number }
  | { kind: 'close'; nth: number }
  | { kind: 'load'; user: string; load: number }
  | { kind: 'flip'; user: string; field: 'status' | 'checkedIn' };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('send' as const), source: fc.nat(SOURCES.length - 1), language: fc.constantFrom('en' as const, 'de' as const), score: fc.nat(9) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.constantFrom(0, 1, 999, 20_000, MINUTE, 7 * MINUTE, HOUR, 5 * HOUR, 24 * HOUR) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('close' as const), nth: fc.nat(30) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('load' as const), user: fc.constantFrom(...USERS), load: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('flip' as const), user: fc.constantFrom(...USERS), field: fc.constantFrom('status' as const, 'checkedIn' as const) }) },
);

/** The memory store without its commit feed: the engine then keeps no memo. */
function withoutFeed(store: MemoryStore): StateStore {
  return { begin: () => store.begin(), close: () => store.close() };
}

function flipped(directory: Directory, id: string, field: 'status' | 'checkedIn'): Directory {
  const flip = (u: DirectoryUser): DirectoryUser =>
    field === 'status' ? { ...u, status: u.status === 'available' ? 'away' : 'available' } : { ...u, checkedIn: !u.checkedIn };
  return { ...directory, users: directory.users.map((u) => (u.id === id ? flip(u) : u)) };
}

/**
 * Runs random histories on an engine over `keeping()`, a store with a commit
 * feed, and one over the memory store without it; every result must be equal.
 */
async function sameAsAfresh(keeping: () => Promise<StateStore>, runs: fc.Parameters<[Op[], string, number]>): Promise<void> {
  // A leave bound inside a minute: the memos then hold for one instant only.
  const variants = [compileSnippet(RULES, DIRECTORY), compileSnippet(RULES, DIRECTORY.replace('T11:30:00+01:00', 'T11:30:20+01:00'))];
  const starts = ['2026-11-23T09:59:30+01:00', '2026-11-23T11:29:50+01:00', '2026-11-23T13:29:00+01:00', '2026-11-23T23:58:00+01:00'];
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 60 }), fc.constantFrom(...starts), fc.constantFrom(0, 1), async (ops, start, variant) => {
      const compiled = variants[variant] as (typeof variants)[number];
      let now = at(start);
      const kept = await keeping();
      const engines: Engine[] = [kept, withoutFeed(new MemoryStore())].map((store) => createEngine({ ...compiled, store, clock: () => now }));
      let directory = compiled.directory;
      const records: string[] = [];
      for (const [i, step] of ops.entries()) {
        if (step.kind === 'advance') now += step.ms;
        else if (step.kind === 'flip') {
          directory = flipped(directory, step.user, step.field);
          for (const engine of engines) engine.setDirectory(directory);
        } else if (step.kind === 'load') {
          for (const engine of engines) await engine.setUserState({ openLoad: { [step.user]: step.load } });
        } else if (step.kind === 'close') {
          const record = records[step.nth % Math.max(1, records.length)];
          if (record) {
            const closed = await Promise.all(engines.map((engine) => engine.closeRecord('lead', record)));
            expect(closed[1]).toBe(closed[0]);
          }
        } else {
          const event = { id: `e${i}`, type: 'lead.created', record: { id: `L${i}`, source: SOURCES[step.source], language: step.language, score: step.score } };
          const [withMemo, afresh] = await Promise.all(engines.map((engine) => engine.decide(event)));
          expect(withMemo).toEqual(afresh);
          records.push(`L${i}`);
        }
      }
      await kept.close();
    }),
    runs,
  );
}

describe('eligibility kept between decisions', () => {
  it('property: decides exactly as the filters run afresh at every decision', async () => {
    await sameAsAfresh(async () => new MemoryStore(), {
      numRuns: 60,
      // Into u4's leave, which starts 20 s into a minute, between two decisions of that minute.
      examples: [
        [
          [
            { kind: 'advance', ms: 20_000 },
            { kind: 'send', source: 1, language: 'en', score: 0 },
            { kind: 'advance', ms: 20_000 },
            { kind: 'send', source: 1, language: 'en', score: 0 },
          ],
          '2026-11-23T11:29:50+01:00',
          1,
        ],
      ],
    });
  });

  it('property: decides so too on the worker-backed SQLite store, whose commits feed the memos', async () => {
    await sameAsAfresh(() => createSqliteWorkerStore(tempDbPath()), { numRuns: 10 });
  });
});

/** Counts the keys each transaction reads with `getMany` (the users' state), keeping the commit feed. */
function counting(store: MemoryStore, reads: number[]): StateStore {
  return {
    begin: async () => {
      const tx = await store.begin();
      const getMany = tx.getMany.bind(tx);
      reads.push(0);
      tx.getMany = (keys) => {
        reads[reads.length - 1] = (reads[reads.length - 1] as number) + keys.length;
        return getMany(keys);
      };
      return tx;
    },
    close: () => store.close(),
    onCommit: (listener) => store.onCommit(listener),
  };
}

describe('eligibility memos', () => {
  it('read again only the users whose state a commit changed', async () => {
    const compiled = compileSnippet(RULES, DIRECTORY);
    const now = at('2026-11-23T10:00:00+01:00');
    const reads: number[] = [];
    const engine = createEngine({ ...compiled, store: counting(new MemoryStore(), reads), clock: () => now });
    for (let i = 0; i < 6; i++) await engine.decide({ id: `e${i}`, type: 'lead.created', record: { id: `L${i}`, source: 'static' } });
    // The first decision reads the five checked-in users' state (three own keys and two quota counters each,
    // the rotation); each later one the user assigned before (five keys) and the rotation.
    expect(reads).toEqual([26, 6, 6, 6, 6, 6]);
  });
});
