// Rule ids are slugs of the rule's name, stable and predictable, unless an `id` clause names one.
import { describe, expect, it, test } from 'vitest';
import { compileProject } from '../../compiler/compile';
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

describe('the id clause', () => {
  const rule = (name: string, extra: string) =>
    `rule "${name}" {\n  priority ${name.length}\n${extra}  on lead.created\n  assign anyone\n  distribute round_robin\n}\n`;
  const compile = (...texts: string[]) =>
    compileProject({ sources: texts.map((text, i) => ({ file: `rules/${i}.dist`, text })).concat([{ file: 'rules/s.dist', text: 'schema lead {\n  score: number\n}\n' }]) });

  it('gives the rule the id it names instead of its name slug', () => {
    const { program, diagnostics } = compile(rule('Renamed rule', '  id "web-leads"\n'));
    expect(diagnostics).toEqual([]);
    expect(program?.rules.map((r) => r.id)).toEqual(['web-leads']);
  });

  it('reports two rules with one id', () => {
    const { diagnostics } = compile(rule('First', '  id "same"\n'), rule('Second one', '  id "same"\n'));
    expect(diagnostics.map((d) => d.code)).toEqual(['DIST313']);
  });
});
