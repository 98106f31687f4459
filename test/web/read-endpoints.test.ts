// The read endpoints behind the pages: `GET /v1/rules` and the `team` filter of
// the log and the statistics (a team token sees its team only, whatever it
// asks), the candidates and `?why=USER` of one decision, and the pages
// themselves (served with a same-origin content security policy; a clear 404
// when they are not built).
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/server';
import { call, lead, removeProject, writeProject } from '../server/helpers';
import { removeFolder, startPageServer } from './browser';

const ENV = { DIST_ADMIN_TOKEN: 'admin-token', EAST_TOKEN: 'east-token' };
const ADMIN = { authorization: 'Bearer admin-token' };
const EAST = { authorization: 'Bearer east-token' };

let server: RunningServer;
let root: string;
let web: string;

beforeAll(async () => {
  root = writeProject({ distYaml: 'server:\n  tokens:\n    - { name: east-ops, team: East, token_env: EAST_TOKEN }\n' });
  web = mkdtempSync(path.join(tmpdir(), 'dist-web-'));
  mkdirSync(path.join(web, 'assets'));
  writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>dashboard</title>');
  writeFileSync(path.join(web, 'assets', 'dashboard.js'), 'export {};');
  server = await startPageServer(root, web, ENV);
  for (const event of [lead('w1'), lead('w2'), lead('e1', { source: 'East' }), lead('n1', { source: 'Nowhere' })]) {
    expect((await call(server.url, 'POST', '/v1/events', event)).status).toBe(200);
  }
});

afterAll(async () => {
  await server.close();
  removeProject(root);
  removeFolder(web);
});

describe('GET /v1/rules', () => {
  it('lists every rule for the administrator and its team’s for a team token', async () => {
    const all = await call(server.url, 'GET', '/v1/rules', undefined, ADMIN);
    expect(all.body.rules.map((r: { rule: string }) => r.rule)).toEqual(['Web', 'East', 'Slow']);
    expect(all.body.rules[1]).toEqual({ rule_id: 'east', rule: 'East', priority: 20, status: 'active', team: 'East', entity: 'lead', method: 'round_robin' });
    const east = await call(server.url, 'GET', '/v1/rules', undefined, EAST);
    expect(east.body.rules.map((r: { rule: string }) => r.rule)).toEqual(['East']);
    expect((await call(server.url, 'GET', '/v1/rules')).status).toBe(401);
  });
});

describe('the team filter', () => {
  it('narrows the log and the statistics to rules scoped to the team', async () => {
    const log = await call(server.url, 'GET', '/v1/decisions?team=East', undefined, ADMIN);
    expect(log.body.decisions.map((d: { record_id: string; team: string }) => [d.record_id, d.team])).toEqual([['L-e1', 'East']]);
    const stats = await call(server.url, 'GET', '/v1/stats?team=East', undefined, ADMIN);
    expect([stats.body.team, stats.body.records_created, stats.body.per_rule.map((r: { rule: string }) => r.rule)]).toEqual(['East', 1, ['East']]);
  });

  it('gives a team token nothing of another team, even when asked', async () => {
    const log = await call(server.url, 'GET', '/v1/decisions?team=West', undefined, EAST);
    expect(log.body.decisions).toEqual([]);
    const stats = await call(server.url, 'GET', '/v1/stats?team=West', undefined, EAST);
    expect(stats.body.records_created).toBe(0);
  });

  it('names the team of each logged decision (null for global rules and unmatched records)', async () => {
    const log = await call(server.url, 'GET', '/v1/decisions', undefined, ADMIN);
    expect(log.body.decisions.map((d: { record_id: string; team: string | null }) => [d.record_id, d.team])).toEqual([
      ['L-n1', null],
      ['L-e1', 'East'],
      ['L-w2', null],
      ['L-w1', null],
    ]);
  });
});

describe('GET /v1/decisions/{id}', () => {
  async function decisionOf(record: string, query = '') {
    const log = await call(server.url, 'GET', `/v1/decisions?record=${record}`, undefined, ADMIN);
    const id = log.body.decisions[0].decision_id as string;
    return (await call(server.url, 'GET', `/v1/decisions/${id}${query}`, undefined, ADMIN)).body;
  }

  it('lists every candidate with what settled them', async () => {
    const d = await decisionOf('L-e1');
    expect(d.candidates).toEqual([
      { user: 'a@x.test', status: 'assigned', stage: 'method', step: 'round_robin', reason: 'chosen by round_robin' },
      { user: 'b@x.test', status: 'passed over', stage: 'method', step: 'round_robin', reason: 'eligible, but round_robin chose a@x.test' },
      { user: 'c@x.test', status: 'dropped', stage: 'pool', step: 'anyone', reason: 'not in team `East`' },
    ]);
  });

  it('answers `why` for one user, in the pool or not', async () => {
    expect((await decisionOf('L-e1', '?why=c%40x.test')).why).toMatchObject({ user: 'c@x.test', status: 'dropped', reason: 'not in team `East`' });
    expect((await decisionOf('L-w1', '?why=zed%40x.test')).why).toMatchObject({ status: 'not a candidate', reason: "not in the rule's users pool" });
    expect((await decisionOf('L-n1', '?why=a%40x.test')).why).toMatchObject({ status: 'not a candidate', stage: 'none' });
  });

  it('refuses an unknown query parameter with 400', async () => {
    const log = await call(server.url, 'GET', '/v1/decisions?record=L-w1', undefined, ADMIN);
    const res = await call(server.url, 'GET', `/v1/decisions/${log.body.decisions[0].decision_id}?whom=a`, undefined, ADMIN);
    expect([res.status, res.body.error.code]).toEqual([400, 'invalid_query']);
  });
});

describe('the pages', () => {
  it('serves the dashboard with a same-origin content security policy, and its assets by exact name', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await fetch(`${server.url}/assets/dashboard.js`)).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const outside = await call(server.url, 'GET', '/assets/..%2F..%2Fpackage.json');
    expect([outside.status, outside.body.error.code]).toEqual([404, 'not_found']);
  });

  it('answers 404 naming the build step for a page that is not built', async () => {
    const res = await call(server.url, 'GET', '/playground');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('npm run build');
  });
});
