// `dist replay --log` end to end: a real `dist serve` logs decisions, its log is
// exported over HTTP (`GET /v1/decisions?format=ndjson`) and from its state file
// (`dist export-log`), and each decision re-runs from the file under the project folder (exit 0, "reproduces exactly"); other rules
// under --with give another decision (exit 2); a log from other rules, an
// unknown id, a line that is not JSON or not a log entry, and an entry whose
// provenance is broken are each an error that names the problem and its place
// (exit 1).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { call, DIRECTORY, lead, removeProject, RULES, startTestServer, writeProject, type TestServer } from '../server/helpers';
import { dist } from '../helpers/run-dist';

let server: TestServer;
let log: string;
let other: string;

/** Web leads go to a only. */
const OTHER_RULES = RULES.replace('"a@x.test", "b@x.test", "c@x.test"', '"a@x.test"');

beforeAll(async () => {
  server = await startTestServer(writeProject());
  for (const [i, source] of ['Website', 'East', 'Website', 'Website', 'Nowhere'].entries()) {
    expect((await call(server.url, 'POST', '/v1/events', lead(`e${i}`, { source }))).status).toBe(200);
  }
  const exported = await call(server.url, 'GET', '/v1/decisions?format=ndjson');
  expect(exported.status).toBe(200);
  log = path.join(server.root, 'log.ndjson');
  writeFileSync(log, exported.body as string);
  other = path.join(server.root, 'other');
  mkdirSync(path.join(other, 'rules'), { recursive: true });
  writeFileSync(path.join(other, 'rules', 'main.dist'), OTHER_RULES);
  writeFileSync(path.join(other, 'directory.yaml'), DIRECTORY);
  // The commands below run as child processes that block this one: the server has done its part.
  await server.close();
});
afterAll(() => removeProject(server.root));

describe('dist replay --log', { timeout: 120_000 }, () => {
  test('a decision of a log written by `dist export-log` reproduces exactly under its project; --with other rules, exit 2', () => {
    const file = path.join(server.root, 'exported.ndjson');
    const exported = dist('export-log', '--state', `sqlite:${server.statePath}`, '-o', file);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    const r = dist('replay', 'd-000003', '--log', file, '--rules', server.root, '--with', other);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('outcome: assigned → b@x.test');
    expect(r.stdout).toMatch(/reproduces exactly: every field of the log entry, under `[^`]+` \(program [0-9a-f]{16}, directory [0-9a-f]{16}\)/);
    expect(r.stdout).toContain('under ' + other + ': another decision');
    expect(r.stdout).toContain('assigned: ["b@x.test"] → ["a@x.test"]');
    expect(r.code).toBe(2);
  });

  test('as JSON: an unmatched decision of the HTTP export reproduces', () => {
    const r = dist('replay', 'd-000005', '--log', log, '--rules', server.root, '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ decision: { decision_id: 'd-000005', outcome: 'unmatched' }, reproduces: true, differences: [] });
  });

  test('a log from other rules names both fingerprints, exit 1', () => {
    const r = dist('replay', 'd-000001', '--log', log, '--rules', other);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`^dist replay: ${esc(log)}:1: decision \`d-000001\` ran under program ([0-9a-f]{16}) and directory ([0-9a-f]{16}), but \`${esc(other)}\` is program (?!\\1)[0-9a-f]{16} and directory \\2 \\(other rules\\); name the version`),
    );
  });

  test('an unknown id and a line that is not JSON are errors at their place, exit 1', () => {
    const unknown = dist('replay', 'd-999999', '--log', log, '--rules', server.root);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(`dist replay: no decision \`d-999999\` in \`${log}\` (it holds 5 decisions, \`d-000001\` … \`d-000005\`)\n`);

    const [first] = readFileSync(log, 'utf8').split('\n');
    const bad = path.join(server.root, 'bad.ndjson');
    writeFileSync(bad, `${first}\n\n{oops\n`);
    const notJson = dist('replay', 'd-000002', '--log', bad, '--rules', server.root);
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(new RegExp(`^dist replay: ${esc(bad)}:3: invalid JSON: `));
  });

  test('a line that is not a log entry and an entry with broken provenance are errors at their line, exit 1', () => {
    const [first, second] = readFileSync(log, 'utf8').split('\n');
    const bad = path.join(server.root, 'bad-entry.ndjson');
    writeFileSync(bad, `${first}\n{"id":"e1","type":"lead.created","record":{}}\n`);
    const notEntry = dist('replay', 'd-000002', '--log', bad, '--rules', server.root);
    expect(notEntry.code).toBe(1);
    expect(notEntry.stderr).toBe(`dist replay: ${bad}:2: expected a decision-log entry (a line of \`dist export-log\`) with its \`decision_id\`\n`);

    const broken = JSON.parse(second!) as { provenance: { reads: unknown } };
    broken.provenance.reads = 5;
    writeFileSync(bad, `${first}\n${JSON.stringify(broken)}\n`);
    const brokenEntry = dist('replay', 'd-000002', '--log', bad, '--rules', server.root);
    expect(brokenEntry.code).toBe(1);
    expect(brokenEntry.stderr).toMatch(new RegExp(`^dist replay: ${esc(bad)}:2: decision \`d-000002\`: \`provenance\\.reads\`: `));
  });
});

function esc(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
