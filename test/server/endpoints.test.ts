// Every endpoint of API.md (but the dashboard and playground pages) on its happy
// path, against a real server on 127.0.0.1:0 with a real SQLite state file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, eventually, lead, removeProject, startTarget, startTestServer, writeProject, type Target, type TestServer } from './helpers';

let server: TestServer;
let target: Target;

beforeAll(async () => {
  target = await startTarget(() => ({ status: 200, body: { ok: true } }));
  server = await startTestServer(writeProject());
});

afterAll(async () => {
  await server.close();
  await target.close();
  removeProject(server.root);
});

describe('ingest', () => {
  it('decides one event per POST /v1/events, round robin a, b, c', async () => {
    const assigned: string[] = [];
    for (const id of ['e1', 'e2', 'e3', 'e4']) {
      const res = await call(server.url, 'POST', '/v1/events', lead(id));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ event_id: id, outcome: 'assigned', rule: 'Web' });
      expect(res.body.decision_id).toMatch(/^d-/);
      assigned.push(...res.body.assigned);
    }
    expect(assigned).toEqual(['a@x.test', 'b@x.test', 'c@x.test', 'a@x.test']);
  });

  it('decides a batch in order, with per-event errors', async () => {
    const events = [lead('b1'), { id: 'b2', type: 'lead.created', record: { id: 'x', score: 'high' } }, lead('b3')];
    const res = await call(server.url, 'POST', '/v1/events:batch', { events });
    expect(res.status).toBe(200);
    const [first, second, third] = res.body.results;
    expect(first).toMatchObject({ status: 200, event_id: 'b1', assigned: ['b@x.test'] });
    expect(second).toMatchObject({ status: 400, error: { code: 'invalid_event' } });
    expect(second.error.details[0].path).toBe('record.score');
    expect(third).toMatchObject({ status: 200, event_id: 'b3', assigned: ['c@x.test'] });
  });

  it('answers /v1/distribute and posts the decision to its callback', async () => {
    const res = await call(server.url, 'POST', '/v1/distribute', { event: lead('d1'), callback_url: `${target.url}/hook` });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ event_id: 'd1', outcome: 'assigned', assigned: ['a@x.test'] });
    await eventually(() => target.received.length === 1, 5000, 'the callback');
    const [callback] = target.received;
    expect(callback?.path).toBe('/hook');
    expect(callback?.body).toMatchObject({ type: 'decision.assigned', decision: { decision_id: res.body.decision_id } });
    expect(callback?.headers['dist-delivery-id']).toBe(`${res.body.decision_id}/callback`);
    await eventually(async () => (await call(server.url, 'GET', `/v1/decisions/${res.body.decision_id}`)).body.deliveries[0]?.result === 'delivered');
  });

  it('tells the automation its default user when nobody is assigned', async () => {
    const res = await call(server.url, 'POST', '/v1/distribute', { event: lead('d2', { source: 'Nowhere' }), default_user: 'c@x.test' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ outcome: 'unmatched', assigned: [], queue: 'triage', default_user: 'c@x.test' });
  });
});

describe('the decision log', () => {
  it('lists decisions newest first with filters and a cursor', async () => {
    const page = await call(server.url, 'GET', '/v1/decisions?limit=2&rule=Web');
    expect(page.status).toBe(200);
    expect(page.body.decisions).toHaveLength(2);
    const ids = (answer: { body: { decisions: { event_id: string }[] } }) => answer.body.decisions.map((d) => d.event_id);
    expect(ids(page)).toEqual(['d1', 'b3']);
    const next = await call(server.url, 'GET', `/v1/decisions?limit=2&rule=Web&before=${page.body.next}`);
    expect(ids(next)).toEqual(['b1', 'e4']);
    const byUser = await call(server.url, 'GET', '/v1/decisions?user=c@x.test&outcome=assigned');
    expect(ids(byUser)).toEqual(['b3', 'e3']);
    const byRecord = await call(server.url, 'GET', '/v1/decisions?record=L-e2');
    expect(byRecord.body.decisions).toHaveLength(1);
    const range = await call(server.url, 'GET', `/v1/decisions?from=${new Date(Date.now() + 60_000).toISOString()}`);
    expect(range.body).toEqual({ decisions: [], next: null });
  });

  it('shows one decision with its explain trace', async () => {
    const [first] = (await call(server.url, 'GET', '/v1/decisions?record=L-e1')).body.decisions;
    const res = await call(server.url, 'GET', `/v1/decisions/${first.decision_id}`);
    expect(res.status).toBe(200);
    expect(res.body.trace.rules[0]).toMatchObject({ rule_id: 'web', matched: true });
    expect(res.body.trace.pool.users).toEqual(['a@x.test', 'b@x.test', 'c@x.test']);
    expect(res.body.trace.method.method).toBe('round_robin');
    expect(res.body.deliveries).toEqual([]);
    expect((await call(server.url, 'GET', '/v1/decisions/d-999999')).status).toBe(404);
  });

  it('sums up the log in /v1/stats', async () => {
    const res = await call(server.url, 'GET', '/v1/stats');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ events: 8, records_created: 8, records_assigned: 7, unassigned: 1, success_rate: 0.875, truncated: false });
    expect(res.body.outcomes).toEqual({ assigned: 7, fallback: 0, unmatched: 1 });
    expect(res.body.per_rule[0]).toMatchObject({ rule: 'Web', method: 'round_robin', records: 7, decisions: 7 });
    expect(res.body.per_user).toContainEqual({ user: 'a@x.test', assigned: 3 });
  });
});

