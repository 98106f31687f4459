// Rule ids are slugs of the rule's name, stable and predictable.
import { describe, expect, test } from 'vitest';
import { ruleId } from '../../compiler/stages/rule-id';

describe('ruleId', () => {
  test.each([
    ['High-score web leads', 'high-score-web-leads'],
    ['All website leads', 'all-website-leads'],
    ['  East  renewals!! ', 'east-renewals'],
    ['Café Ünïcode', 'cafe-unicode'],
    ['Лиды Москва', 'лиды-москва'],
    ['日本 リード', '日本-リード'],
    ['Rule ① ', 'rule-1'],
    ['R&D / 2026', 'r-d-2026'],
    ['!!!', 'rule'],
    ['', 'rule'],
  ])('%j → %j', (name, id) => {
    expect(ruleId(name)).toBe(id);
  });

  test('depends on the name only, and is idempotent', () => {
    expect(ruleId(ruleId('High-score web leads'))).toBe('high-score-web-leads');
  });
});
