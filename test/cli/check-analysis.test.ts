// `dist check` and the rule analysis end to end: a shadowed rule is a warning
// (exit 0) with its witness in `--format json`, and `--gaps` lists a record no
// active rule takes, as text and as JSON, with positions for undecided parts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dist } from '../helpers/run-dist';

const base = mkdtempSync(path.join(tmpdir(), 'dist-analysis-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function project(name: string, rules: string): string {
  const root = path.join(base, name);
  mkdirSync(path.join(root, 'rules'), { recursive: true });
  writeFileSync(path.join(root, 'rules', 'a.dist'), `schema lead {\n  source: text\n  score: number\n}\n\n${rules}`);
  return root;
}

const rule = (name: string, priority: number, when: string) =>
  `rule "${name}" {\n  priority ${priority}\n  on lead.created\n  when ${when}\n  assign anyone\n  distribute round_robin\n}\n`;

describe('dist check with the rule analysis', { timeout: 60_000 }, () => {
  const shadowed = project('shadowed', rule('All web', 10, 'lead.source == "Website"') + rule('Hot web', 20, 'lead.source == "Website" and lead.score > 80'));

  it('reports a shadowed rule as a warning with a witness, and exits 0', () => {
    const text = dist('check', shadowed);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('warning DIST401 rule `Hot web` never runs: `All web` (priority 10) matches every record it matches and comes first');
    const json = JSON.parse(dist('check', shadowed, '--format', 'json').stdout);
    expect(json.diagnostics[0]).toMatchObject({ code: 'DIST401', witness: { type: 'lead.created', record: { source: 'Website', score: 81 } } });
  });

  it('lists gaps with --gaps, as text and as JSON', () => {
    const text = dist('check', shadowed, '--gaps');
    expect(text.stdout).toContain('gaps: records that no active rule takes\n  `lead.created`: gap, e.g. `{ "source": "example" }` is taken by none of the 2 rules that run on it');
    const json = JSON.parse(dist('check', shadowed, '--gaps', '--format', 'json').stdout);
    expect(json.gaps).toEqual([{ type: 'lead.created', rules: 2, status: 'gap', witness: { type: 'lead.created', record: { id: 'lead-1', source: 'example' } } }]);
  });

  it('says when every record is taken, and where the analysis cannot tell', () => {
    const covered = project('covered', rule('Scored', 10, 'lead.score is set') + rule('Unscored', 20, 'lead.score is not set'));
    expect(dist('check', covered, '--gaps').stdout).toContain('`lead.created`: covered, every record is taken by one of the 2 rules that run on it');
    const opaque = project('opaque', rule('Lower', 10, 'lower(lead.source) == "web"') + rule('Rest', 20, 'lead.source != "web"') + rule('None', 30, 'lead.source is not set'));
    const json = JSON.parse(dist('check', opaque, '--gaps', '--format', 'json').stdout);
    expect(json.gaps[0]).toMatchObject({ status: 'undecided', culprits: [{ rule: 'Lower', line: 9, column: 8, text: 'lower(lead.source)', why: 'is a function call' }] });
    expect(dist('check', opaque, '--gaps').stdout).toContain('cannot tell, because `lower(lead.source)` in rule `Lower`');
  });

  it('does not look for gaps in a project with errors', () => {
    const broken = project('broken', rule('Bad', 10, 'lead.nope == 1'));
    const run = dist('check', broken, '--gaps');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('gaps: not computed, because the project has errors');
  });
});