describe('queues, records and assignments', () => {
  it('lists the unmatched queue and sends a record back through the rules', async () => {
    const queue = await call(server.url, 'GET', '/v1/queues/triage');
    expect(queue.status).toBe(200);
    expect(queue.body.items).toMatchObject([{ record_id: 'L-d2', reason: 'no rule matched' }]);
    const retried = await call(server.url, 'POST', '/v1/queues/triage/L-d2/retry');
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ event_id: 'd2', outcome: 'unmatched', queue: 'triage' });
    expect((await call(server.url, 'POST', '/v1/queues/triage/nope/retry')).status).toBe(404);
    expect((await call(server.url, 'GET', '/v1/queues/no-such-queue')).status).toBe(404);
  });

  it('closes a record and records a manual assignment', async () => {
    const closed = await call(server.url, 'POST', '/v1/records/lead/L-e1/close');
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ closed: true, already_closed: false });
    expect((await call(server.url, 'POST', '/v1/records/lead/L-e1/close')).body.already_closed).toBe(true);
    expect((await call(server.url, 'POST', '/v1/records/lead/unknown/close')).status).toBe(404);
    const manual = await call(server.url, 'POST', '/v1/assignments', { entity: 'lead', record_id: 'M1', user: 'b@x.test' });
    expect(manual.status).toBe(200);
    expect(manual.body).toMatchObject({ recorded: true, counts: true });
    const unknown = await call(server.url, 'POST', '/v1/assignments', { entity: 'lead', record_id: 'M1', user: 'z@x.test' });
    expect(unknown.status).toBe(400);
  });
});

describe('the directory', () => {
  it('changes one user with PATCH /v1/users/{id}', async () => {
    const res = await call(server.url, 'PATCH', '/v1/users/b@x.test', { active: false, fields: { grade: 'A+' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'b@x.test', active: false, fields: { grade: 'A+' } });
    const assigned: string[] = [];
    for (const id of ['p1', 'p2', 'p3']) assigned.push(...(await call(server.url, 'POST', '/v1/events', lead(id))).body.assigned);
    expect(assigned).not.toContain('b@x.test');
    expect((await call(server.url, 'PATCH', '/v1/users/nobody@x.test', { active: true })).status).toBe(404);
  });

  it('replaces the directory with PUT /v1/directory, checked against the rules', async () => {
    const users = ['a', 'b', 'c', 'd'].map((u) => ({ id: `${u}@x.test`, name: u.toUpperCase(), teams: u === 'c' || u === 'd' ? [] : ['East'] }));
    const res = await call(server.url, 'PUT', '/v1/directory', { users, teams: [{ name: 'East', members: ['a@x.test', 'b@x.test'] }] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ users: 4 });
    const withoutC = await call(server.url, 'PUT', '/v1/directory', { users: users.filter((u) => u.id !== 'c@x.test'), teams: [] });
    expect(withoutC.status).toBe(400);
    expect(withoutC.body.error.code).toBe('invalid_directory');
    expect(withoutC.body.error.details.length).toBeGreaterThan(0);
  });
});

describe('health and metrics', () => {
  it('answers /healthz, /readyz and /metrics', async () => {
    expect((await call(server.url, 'GET', '/healthz')).body).toEqual({ status: 'ok' });
    const ready = await call(server.url, 'GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ ready: true, version: { rules: 3, users: 4 }, reload: { ok: true } });
    const metrics = await call(server.url, 'GET', '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    expect(metrics.body).toContain('dist_events_total{type="lead.created",outcome="assigned"}');
    expect(metrics.body).toContain('dist_decision_duration_seconds_bucket');
    expect(metrics.body).toContain('dist_deliveries_total{target="callback:');
    expect(metrics.body).toContain('dist_queue_size{queue="triage"} 1');
    expect(metrics.body).toContain('dist_outbox_backlog 0');
    // The retry of the queued record was made over the API, not by a timer.
    expect(metrics.body).toContain('dist_manual_retries_total 1');
    expect(metrics.body).toContain('dist_timer_decisions_total 0');
  });

  it('logs every step as JSON', () => {
    const steps = new Set(server.logs.map((l) => l.step));
    for (const step of ['start', 'decided', 'delivery', 'refused']) expect(steps).toContain(step);
    // One line per decided event at info: the receipt (`ingest`) is logged at debug only.
    expect(steps).not.toContain('ingest');
    const decided = server.logs.find((l) => l.step === 'decided' && l.event === 'e1');
    expect(decided).toMatchObject({ type: 'lead.created', via: 'events', rule: 'Web', outcome: 'assigned', pool: 3, assigned: ['a@x.test'], method: 'round_robin' });
    expect(server.logs.some((l) => typeof l.msg === 'string' && l.msg.startsWith('listening on http://127.0.0.1:'))).toBe(true);
  });
});
