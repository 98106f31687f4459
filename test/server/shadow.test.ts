// Shadow mode over HTTP: a server whose dist.yaml names candidate rules
// (`server.shadow`) answers exactly as one without, leaves a state file equal
// row for row to the one without a shadow, and reports where the candidate
// diverges at GET /v1/shadow and in /metrics. The candidate's files hot-reload:
// a change that compiles becomes the shadow's version (named by fingerprint),
// one that does not keeps the last good version deciding and is reported.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { call, DIRECTORY, eventually, lead, removeProject, RULES, startTestServer, writeProject, type TestServer } from './helpers';

/** Every row of every table of a state file. */
function dump(file: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all().map((row) => JSON.stringify(row)).sort()]));
  } finally {
    db.close();
  }
}

const started: TestServer[] = [];
afterAll(async () => {
  for (const s of started) {
    await s.close();
    removeProject(s.root);
  }
});

/** Candidate rules: website leads with a score of 50 or more only. */
const CANDIDATE = RULES.replace('when lead.source == "Website"', 'when lead.source == "Website" and lead.score >= 50');

async function serve(shadow: boolean, watch = false): Promise<TestServer> {
  const root = writeProject(shadow ? { distYaml: 'server:\n  shadow: candidate\n' } : {});
  if (shadow) {
    mkdirSync(path.join(root, 'candidate', 'rules'), { recursive: true });
    writeFileSync(path.join(root, 'candidate', 'rules', 'main.dist'), CANDIDATE);
    writeFileSync(path.join(root, 'candidate', 'directory.yaml'), DIRECTORY);
  }
  // One instant for every clock reading: how often the timer loop or the outbox reads the clock must not matter.
  const now = Date.parse('2026-11-02T09:00:00Z');
  const server = await startTestServer(root, { clock: () => now, watch });
  started.push(server);
  return server;
}

const EVENTS = Array.from({ length: 12 }, (_, i) => lead(`e${i}`, { score: i * 10 }));

describe('shadow mode', { timeout: 60_000 }, () => {
  test('live answers and state are the same with and without a shadow; divergences are reported', async () => {
    const plain = await serve(false);
    const shadowed = await serve(true);
    for (const event of EVENTS) {
      const a = await call(plain.url, 'POST', '/v1/events', event);
      const b = await call(shadowed.url, 'POST', '/v1/events', event);
      expect(b.status).toBe(200);
      expect(b.body).toEqual(a.body);
    }
    await eventually(async () => (await call(shadowed.url, 'GET', '/v1/shadow')).body.compared === EVENTS.length, 10_000, 'the shadow to catch up');
    const report = (await call(shadowed.url, 'GET', '/v1/shadow')).body;
    expect(report).toMatchObject({ enabled: true, compared: 12, diverged: 5, pending: 0, failed: 0 });
    expect(report.by_rule).toEqual([{ rule: 'Web', compared: 12, diverged: 5 }]);
    expect(report.recent[0]).toMatchObject({ event_id: 'e4', live: { rule: 'Web', outcome: 'assigned' }, shadow: { rule: null, outcome: 'unmatched', queue: 'triage' } });
    const metrics = (await call(shadowed.url, 'GET', '/metrics')).body as string;
    expect(metrics).toContain('dist_shadow_events_total{result="diverged",rule="Web"} 5');
    expect(metrics).toContain('dist_shadow_events_total{result="same",rule="Web"} 7');
    expect((await call(plain.url, 'GET', '/v1/shadow')).body).toEqual({ enabled: false });
    expect(dump(shadowed.statePath)).toEqual(dump(plain.statePath));
  });

  test('the candidate reloads when its files change; a bad edit keeps the last good version and says why', async () => {
    const server = await serve(true, true);
    const shadowReport = async () => (await call(server.url, 'GET', '/v1/shadow')).body;
    const settle = (count: number) => eventually(async () => (await shadowReport()).compared === count, 10_000, 'the shadow to catch up');
    const first = await shadowReport();
    expect(first.version).toMatchObject({ program: expect.stringMatching(/^[0-9a-f]{16}$/), directory: expect.stringMatching(/^[0-9a-f]{16}$/), rules: 3, users: 3 });
    expect(first.reload).toEqual({ ok: true, trigger: 'start', at: '2026-11-02T09:00:00.000Z', diagnostics: [] });
    for (const event of EVENTS.slice(0, 6)) await call(server.url, 'POST', '/v1/events', event);
    await settle(6);
    expect((await shadowReport()).diverged).toBe(5);

    // The candidate becomes the live rules: no divergence from then on, counted afresh.
    const rules = path.join(server.root, 'candidate', 'rules', 'main.dist');
    writeFileSync(rules, RULES);
    await eventually(async () => (await shadowReport()).version.program !== first.version.program, 10_000, 'the shadow reload');
    const second = await shadowReport();
    expect(second).toMatchObject({ compared: 0, diverged: 0, recent: [], reload: { ok: true, trigger: 'files', diagnostics: [] } });
    expect(second.version.directory).toBe(first.version.directory);
    for (const event of EVENTS.slice(6)) await call(server.url, 'POST', '/v1/events', event);
    await settle(6);
    expect((await shadowReport()).diverged).toBe(0);

    // A broken edit: reported, and the last good version keeps deciding.
    writeFileSync(rules, `${CANDIDATE}\nrule "Broken" {\n`);
    await eventually(async () => (await shadowReport()).reload.ok === false, 10_000, 'the failed shadow reload');
    const broken = await shadowReport();
    expect(broken.version).toEqual(second.version);
    expect(broken.reload.diagnostics[0]).toMatchObject({ file: 'rules/main.dist', severity: 'error', code: 'DIST003' });
    expect(server.logs.some((l) => l.step === 'reload' && l.shadow !== undefined && l.ok === false)).toBe(true);
    const live = await call(server.url, 'POST', '/v1/events', lead('after-broken', { score: 0 }));
    expect(live.body).toMatchObject({ rule: 'Web' });
    await settle(7);
    expect((await shadowReport()).diverged).toBe(0);
    expect((await call(server.url, 'GET', '/readyz')).body.reload.ok).toBe(true);

    // The fix goes live in the shadow.
    writeFileSync(rules, CANDIDATE);
    await eventually(async () => (await shadowReport()).reload.ok === true, 10_000, 'the fixed shadow reload');
    expect((await shadowReport()).version.program).toBe(first.version.program);
  });
});
