// "Did you mean": the closest known name, or none when nothing is close.
import { describe, expect, test } from 'vitest';
import { closest, editDistance } from '../../language/suggest';

describe('suggestions', () => {
  test('edit distance counts a swap of neighbours as one edit', () => {
    expect(editDistance('scroe', 'score')).toBe(1);
    expect(editDistance('lowr', 'lower')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  test('finds the closest name within a third of the length', () => {
    expect(closest('lowr', ['upper', 'lower', 'length'])).toBe('lower');
    expect(closest('craeted', ['created', 'updated'])).toBe('created');
    expect(closest('LEAD', ['lead'])).toBe('lead');
    expect(closest('widget', ['lead', 'user'])).toBeNull();
    expect(closest('D', ['A', 'B', 'C'])).toBeNull();
  });
});
