// Differential tests of the marketplace selection modes (seed 002): random
// buyers and a run of leads go through the engine and through a simple
// reference written here — sort the buyers under their share caps by the mode's
// keys, then least recently assigned, then id; take N, or nobody below `min`
// or below the turnover minimum — and both must sell each lead to the same
// buyers in the same order. `max_turnover` is also checked against the best
// total of every subset of the same size, and `random` against its seeded
// generator drawn without replacement.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv1a, mulberry32 } from '../../runtime/methods/random';
import { Harness, MINUTE } from './helpers';

interface Buyer {
  id: string;
  qs?: number;
  price?: number;
  trial?: boolean;
  /** Degrees north of the leads (all on one meridian, so distance grows with it). */
  north?: number;
  createdDay: number;
  maxShares?: number;
}

interface Scenario {
  buyers: Buyer[];
  take: number;
  min: number;
  minTurnover?: number;
  leads: number;
}

type Value = number | boolean | undefined;
/** One reference sort key: the buyer's value under the state so far, and its direction. */
type Key = { of: (b: Buyer, s: RefState) => Value; dir: 'asc' | 'desc' };
interface RefState {
  lastAt: Map<string, number>;
  shares: Map<string, number>;
}

const SCHEMA = `schema lead {
  campaign: text
  location: geo
}

schema user {
  quality_score: number
  price: number
  trial: bool
  location: geo
  created_at: time
  max_shares: number
}

settings {
  timezone "UTC"
  quota total user.max_shares
  unmatched queue "manual"
}
`;

const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString();
const last = (b: Buyer, s: RefState) => s.lastAt.get(b.id);

/** Each mode: how the rule distributes, and the keys the reference sorts by. */
const MODES: Record<string, { distribute: string; turnover: boolean; keys: Key[] }> = {
  'quality score': {
    distribute: 'ordered by user.quality_score desc, user.price desc',
    turnover: false,
    keys: [{ of: (b) => b.qs, dir: 'desc' }, { of: (b) => b.price, dir: 'desc' }],
  },
  'round robin': {
    distribute: 'ordered by user.last_assigned_at ?? user.created_at asc, user.quality_score desc',
    turnover: false,
    keys: [{ of: (b, s) => last(b, s) ?? Date.parse(day(b.createdDay)), dir: 'asc' }, { of: (b) => b.qs, dir: 'desc' }],
  },
  distance: {
    distribute: 'ordered by distance(lead.location, user.location) asc, user.price desc',
    turnover: false,
    keys: [{ of: (b) => b.north, dir: 'asc' }, { of: (b) => b.price, dir: 'desc' }],
  },
  'free trial': {
    distribute: 'ordered by user.trial desc, user.price desc',
    turnover: false,
    keys: [{ of: (b) => b.trial, dir: 'desc' }, { of: (b) => b.price, dir: 'desc' }],
  },
  'max turnover': { distribute: 'max_turnover', turnover: true, keys: [{ of: (b) => b.price, dir: 'desc' }] },
  'max lead count': {
    distribute: 'max_lead_count',
    turnover: true,
    keys: [{ of: (b, s) => (b.maxShares === undefined ? Number.POSITIVE_INFINITY : b.maxShares - (s.shares.get(b.id) ?? 0)), dir: 'desc' }],
  },
};

/** Unset last in either direction; false before true ascending. */
function compare(a: Value, b: Value, dir: 'asc' | 'desc'): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  const x = Number(a);
  const y = Number(b);
  return x === y ? 0 : (x < y ? -1 : 1) * (dir === 'asc' ? 1 : -1);
}

function rule(distribute: string, s: Scenario, turnover: boolean): string {
  const take = `take ${s.take}${s.min > 1 ? ` min ${s.min}` : ''}`;
  const money = turnover ? `\n  turnover user.price${s.minTurnover === undefined ? '' : ` min ${s.minTurnover}`}` : '';
  return `${SCHEMA}
rule "Market" {
  priority 1
  on lead.created
  assign anyone
  distribute ${distribute}
  ${take}${money}
}
`;
}

function directory(buyers: readonly Buyer[]): string {
  const lines = buyers.map((b) => {
    const fields = [
      b.qs === undefined ? null : `quality_score: ${b.qs}`,
      b.price === undefined ? null : `price: ${b.price}`,
      b.trial === undefined ? null : `trial: ${b.trial}`,
      b.north === undefined ? null : `location: { lat: ${(50 + b.north / 10).toFixed(1)}, lon: 5 }`,
      `created_at: "${day(b.createdDay)}"`,
      b.maxShares === undefined ? null : `max_shares: ${b.maxShares}`,
    ].filter((f) => f !== null);
    return `  - { id: ${b.id}, name: ${b.id}, fields: { ${fields.join(', ')} } }`;
  });
  return `users:\n${lines.join('\n')}\n`;
}

/** The buyers under their share cap, in pool order (ids are `b0`…`b6`, the order a dynamic pool lists them). */
function eligible(s: Scenario, state: RefState): Buyer[] {
  return s.buyers.filter((b) => b.maxShares === undefined || (state.shares.get(b.id) ?? 0) < b.maxShares);
}

/** Never assigned first, then the oldest assignment. */
function leastRecent(a: number | undefined, b: number | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a - b;
}

/** Records a sale in the reference state. */
function sell(state: RefState, chosen: readonly string[], now: number): void {
  for (const id of chosen) {
    state.lastAt.set(id, now);
    state.shares.set(id, (state.shares.get(id) ?? 0) + 1);
  }
}

