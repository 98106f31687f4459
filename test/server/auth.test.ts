// Authentication: `Dist-Signature` on ingest (valid, wrong, stale, missing —
// refused without a state change), bearer tokens on read and admin endpoints, and
// team-limited tokens that see only their team's decisions.
import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate, isLoopback, verifySignature } from '../../server/auth';
import { ApiError } from '../../server/errors';
import { call, lead, removeProject, signature, startTestServer, stateSnapshot, writeProject, type TestServer } from './helpers';

const SECRET = 'webhook-secret';
const ADMIN = { authorization: 'Bearer admin-token' };
const EAST = { authorization: 'Bearer east-token' };
let server: TestServer;

beforeAll(async () => {
  const root = writeProject({ distYaml: 'server:\n  tokens:\n    - { name: east-ops, team: East, token_env: EAST_TOKEN }\n' });
  server = await startTestServer(root, { env: { DIST_WEBHOOK_SECRET: SECRET, DIST_ADMIN_TOKEN: 'admin-token', EAST_TOKEN: 'east-token' } });
});

afterAll(async () => {
  await server.close();
  removeProject(server.root);
});

async function signedPost(route: string, body: unknown, t?: number) {
  const text = JSON.stringify(body);
  return call(server.url, 'POST', route, text, signature(SECRET, text, t));
}

describe('signatures on ingest', () => {
  it('accepts a valid signature on /v1/events and /v1/distribute', async () => {
    expect((await signedPost('/v1/events', lead('s1'))).status).toBe(200);
    expect((await signedPost('/v1/events', lead('s2', { source: 'East' }))).body.rule).toBe('East');
    expect((await signedPost('/v1/distribute', { event: lead('s3') })).status).toBe(200);
  });

  const now = Math.floor(Date.now() / 1000);
  it.each([
    ['missing', {}, 'invalid_signature'],
    ['wrong', { 'dist-signature': `t=${now},v1=${'0'.repeat(64)}` }, 'invalid_signature'],
    ['short', { 'dist-signature': `t=${now},v1=abcd` }, 'invalid_signature'],
    ['malformed', { 'dist-signature': 'sha256=whatever' }, 'invalid_signature'],
    ['for another body', signature(SECRET, '{"other":true}'), 'invalid_signature'],
    ['with another secret', signature('not-the-secret', JSON.stringify(lead('x1'))), 'invalid_signature'],
    ['stale (6 minutes old)', signature(SECRET, JSON.stringify(lead('x1')), now - 360), 'stale_signature'],
    ['from the future (6 minutes ahead)', signature(SECRET, JSON.stringify(lead('x1')), now + 360), 'stale_signature'],
  ])('refuses a %s signature with 401 and no state change', async (_name, headers, code) => {
    const before = stateSnapshot(server.statePath);
    for (const route of ['/v1/events', '/v1/events:batch', '/v1/distribute']) {
      // The signature is checked on the raw body before anything else, so one body serves every route.
      const res = await call(server.url, 'POST', route, JSON.stringify(lead('x1')), headers as Record<string, string>);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe(code);
    }
    expect(stateSnapshot(server.statePath)).toEqual(before);
  });

  it('checks the signature before parsing, so bad JSON from a stranger is a 401', async () => {
    const res = await call(server.url, 'POST', '/v1/events', '{"broken', { 'dist-signature': `t=${now},v1=00` });
    expect(res.status).toBe(401);
  });
});

describe('bearer tokens', () => {
  it('requires a valid token on read and admin endpoints, even from loopback', async () => {
    for (const route of ['/v1/decisions', '/v1/stats', '/v1/queues/triage', '/metrics']) {
      expect((await call(server.url, 'GET', route)).status).toBe(401);
      expect((await call(server.url, 'GET', route, undefined, { authorization: 'Bearer wrong' })).status).toBe(401);
      expect((await call(server.url, 'GET', route, undefined, ADMIN)).status).toBe(200);
    }
    const missing = await call(server.url, 'GET', '/v1/decisions');
    expect(missing.body.error.code).toBe('unauthorized');
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('keeps /healthz and /readyz open', async () => {
    expect((await call(server.url, 'GET', '/healthz')).status).toBe(200);
    expect((await call(server.url, 'GET', '/readyz')).status).toBe(200);
  });

  it('shows a team token only its team’s decisions', async () => {
    const all = await call(server.url, 'GET', '/v1/decisions', undefined, ADMIN);
    expect(all.body.decisions.map((d: { rule: string }) => d.rule).sort()).toEqual(['East', 'Web', 'Web']);
    const team = await call(server.url, 'GET', '/v1/decisions', undefined, EAST);
    expect(team.status).toBe(200);
    expect(team.body.decisions.map((d: { rule: string }) => d.rule)).toEqual(['East']);
    const web = all.body.decisions.find((d: { rule: string }) => d.rule === 'Web');
    expect((await call(server.url, 'GET', `/v1/decisions/${web.decision_id}`, undefined, EAST)).status).toBe(404);
    expect((await call(server.url, 'GET', `/v1/decisions/${team.body.decisions[0].decision_id}`, undefined, EAST)).status).toBe(200);
    const stats = await call(server.url, 'GET', '/v1/stats', undefined, EAST);
    expect(stats.body).toMatchObject({ events: 1, per_rule: [{ rule: 'East' }] });
  });

  it('refuses admin endpoints to a team token with 403', async () => {
    const calls: [string, string, unknown?][] = [
      ['GET', '/v1/queues/triage'],
      ['POST', '/v1/queues/triage/x/retry'],
      ['PATCH', '/v1/users/a@x.test', { status: 'away' }],
      ['PUT', '/v1/directory', { users: [] }],
      ['POST', '/v1/records/lead/x/close'],
      ['POST', '/v1/assignments', { entity: 'lead', record_id: 'x', user: 'a@x.test' }],
      ['GET', '/metrics'],
    ];
    const before = stateSnapshot(server.statePath);
    for (const [method, route, body] of calls) {
      const res = await call(server.url, method, route, body, EAST);
      expect(res.status, `${method} ${route}`).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    expect(stateSnapshot(server.statePath)).toEqual(before);
  });
});

describe('the auth helpers', () => {
  const request = (remoteAddress: string, authorization?: string) =>
    ({ headers: authorization ? { authorization } : {}, socket: { remoteAddress } }) as unknown as FastifyRequest;
  const open = { webhookSecret: null, adminToken: null, teamTokens: [] };

  it('lets loopback clients in without a token only when no admin token is set', () => {
    expect(authenticate(open, request('127.0.0.1'))).toEqual({ kind: 'admin' });
    expect(authenticate(open, request('::ffff:127.0.0.1'))).toEqual({ kind: 'admin' });
    expect(() => authenticate(open, request('10.1.2.3'))).toThrow(ApiError);
    expect(() => authenticate({ ...open, adminToken: 't' }, request('127.0.0.1'))).toThrow(ApiError);
    expect([isLoopback('::1'), isLoopback('192.168.0.1'), isLoopback(undefined)]).toEqual([true, false, false]);
  });

  it('compares signatures of any length without throwing', () => {
    const t = Math.floor(Date.now() / 1000);
    for (const v1 of ['', 'zz', 'ab', '0'.repeat(63), '0'.repeat(66)]) {
      expect(() => verifySignature('s', `t=${t},v1=${v1}`, 'body', t)).toThrow(/signature/);
    }
  });
});
