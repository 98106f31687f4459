// Idempotency: an event id seen before answers its first decision and changes
// nothing; so does a repeated `Idempotency-Key` with the same body; the same key
// with another body is a 422, and while the first request is in flight a 409.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, eventually, lead, removeProject, startTestServer, stateSnapshot, writeProject, type TestServer } from './helpers';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer(writeProject());
});

afterAll(async () => {
  await server.close();
  removeProject(server.root);
});

const decisionsOf = (eventId: string) => call(server.url, 'GET', `/v1/decisions?limit=500`).then((r) => r.body.decisions.filter((d: { event_id: string }) => d.event_id === eventId));

describe('event ids', () => {
  it('answers the first decision again, changing nothing, even for another body', async () => {
    const first = await call(server.url, 'POST', '/v1/events', lead('same'));
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const before = stateSnapshot(server.statePath);
    const again = await call(server.url, 'POST', '/v1/events', lead('same', { source: 'East' }));
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(stateSnapshot(server.statePath)).toEqual(before);
  });

  it('decides concurrent copies of one event once', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, () => call(server.url, 'POST', '/v1/events', lead('burst'))));
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([200]));
    expect(new Set(answers.map((a) => a.body.decision_id)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(11);
    expect(await decisionsOf('burst')).toHaveLength(1);
  });

  it('replays a batch event by event', async () => {
    const events = [lead('bb1'), lead('bb2')];
    const first = await call(server.url, 'POST', '/v1/events:batch', { events });
    const before = stateSnapshot(server.statePath);
    const again = await call(server.url, 'POST', '/v1/events:batch', { events });
    expect(again.body.results.map((r: { decision_id: string }) => r.decision_id)).toEqual(first.body.results.map((r: { decision_id: string }) => r.decision_id));
    expect(again.body.results.every((r: { replayed?: boolean }) => r.replayed)).toBe(true);
    expect(stateSnapshot(server.statePath)).toEqual(before);
  });
});

describe('the Idempotency-Key header', () => {
  it('replays the same request and refuses another body with 422', async () => {
    const key = { 'idempotency-key': 'key-1' };
    const first = await call(server.url, 'POST', '/v1/events', lead('k1'), key);
    expect(first.status).toBe(200);
    const before = stateSnapshot(server.statePath);
    const again = await call(server.url, 'POST', '/v1/events', lead('k1'), key);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = await call(server.url, 'POST', '/v1/events', lead('k2'), key);
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency_key_reused');
    expect(stateSnapshot(server.statePath)).toEqual(before);
  });

  it('works on /v1/distribute and remembers keys of replayed events', async () => {
    const first = await call(server.url, 'POST', '/v1/distribute', { event: lead('k3') }, { 'idempotency-key': 'key-3' });
    expect((await call(server.url, 'POST', '/v1/distribute', { event: lead('k3') }, { 'idempotency-key': 'key-3' })).body).toEqual(first.body);
    // An event decided without a key, then sent with one: the key is bound to it from then on.
    await call(server.url, 'POST', '/v1/events', lead('k4'));
    expect((await call(server.url, 'POST', '/v1/events', lead('k4'), { 'idempotency-key': 'key-4' })).status).toBe(200);
    expect((await call(server.url, 'POST', '/v1/events', lead('k5'), { 'idempotency-key': 'key-4' })).status).toBe(422);
  });

  it('answers 409 while the first request with the key is in flight', async () => {
    const key = { 'idempotency-key': 'key-batch' };
    const body = { events: Array.from({ length: 1000 }, (_, i) => lead(`slow-${i}`)) };
    const first = call(server.url, 'POST', '/v1/events:batch', body, key);
    await eventually(() => server.logs.some((l) => l.step === 'decided' && l.event === 'slow-0'), 10_000, 'the first batch to start');
    const second = await call(server.url, 'POST', '/v1/events:batch', body, key);
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('request_in_flight');
    const done = await first;
    expect(done.status).toBe(200);
    const replay = await call(server.url, 'POST', '/v1/events:batch', body, key);
    expect(replay.status).toBe(200);
    expect(replay.body.results[999].decision_id).toBe(done.body.results[999].decision_id);
  });
});
