// The committed keys the worker-backed SQLite store keeps: what was set last is
// answered, absence included, and the keys set longest ago go first once the
// texts pass the budget, while a key set again stays.
import { describe, expect, it } from 'vitest';
import { CommittedValues } from '../../runtime/state/sqlite-committed';

describe('committed values', () => {
  it('answers the last text set, null for an absent key, nothing for a key never set', () => {
    const held = new CommittedValues();
    held.set('a', '1');
    held.set('a', '2');
    held.set('b', null);
    expect([held.get('a'), held.get('b'), held.get('c')]).toEqual(['2', null, undefined]);
  });

  it('lets the keys set longest ago go once over the budget, keeping a key set again', () => {
    // Each entry here costs 2 × (1 + 10) + 64 = 86 bytes: three fit in 300.
    const held = new CommittedValues(300);
    held.set('a', 'x'.repeat(10));
    held.set('b', 'x'.repeat(10));
    held.set('c', 'x'.repeat(10));
    held.set('a', 'y'.repeat(10));
    held.set('d', 'x'.repeat(10));
    expect(['a', 'b', 'c', 'd'].map((k) => held.get(k))).toEqual(['y'.repeat(10), undefined, 'x'.repeat(10), 'x'.repeat(10)]);
  });
});
