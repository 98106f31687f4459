// The code lens above each rule: uncounted before the host has counted the cases,
// then "Run N cases" with the rule's id (an explicit `id` clause wins over the name),
// and a plain label for a rule no case reaches.
import { describe, expect, it } from 'vitest';
import { RUN_RULE_CASES } from '../../lsp/service/code-lens';
import { service, uri } from './fixtures';

const TWO = `rule "Phone leads" {
  id "calls"
  priority 20
  on lead.created
  when lead.source == "phone"
  assign anyone
  distribute random
}

rule "Partner leads" {
  priority 30
  on lead.created
  when lead.source == "partner"
  assign anyone
  distribute random
}
`;

const lenses = (counts: ReadonlyMap<string, number> | null) =>
  service({ 'rules/two.dist': TWO })
    .codeLenses(uri('rules/two.dist'), counts)
    .map((l) => [l.range.start.line, l.command?.title, l.command?.command, l.command?.arguments]);

describe('code lens', () => {
  it('offers to run each rule’s cases before they are counted', () => {
    expect(lenses(null)).toEqual([
      [0, '▶ Run the cases that reach this rule', RUN_RULE_CASES, ['calls']],
      [9, '▶ Run the cases that reach this rule', RUN_RULE_CASES, ['partner-leads']],
    ]);
  });

  it('shows the counts, and a label for a rule no case reaches', () => {
    expect(lenses(new Map([['calls', 1], ['partner-leads', 0], ['web-leads', 4]]))).toEqual([
      [0, '▶ Run 1 case', RUN_RULE_CASES, ['calls']],
      [9, 'No scenario case reaches this rule', '', undefined],
    ]);
    expect(lenses(new Map([['partner-leads', 3]]))[0]![1]).toBe('No scenario case reaches this rule');
    expect(lenses(new Map([['partner-leads', 3]]))[1]![1]).toBe('▶ Run 3 cases');
  });

  it('gives none outside the project', () => {
    expect(service().codeLenses('file:///elsewhere/a.dist', null)).toEqual([]);
  });
});
