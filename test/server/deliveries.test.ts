// Outbound deliveries through the durable outbox: a CRM answering 429 (with
// Retry-After), then 500, then 200 gets the delivery exactly once in the end, with
// its record id logged and stored; a restart in the middle changes nothing about
// that; 4xx answers are final and visible; queue notifications; max_in_flight.
import { afterEach, describe, expect, it } from 'vitest';
import { call, eventually, lead, removeProject, startTarget, startTestServer, writeProject, type Target, type TestServer } from './helpers';

const env = { CRM_TOKEN: 'crm-secret' };
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function distYaml(target: Target, extra = ''): string {
  return `server:
  retry: { base: 50ms, cap: 200ms, max_attempts: 10, timeout: 2s }
deliveries:
  crm:
    on: [assigned]
    url: ${target.url}/leads
    headers: { Authorization: "Bearer \${CRM_TOKEN}" }
    record_id_path: data.id
    max_in_flight: 1
  triage-alert:
    on: [queued]
    url: ${target.url}/notify
${extra}`;
}

async function serve(root: string): Promise<TestServer> {
  const server = await startTestServer(root, { env, random: () => 0.5 });
  cleanups.push(() => server.close());
  return server;
}

async function target(answer: Parameters<typeof startTarget>[0]): Promise<Target> {
  const started = await startTarget(answer);
  cleanups.push(() => started.close());
  return started;
}

const requestsFor = (t: Target, id: string) => t.received.filter((r) => r.headers['dist-delivery-id'] === id);

describe('the CRM push', () => {
  it('honours 429 and Retry-After, retries a 500, and delivers exactly once with the record id', async () => {
    const times: number[] = [];
    const crm = await target((n) => {
      times.push(Date.now());
      if (n === 0) return { status: 429, headers: { 'retry-after': '1' } };
      if (n === 1) return { status: 500, body: { error: 'boom' } };
      return { status: 201, body: { data: { id: 'crm-42' } } };
    });
    const root = writeProject({ distYaml: distYaml(crm) });
    cleanups.push(async () => removeProject(root));
    const server = await serve(root);
    const decided = await call(server.url, 'POST', '/v1/events', lead('e1'));
    const id = `${decided.body.decision_id}/crm`;
    await eventually(async () => (await call(server.url, 'GET', `/v1/decisions/${decided.body.decision_id}`)).body.deliveries[0]?.result === 'delivered', 8000);
    expect(crm.received).toHaveLength(3);
    expect(requestsFor(crm, id)).toHaveLength(3);
    expect((times[1] as number) - (times[0] as number)).toBeGreaterThanOrEqual(950);
    const [first] = crm.received;
    expect(first?.path).toBe('/leads');
    expect(first?.headers.authorization).toBe('Bearer crm-secret');
    expect(first?.body).toMatchObject({ type: 'decision.assigned', record: { id: 'L-e1', source: 'Website' }, decision: { assigned: ['a@x.test'] } });
    const detail = await call(server.url, 'GET', `/v1/decisions/${decided.body.decision_id}`);
    expect(detail.body.deliveries).toMatchObject([{ id, target: 'crm', result: 'delivered', attempts: 3, status: 201, record_id: 'crm-42' }]);
    const lines = server.logs.filter((l) => l.step === 'delivery' && l.delivery === id);
    expect(lines.map((l) => [l.status, l.result])).toEqual([
      [429, 'retry'],
      [500, 'retry'],
      [201, 'delivered'],
    ]);
    expect(lines[0]?.next_attempt_in_ms).toBe(1000);
    expect(lines[2]?.record_id).toBe('crm-42');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(crm.received).toHaveLength(3);
  });

  it('still delivers exactly once when the server restarts in the middle', async () => {
    let up = false;
    let accepted = 0;
    const crm = await target(() => {
      if (!up) return { status: 503 };
      accepted++;
      return { status: 200, body: { data: { id: 'crm-7' } } };
    });
    const root = writeProject({ distYaml: distYaml(crm) });
    cleanups.push(async () => removeProject(root));
    const first = await startTestServer(root, { env, random: () => 0.5 });
    const decided = await call(first.url, 'POST', '/v1/events', lead('r1'));
    const id = `${decided.body.decision_id}/crm`;
    await eventually(() => crm.received.length >= 2, 5000, 'two failed attempts');
    await first.close();
    up = true;
    const second = await serve(root);
    await eventually(async () => (await call(second.url, 'GET', `/v1/decisions/${decided.body.decision_id}`)).body.deliveries[0]?.result === 'delivered', 8000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(accepted).toBe(1);
    expect(requestsFor(crm, id).length).toBe(crm.received.length);
    expect(second.logs.some((l) => l.step === 'start' && l.deliveries === 1)).toBe(true);
    expect(second.logs.filter((l) => l.step === 'delivery' && l.result === 'delivered')).toHaveLength(1);
  });

  it('treats a 4xx as final, keeps it visible, and sends at most max_in_flight at once', async () => {
    const crm = await target((_n, request) => ({ status: request.path === '/leads' ? 422 : 200, body: { error: 'bad lead' }, delayMs: 30 }));
    const root = writeProject({ distYaml: distYaml(crm) });
    cleanups.push(async () => removeProject(root));
    const server = await serve(root);
    const answers = await Promise.all(['m1', 'm2', 'm3', 'm4'].map((id) => call(server.url, 'POST', '/v1/events', lead(id))));
    await eventually(() => server.logs.filter((l) => l.step === 'delivery').length === 4, 5000);
    expect(crm.maxConcurrent).toBe(1);
    const detail = await call(server.url, 'GET', `/v1/decisions/${answers[0]?.body.decision_id}`);
    expect(detail.body.deliveries).toMatchObject([{ result: 'failed', attempts: 1, status: 422, response: '{"error":"bad lead"}' }]);
  });
});

describe('queue notifications', () => {
  it('notifies when a record lands in a queue', async () => {
    const hook = await target(() => ({ status: 204 }));
    const root = writeProject({ distYaml: distYaml(hook) });
    cleanups.push(async () => removeProject(root));
    const server = await serve(root);
    await call(server.url, 'POST', '/v1/events', lead('q1', { source: 'Nowhere' }));
    await eventually(() => hook.received.length === 1, 5000, 'the notification');
    expect(hook.received[0]).toMatchObject({ path: '/notify', body: { type: 'decision.unmatched', trigger: 'queued', decision: { queue: 'triage' } } });
  });
});
