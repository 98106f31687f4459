// `dist export --to json-rules-engine` end to end: a project whose conditions all
// export is written as a JSON array of json-rules-engine rules that decide its
// records as the router does; a construct with no equivalent is reported with the
// rule's place, nothing is written and the exit status is 1.
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { dist } from '../helpers/run-dist';

describe('dist export --to json-rules-engine', () => {
  it('writes the rules of a project whose conditions all export', { timeout: 60_000 }, async () => {
    const { code, stdout, stderr } = dist('export', 'examples/input-mapping', '--to', 'json-rules-engine');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const rules = JSON.parse(stdout) as { name: string; priority: number; conditions: unknown; event: { type: string; params: { rule: string } } }[];
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.map((r) => r.priority)).toEqual(rules.map((_, i) => rules.length - i));
    const engine = new Engine(rules as never, { allowUndefinedFacts: true });
    const { events } = await engine.run({});
    expect(events.every((e) => rules.some((r) => r.name === (e.params as { rule: string }).rule))).toBe(true);
  });

  it('reports a construct with no equivalent with its place, and writes nothing', { timeout: 60_000 }, () => {
    const { code, stdout, stderr } = dist('export', 'examples/seeds', '--to', 'json-rules-engine');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^examples\/seeds\/rules\/real-estate\.dist:\d+: rule `Buyer leads`: `lead\.zip is set` cannot be exported to json-rules-engine: json-rules-engine has no equivalent of `is set`$/m);
  });
});