/** The reference answer for one lead: who buys it, in order (empty: nobody). */
function reference(s: Scenario, keys: readonly Key[], state: RefState, turnover: boolean): string[] {
  const pool = eligible(s, state);
  const ranked = [...pool].sort((a, b) => {
    for (const k of keys) {
      const c = compare(k.of(a, state), k.of(b, state), k.dir);
      if (c !== 0) return c;
    }
    return leastRecent(last(a, state), last(b, state)) || (a.id < b.id ? -1 : 1);
  });
  const chosen = ranked.slice(0, s.take);
  if (chosen.length < s.min) return [];
  const total = chosen.reduce((sum, b) => sum + (b.price ?? 0), 0);
  if (turnover && s.minTurnover !== undefined && total < s.minTurnover) return [];
  return chosen.map((b) => b.id);
}

const buyer = (i: number) =>
  fc.record(
    {
      qs: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      price: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
      trial: fc.option(fc.boolean(), { nil: undefined }),
      createdDay: fc.integer({ min: 0, max: 3 }),
      maxShares: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    },
    { requiredKeys: ['createdDay'] },
  ).map((b) => ({ ...b, id: `b${i}` }));

const scenario: fc.Arbitrary<Scenario> = fc
  .integer({ min: 1, max: 7 })
  .chain((n) =>
    fc.record({
      buyers: fc.tuple(...Array.from({ length: n }, (_, i) => buyer(i))),
      // Distinct distances, some buyers without a location.
      norths: fc.shuffledSubarray(Array.from({ length: 10 }, (_, i) => i + 1), { minLength: n, maxLength: n }),
      located: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      take: fc.integer({ min: 1, max: 4 }),
      minShare: fc.integer({ min: 0, max: 3 }),
      minTurnover: fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
      leads: fc.integer({ min: 1, max: 6 }),
    }),
  )
  .map(({ buyers, norths, located, take, minShare, minTurnover, leads }) => ({
    buyers: buyers.map((b, i) => (located[i] ? { ...b, north: norths[i] } : b)),
    take,
    min: Math.max(1, Math.min(take, minShare)),
    minTurnover,
    leads,
  }));

/** Sells `s.leads` leads a minute apart through the engine; who bought each, and the decisions' turnover totals. */
async function runEngine(distribute: string, s: Scenario, turnover: boolean): Promise<{ sold: string[][]; totals: (number | null)[]; times: number[] }> {
  const h = new Harness(rule(distribute, s, turnover), directory(s.buyers), { now: '2026-03-02T09:00:00Z' });
  const sold: string[][] = [];
  const totals: (number | null)[] = [];
  const times: number[] = [];
  for (let i = 0; i < s.leads; i++) {
    times.push(h.now);
    const d = await h.send({ campaign: 'Any', location: { lat: 50, lon: 5 } });
    sold.push(d.assigned);
    totals.push(d.trace.turnover?.total ?? null);
    await h.advance(MINUTE);
  }
  return { sold, totals, times };
}

describe('marketplace selection modes against a reference selection', () => {
  for (const [name, mode] of Object.entries(MODES)) {
    it(`${name}: the same buyers, in the same order, lead after lead`, async () => {
      await fc.assert(
        fc.asyncProperty(scenario, async (s) => {
          const engine = await runEngine(mode.distribute, s, mode.turnover);
          const state: RefState = { lastAt: new Map(), shares: new Map() };
          const expected = engine.times.map((now) => {
            const chosen = reference(s, mode.keys, state, mode.turnover);
            sell(state, chosen, now);
            return chosen;
          });
          expect(engine.sold).toEqual(expected);
          const price = (id: string) => s.buyers.find((b) => b.id === id)?.price ?? 0;
          const totals = expected.map((ids) => (mode.turnover && ids.length > 0 ? ids.reduce((sum, id) => sum + price(id), 0) : null));
          expect(engine.totals).toEqual(totals);
        }),
        { numRuns: 60 },
      );
    });
  }

  it('max turnover: no subset of the same size under the caps earns more', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const { sold } = await runEngine('max_turnover', { ...s, leads: 1, minTurnover: undefined }, true);
        const prices = s.buyers.map((b) => b.price ?? 0);
        const size = sold[0]!.length;
        let best = 0;
        for (let mask = 0; mask < 1 << prices.length; mask++) {
          const members = prices.filter((_, i) => mask & (1 << i));
          if (members.length === size) best = Math.max(best, members.reduce((a, b) => a + b, 0));
        }
        const earned = sold[0]!.reduce((sum, id) => sum + (s.buyers.find((b) => b.id === id)?.price ?? 0), 0);
        expect(earned).toBe(best);
      }),
      { numRuns: 60 },
    );
  });

  it('random: distinct buyers under their caps, drawn from the seeded generator without replacement', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const { sold } = await runEngine('random', s, false);
        const state: RefState = { lastAt: new Map(), shares: new Map() };
        let seed = fnv1a('market');
        for (const chosen of sold) {
          const remaining = eligible(s, state).map((b) => b.id);
          const expected: string[] = [];
          if (remaining.length >= s.min) {
            while (expected.length < s.take && remaining.length > 0) {
              const step = mulberry32(seed);
              seed = step.state;
              expected.push(remaining.splice(Math.floor(step.value * remaining.length), 1)[0]!);
            }
          }
          expect(chosen).toEqual(expected);
          sell(state, chosen, 0);
        }
      }),
      { numRuns: 60 },
    );
  });
});
