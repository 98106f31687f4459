// The decision log stays small however many rules there are: 1,100 decisions on
// the last rule of a 10,000-rule project keep, per decision, what the same
// decisions keep in a 10-rule project (the compact trace holds the record, the
// pool, the filters and the method, never a line per rule tried), and the rules
// tried are still rebuilt on demand from the logged record.
import { describe, expect, it } from 'vitest';
import type { Decision } from '../../runtime/types';
import { Harness, usersYaml } from './helpers';

function rules(count: number): string {
  return Array.from(
    { length: count },
    (_, i) => `rule "Rule ${i}" {
  priority ${i + 1}
  on lead.created
  when lead.zip == "${i}" and lead.score >= 10
  assign users "a", "b", "c"
  distribute round_robin
}
`,
  ).join('\n');
}

async function logBytes(ruleCount: number, decisions: number): Promise<{ perDecision: number; harness: Harness; last: Decision }> {
  const h = new Harness(rules(ruleCount), usersYaml(['a', 'b', 'c'], 'checked_in: true'));
  let last: Decision | undefined;
  for (let i = 0; i < decisions; i++) {
    const result = await h.engine.decide({ id: `e${i}`, type: 'lead.created', record: { id: `L${i}`, zip: String(ruleCount - 1), score: 50 } });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    last = result.decision;
  }
  const logged = (h.store.snapshot() as { decisions: Decision[] }).decisions;
  expect(logged).toHaveLength(decisions);
  const bytes = logged.reduce((n, d) => n + JSON.stringify(d).length, 0);
  return { perDecision: bytes / decisions, harness: h, last: last! };
}

describe('the decision log', () => {
  it('keeps per decision what a 10-rule project keeps, at 10,000 rules and 1,100 decisions on the last rule', { timeout: 240_000 }, async () => {
    const small = await logBytes(10, 1_100);
    const large = await logBytes(10_000, 1_100);
    expect(large.last.rule).toBe('Rule 9999');
    expect(large.perDecision).toBeLessThan(1_500);
    // Only the digits of the rule name and zip differ.
    expect(Math.abs(large.perDecision - small.perDecision)).toBeLessThan(40);
    const explained = large.harness.engine.explain(large.last);
    expect(explained.trace.rules).toHaveLength(10_000);
    expect(explained.trace.rules[0]).toEqual({ ruleId: expect.any(String), rule: 'Rule 0', matched: false, failed: expect.objectContaining({ text: 'lead.zip == "0"', values: { 'lead.zip': '9999' } }) });
    expect(explained.trace.rules.at(-1)).toEqual({ ruleId: expect.any(String), rule: 'Rule 9999', matched: true });
  });
});
