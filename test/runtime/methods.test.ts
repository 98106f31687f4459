// Distribution methods as pure functions: the round-robin rotation rule, the
// interleaved weighted cycle, ranking tie-breaks and the seeded generator.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseQueue, rotate } from '../../runtime/methods/round-robin';
import { buildCycle } from '../../runtime/methods/weighted';
import { fnv1a, mulberry32 } from '../../runtime/methods/random';
import { compareValues } from '../../runtime/methods/ranking';

/** Runs the rotation over a sequence of eligible sets, returning who got each record. */
function rotation(eligibleSets: string[][]): string[] {
  let queue: string[] = [];
  const out: string[] = [];
  for (const eligible of eligibleSets) {
    const turn = rotate('rr/test/pool', queue, eligible, new Set());
    queue = turn.queue;
    out.push(turn.chosen ?? '-');
  }
  return out;
}

describe('round robin rotation', () => {
  it('cycles in pool order and never resets', () => {
    expect(rotation(Array.from({ length: 7 }, () => ['A', 'B', 'C']))).toEqual(['A', 'B', 'C', 'A', 'B', 'C', 'A']);
  });

  it('skips an away user and lets her rejoin at the end of the cycle', () => {
    const all = ['A', 'B', 'C'];
    const away = ['A', 'C'];
    // A B | B away: queue [C A] → C, [A C] → A | B back, joins the end: [C A B] → C A B C …
    expect(rotation([all, all, away, away, all, all, all, all])).toEqual(['A', 'B', 'C', 'A', 'C', 'A', 'B', 'C']);
  });

  it('skips users already chosen in the same decision without reordering the rest', () => {
    const first = rotate('rr/test/pool', [], ['A', 'B', 'C', 'D'], new Set());
    const second = rotate('rr/test/pool', first.queue, ['A', 'B', 'C', 'D'], new Set([first.chosen as string]));
    expect([first.chosen, second.chosen, second.queue]).toEqual(['A', 'B', ['C', 'D', 'A', 'B']]);
  });

  it('property: the queue keeps its eligible users once each in queue order, then the others join in pool order', () => {
    const users = ['a', 'b', 'c', 'd', 'e', 'f'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...users), { maxLength: 10 }), fc.subarray(users), (queue, eligible) => {
        const kept = queue.filter((u, i) => eligible.includes(u) && queue.indexOf(u) === i);
        expect(normaliseQueue(queue, eligible)).toEqual([...kept, ...eligible.filter((u) => !kept.includes(u))]);
      }),
    );
  });

  it('property: a rotation over eligible lists kept between turns turns as over fresh copies, also when the stored queue is changed in between', () => {
    const users = ['a', 'b', 'c', 'd'];
    const lists = [users, ['a', 'c'], ['b', 'c', 'd'], ['d']];
    const step = fc.record({ list: fc.nat(lists.length - 1), replaced: fc.option(fc.array(fc.constantFrom(...users), { maxLength: 5 }), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let kept: string[] = [];
        let fresh: string[] = [];
        for (const { list, replaced } of steps) {
          if (replaced) [kept, fresh] = [[...replaced], [...replaced]];
          const eligible = lists[list] as string[];
          const a = rotate('rr/kept/pool', kept, eligible, new Set());
          const b = rotate('rr/fresh/pool', fresh, [...eligible], new Set());
          expect(a).toEqual(b);
          [kept, fresh] = [[...a.queue], b.queue];
        }
      }),
    );
  });

  it('property: no user gets a second record before every continuously eligible user had one', () => {
    const users = ['a', 'b', 'c', 'd', 'e'];
    fc.assert(
      fc.property(fc.array(fc.subarray(users, { minLength: 1 }), { minLength: 1, maxLength: 60 }), (sets) => {
        let queue: string[] = [];
        const history: { chosen: string; eligible: Set<string> }[] = [];
        for (const eligible of sets) {
          const turn = rotate('rr/test/pool', queue, eligible, new Set());
          queue = turn.queue;
          const chosen = turn.chosen as string;
          expect(eligible).toContain(chosen);
          // Since chosen's previous record, every user eligible at every decision in between
          // (and now) must have had a record in that span.
          const previous = history.map((h) => h.chosen).lastIndexOf(chosen);
          if (previous >= 0) {
            const span = history.slice(previous + 1);
            const steady = eligible.filter((u) => u !== chosen && history[previous]!.eligible.has(u) && span.every((h) => h.eligible.has(u)));
            for (const u of steady) expect(span.map((h) => h.chosen)).toContain(u);
          }
          history.push({ chosen, eligible: new Set(eligible) });
        }
      }),
    );
  });
});

describe('interleaved weighted cycle', () => {
  it('A3 B2 C1 gives A B C A B A', () => {
    expect(buildCycle([{ key: 'A', weight: 3 }, { key: 'B', weight: 2 }, { key: 'C', weight: 1 }])).toEqual(['A', 'B', 'C', 'A', 'B', 'A']);
  });

  it('East 2 West 1 gives East West East', () => {
    expect(buildCycle([{ key: 'East', weight: 2 }, { key: 'West', weight: 1 }])).toEqual(['East', 'West', 'East']);
  });

  it('divides weights by their greatest common divisor (50/30/20 → 5/3/2)', () => {
    expect(buildCycle([{ key: 'A', weight: 50 }, { key: 'B', weight: 30 }, { key: 'C', weight: 20 }])).toHaveLength(10);
  });

  it('property: each key appears exactly weight/gcd times per cycle', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 6 }), (weights) => {
        const entries = weights.map((weight, i) => ({ key: `k${i}`, weight }));
        const g = weights.reduce((a, b) => {
          while (b) [a, b] = [b, a % b];
          return a;
        });
        const cycle = buildCycle(entries);
        for (const e of entries) expect(cycle.filter((k) => k === e.key)).toHaveLength(e.weight / g);
      }),
    );
  });
});

describe('ranking and random', () => {
  it('ranks unset values last in either direction', () => {
    expect([3, undefined, 5].sort((a, b) => compareValues(a, b, 'desc'))).toEqual([5, 3, undefined]);
    expect([3, undefined, 5].sort((a, b) => compareValues(a, b, 'asc'))).toEqual([3, 5, undefined]);
  });

  it('ranks booleans false before true ascending, unset last', () => {
    expect([true, undefined, false, true].sort((a, b) => compareValues(a, b, 'desc'))).toEqual([true, true, false, undefined]);
    expect([true, undefined, false].sort((a, b) => compareValues(a, b, 'asc'))).toEqual([false, true, undefined]);
  });

  it('mulberry32 is deterministic and uniform enough', () => {
    let state = fnv1a('rule');
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) {
      const step = mulberry32(state);
      state = step.state;
      counts[Math.floor(step.value * 4)]!++;
    }
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
    expect(mulberry32(42)).toEqual(mulberry32(42));
  });
});
