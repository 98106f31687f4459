// examples/b2b-inbound served as its README describes, on a copy of the project
// (the server writes its state file beside the rules): in entity mode, with the
// Enterprise team's token from its dist.yaml, and switched to automation mode,
// where records come only through /v1/distribute with a callback and a default
// user. The clock is Tuesday 24 November 2026, 11:00 in Kolkata, and runs on.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-dist';
import { call, eventually, removeProject, startTarget, startTestServer, type Target, type TestServer } from './helpers';

const START = Date.parse('2026-11-24T11:00:00+05:30');
const ENV = { DIST_ADMIN_TOKEN: 'admin-secret', ENTERPRISE_TOKEN: 'enterprise-secret' };
const ADMIN = { authorization: 'Bearer admin-secret' };
const ENTERPRISE = { authorization: 'Bearer enterprise-secret' };

/** A copy of the example, optionally with its trigger mode changed. */
function copyExample(trigger: 'entity' | 'automation'): string {
  const root = mkdtempSync(path.join(tmpdir(), 'dist-b2b-'));
  cpSync(path.join(ROOT, 'examples/b2b-inbound'), root, { recursive: true });
  const schema = path.join(root, 'rules/schema.dist');
  const text = readFileSync(schema, 'utf8');
  if (!text.includes('\n  trigger entity\n')) throw new Error('the example no longer sets `trigger entity`');
  writeFileSync(schema, text.replace('\n  trigger entity\n', `\n  trigger ${trigger}\n`));
  return root;
}

async function serve(trigger: 'entity' | 'automation'): Promise<TestServer> {
  const started = Date.now();
  return startTestServer(copyExample(trigger), { env: ENV, clock: () => START + (Date.now() - started) });
}

const event = (id: string, type: string, record: Record<string, unknown>) => ({ id, type, record });

describe('entity trigger mode', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await serve('entity');
  });
  afterAll(async () => {
    await server.close();
    removeProject(server.root);
  });

  it('routes CRM events by the rules, in priority order', async () => {
    const partner = await call(server.url, 'POST', '/v1/events', event('e1', 'lead.created', { id: 'L1', source: 'Partner' }));
    expect(partner.body).toMatchObject({ outcome: 'assigned', rule: 'Partner referrals', assigned: ['priya@acme.test'] });
    const highScore = await call(server.url, 'POST', '/v1/events', event('e2', 'lead.created', { id: 'L2', source: 'Website', country: 'Spain', score: 90 }));
    expect(highScore.body).toMatchObject({ rule: 'High-score website leads', assigned: ['kiran@acme.test'] });
    const renewal = await call(server.url, 'POST', '/v1/events', event('e3', 'opportunity.created', { id: 'O1', stage: 'Renewal', amount: 1500000 }));
    expect(renewal.body).toMatchObject({ rule: 'Enterprise renewals', assigned: ['olga@acme.test'] });
  });

  it('shows the Enterprise token only its team rule\'s decisions, and no admin endpoint', async () => {
    const team = await call(server.url, 'GET', '/v1/decisions', undefined, ENTERPRISE);
    expect(team.status).toBe(200);
    expect(team.body.decisions.map((d: { rule: string }) => d.rule)).toEqual(['Enterprise renewals']);
    const all = await call(server.url, 'GET', '/v1/decisions', undefined, ADMIN);
    expect(all.body.decisions).toHaveLength(3);
    expect((await call(server.url, 'GET', '/v1/queues/triage', undefined, ENTERPRISE)).status).toBe(403);
    expect((await call(server.url, 'GET', '/v1/queues/triage', undefined, ADMIN)).status).toBe(200);
  });
});

describe('automation trigger mode', () => {
  let server: TestServer;
  let automation: Target;
  beforeAll(async () => {
    automation = await startTarget(() => ({ status: 200, body: { ok: true } }));
    server = await serve('automation');
  });
  afterAll(async () => {
    await server.close();
    await automation.close();
    removeProject(server.root);
  });

  it('takes records only from an automation', async () => {
    const direct = await call(server.url, 'POST', '/v1/events', event('x1', 'lead.created', { id: 'X1', source: 'Partner' }));
    expect(direct.status).toBe(409);
    expect(direct.body.error.code).toBe('automation_trigger_mode');
  });

  it('answers the decision and calls the automation back', async () => {
    const res = await call(server.url, 'POST', '/v1/distribute', {
      event: event('auto-1', 'lead.created', { id: 'L1', source: 'Partner' }),
      callback_url: `${automation.url}/continue`,
      default_user: 'maya@acme.test',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ decision_id: res.body.decision_id, event_id: 'auto-1', outcome: 'assigned', rule: 'Partner referrals', assigned: ['priya@acme.test'] });
    await eventually(() => automation.received.length === 1, 5000, 'the callback');
    const [callback] = automation.received;
    expect(callback?.path).toBe('/continue');
    expect(callback?.body).toMatchObject({ type: 'decision.assigned', decision: { decision_id: res.body.decision_id, assigned: ['priya@acme.test'] } });
    expect(callback?.body).not.toHaveProperty('default_user');
  });

  it('names the default user in the answer and the callback when nobody is assigned', async () => {
    const res = await call(server.url, 'POST', '/v1/distribute', {
      event: event('auto-2', 'lead.created', { id: 'L2', source: 'Facebook Ads', country: 'Spain' }),
      callback_url: `${automation.url}/continue`,
      default_user: 'maya@acme.test',
    });
    expect(res.body).toMatchObject({ outcome: 'unmatched', assigned: [], queue: 'triage', default_user: 'maya@acme.test' });
    await eventually(() => automation.received.length === 2, 5000, 'the second callback');
    expect(automation.received[1]?.body).toMatchObject({ type: 'decision.unmatched', default_user: 'maya@acme.test', decision: { assigned: [] } });
  });
});
