// `dist diff --replay` end to end: an NDJSON file of events gives the flow table
// in markdown (for a pull-request comment) and exit 2; a line that is not JSON
// is an error at its line, exit 1.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { dist } from '../helpers/run-dist';
import { recordedEvents } from './recorded-events';

const dir = mkdtempSync(join(tmpdir(), 'dist-replay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fixtures = 'test/replay/fixtures';

describe('dist diff --replay', { timeout: 120_000 }, () => {
  test('markdown with the flow table and examples, exit 2', () => {
    const file = join(dir, 'events.ndjson');
    writeFileSync(file, recordedEvents().map(({ event, at }) => JSON.stringify({ ...event, at: new Date(at!).toISOString() })).join('\n') + '\n');
    const r = dist('diff', `${fixtures}/base`, `${fixtures}/head`, '--replay', file, '--format', 'markdown', '--examples', '1');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('37 of 1,000 replayed events change (rule 37, outcome 12, assignees 37)');
    expect(r.stdout).toContain('| `rule "Website leads"` | `rule "India leads"` | 25 |');
    expect(r.stdout).toContain('| `rule "Website leads"` | `unmatched queue "triage"` | 12 |');
    expect(r.stdout).toContain('<details><summary>Examples with their explain traces</summary>');
    expect(r.stdout).toContain('`lead.score >= 50` is false (lead.score = ');
  });

  test('a line that is not JSON is an error naming the line, exit 1', () => {
    const file = join(dir, 'bad.ndjson');
    writeFileSync(file, '{"id":"a","type":"lead.created","record":{"id":"L1"}}\n\n{oops\n');
    const r = dist('diff', `${fixtures}/base`, `${fixtures}/head`, '--replay', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^dist diff: ${file.replace(/[.]/g, '\\.')}:3: invalid JSON: `));
  });
});
