// Differential tests of the ranking methods (least_recent, load_balance with and
// without capacity, score, ordered): random pools, state and values go through
// each method and through a simple reference written here — sort the whole pool
// by the method's key, then never-assigned first, then oldest
// `last_assigned_at`, then earliest assignment, then pool order — and both must
// choose the same users and show the same ranking. Pools are larger than the
// ranking the trace lists, so the bounded selection is exercised.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../compiler/ir';
import type { UserView } from '../../runtime/evaluator/context';
import { METHODS } from '../../runtime/methods';
import type { MethodInput } from '../../runtime/methods/types';
import { StateChanges } from '../../runtime/state-changes';

interface Person {
  at?: number;
  seq: number;
  load: number;
  capacity?: number;
  values: (number | undefined)[];
}

const person = fc.record(
  {
    at: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
    seq: fc.integer({ min: 0, max: 4 }),
    load: fc.integer({ min: 0, max: 4 }),
    capacity: fc.option(fc.integer({ min: -2, max: 4 }), { nil: undefined }),
    values: fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }), { minLength: 2, maxLength: 2 }),
  },
  { requiredKeys: ['seq', 'load', 'values'] },
);

const scenario = fc.record({
  people: fc.array(person, { minLength: 0, maxLength: 140 }),
  count: fc.integer({ min: 0, max: 70 }),
  directions: fc.array(fc.constantFrom('asc' as const, 'desc' as const), { minLength: 2, maxLength: 2 }),
});

type Scenario = { people: Person[]; count: number; directions: ('asc' | 'desc')[] };
type Case = { method: Rule['method']['kind']; capacity: boolean };

const CASES: Case[] = [
  { method: 'least_recent', capacity: false },
  { method: 'load_balance', capacity: false },
  { method: 'load_balance', capacity: true },
  { method: 'score', capacity: false },
  { method: 'ordered', capacity: false },
];

function inputOf(c: Case, s: Scenario, candidates = s.people.map((_, i) => `u${String(i).padStart(3, '0')}`)): MethodInput {
  const views = new Map<string, UserView>(
    s.people.map((p, i) => [
      candidates[i] as string,
      { id: candidates[i] as string, name: null, teams: [], openLoad: p.load, lastAssignedAt: p.at, lastAssignedSeq: p.seq, fields: {} } as unknown as UserView,
    ]),
  );
  const method = c.method === 'ordered' ? { kind: 'ordered', keys: s.directions.map((direction) => ({ expr: null, direction })) } : { kind: c.method };
  return {
    rule: { id: 'r', method } as unknown as Rule,
    candidates,
    count: s.count,
    views,
    capacity: c.capacity ? new Map(s.people.map((p, i) => [candidates[i] as string, p.capacity])) : null,
    valuesOf: (user) => {
      const p = s.people[candidates.indexOf(user)];
      return p && (c.method === 'score' ? [p.values[0]] : p.values);
    },
    dir: null as unknown as MethodInput['dir'],
    state: new Map(),
  };
}

/** -1 when `a` ranks first; unset values last whatever the direction. */
function byValue(a: number | undefined, b: number | undefined, direction: 'asc' | 'desc'): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  return direction === 'asc' ? a - b : b - a;
}

/** The reference: the whole pool sorted by the method's key and the tie-breaks, with the value each ranking entry shows. */
function reference(c: Case, s: Scenario): { chosen: string[]; ranking: { user: string; value: unknown }[] } {
  const rows = s.people.map((p, i) => ({ user: `u${String(i).padStart(3, '0')}`, p, i }));
  const primary = (a: Person, b: Person): number => {
    if (c.method === 'load_balance' && !c.capacity) return a.load - b.load;
    if (c.method === 'load_balance') return (b.capacity ?? Infinity) > (a.capacity ?? Infinity) ? 1 : (b.capacity ?? Infinity) < (a.capacity ?? Infinity) ? -1 : 0;
    if (c.method === 'score') return byValue(a.values[0], b.values[0], 'desc');
    if (c.method === 'ordered') return byValue(a.values[0], b.values[0], s.directions[0]!) || byValue(a.values[1], b.values[1], s.directions[1]!);
    return 0;
  };
  const leastRecent = (a: Person, b: Person): number => {
    if (a.at === b.at) return a.seq - b.seq;
    return a.at === undefined ? -1 : b.at === undefined ? 1 : a.at - b.at;
  };
  const sorted = [...rows].sort((a, b) => primary(a.p, b.p) || leastRecent(a.p, b.p) || a.i - b.i);
  const shown = (p: Person): unknown => {
    if (c.method === 'least_recent') return p.at === undefined ? 'never' : new Date(p.at).toISOString();
    if (c.method === 'load_balance') return c.capacity ? { available: p.capacity ?? 'no limit' } : { open_load: p.load };
    if (c.method === 'score') return p.values[0] ?? null;
    return p.values;
  };
  return { chosen: sorted.slice(0, s.count).map((r) => r.user), ranking: sorted.slice(0, 50).map((r) => ({ user: r.user, value: shown(r.p) })) };
}

describe('ranking methods against a full sort', () => {
  for (const c of CASES) {
    it(`${c.method}${c.capacity ? ' with capacity' : ''} chooses and ranks like the reference`, () => {
      fc.assert(
        fc.property(scenario, (s) => {
          const result = METHODS[c.method].run(inputOf(c, s));
          const expected = reference(c, s);
          expect(result.chosen).toEqual(expected.chosen);
          expect(result.ranking).toEqual(expected.ranking);
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe('ranking methods keeping their order between decisions', () => {
  const round = fc.record({ changed: fc.array(fc.nat(139), { maxLength: 8 }), people: fc.array(person, { minLength: 8, maxLength: 8 }) });
  for (const c of CASES) {
    it(`${c.method}${c.capacity ? ' with capacity' : ''} moves the changed users and ranks like the reference`, () => {
      fc.assert(
        fc.property(scenario, fc.array(round, { maxLength: 6 }), (first, rounds) => {
          // One candidate list and one log of changes for every round, as eligibility-memo.ts keeps them.
          const candidates = first.people.map((_, i) => `u${String(i).padStart(3, '0')}`);
          const changes = new StateChanges();
          let s = first;
          for (const r of [null, ...rounds]) {
            if (r) {
              const people = [...s.people];
              r.changed.forEach((at, k) => {
                if (at >= people.length) return;
                people[at] = r.people[k] as Person;
                changes.add(candidates[at] as string);
              });
              s = { ...s, people };
            }
            const result = METHODS[c.method].run({ ...inputOf(c, s, candidates), changes });
            const expected = reference(c, s);
            expect(result.chosen).toEqual(expected.chosen);
            expect(result.ranking).toEqual(expected.ranking);
          }
        }),
        { numRuns: 150 },
      );
    });
  }
});
