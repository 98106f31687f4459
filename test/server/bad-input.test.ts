// Every bad input API.md names (and their neighbours) gets the right 4xx, the
// error shape `{ error: { code, message, details? } }` without a stack trace, and
// changes nothing in the state file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, lead, removeProject, startTestServer, stateSnapshot, writeProject, type Answer, type TestServer } from './helpers';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer(writeProject());
  for (const id of ['seed-1', 'seed-2']) expect((await call(server.url, 'POST', '/v1/events', lead(id))).status).toBe(200);
});

afterAll(async () => {
  await server.close();
  removeProject(server.root);
});

function nested(depth: number): string {
  return `{"id":"deep","type":"lead.created","record":{"id":"x","source":"Website","extra":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
}

const MiB = 1024 * 1024;

interface Case {
  name: string;
  method?: string;
  route?: string;
  body?: unknown;
  headers?: Record<string, string>;
  status: number;
  code: string;
  path?: string;
  message?: RegExp;
}

const cases: Case[] = [
  { name: 'malformed JSON', body: '{"id": "x", "type": ', status: 400, code: 'invalid_json' },
  { name: 'an empty body', body: '', status: 400, code: 'invalid_json' },
  { name: 'a body over 1 MiB', body: JSON.stringify(lead('big', { pad: 'x'.repeat(MiB) })), status: 413, code: 'body_too_large' },
  { name: 'a batch over 1,000 events', route: '/v1/events:batch', body: { events: Array.from({ length: 1001 }, (_, i) => lead(`n${i}`)) }, status: 400, code: 'invalid_request', path: 'events' },
  { name: 'nesting deeper than 32 levels', body: nested(40), status: 400, code: 'nesting_too_deep' },
  { name: 'a `__proto__` key', body: '{"id":"p","type":"lead.created","record":{"id":"x","__proto__":{"admin":true}}}', status: 400, code: 'forbidden_key', path: 'record.__proto__' },
  { name: 'a `constructor` key', body: { id: 'c', type: 'lead.created', record: { id: 'x', nested: { constructor: 1 } } }, status: 400, code: 'forbidden_key', path: 'record.nested.constructor' },
  { name: 'an escaped `__proto__` key', body: '{"id":"p","type":"lead.created","record":{"id":"x","\\u005f_proto__":1}}', status: 400, code: 'forbidden_key' },
  { name: 'a `prototype` key in a batch', route: '/v1/events:batch', body: { events: [{ id: 'q', type: 'lead.created', record: { id: 'x', prototype: 1 } }] }, status: 400, code: 'forbidden_key', path: 'events[0].record.prototype' },
  { name: 'an unknown event type', body: { ...lead('u1'), type: 'lead.exploded' }, status: 400, code: 'unknown_event_type', path: 'type' },
  { name: 'a wrong field type', body: lead('w1', { score: 'high' }), status: 400, code: 'invalid_event', path: 'record.score' },
  { name: 'a record that is not an object', body: { id: 'w2', type: 'lead.created', record: [1] }, status: 400, code: 'invalid_event', path: 'record' },
  { name: 'a missing event id', body: { type: 'lead.created', record: { id: 'x' } }, status: 400, code: 'invalid_event', path: 'id' },
  { name: 'a JSON array instead of an event', body: '[1,2]', status: 400, code: 'invalid_event' },
  { name: 'JSON null instead of an event', body: 'null', status: 400, code: 'invalid_event' },
  { name: 'an undeclared top-level event key', body: { ...lead('t1'), records: [] }, status: 400, code: 'invalid_event', path: 'records' },
  { name: 'an `at` that is not a time', body: { ...lead('t2'), at: 'yesterday' }, status: 400, code: 'invalid_event', path: 'at' },
  { name: 'a distribute request without an event', route: '/v1/distribute', body: { callback_url: 'https://x.test/cb' }, status: 400, code: 'invalid_request', path: 'event' },
  { name: 'a non-JSON content type', body: 'id=1', headers: { 'content-type': 'text/plain' }, status: 415, code: 'unsupported_media_type' },
  { name: 'a batch without events', route: '/v1/events:batch', body: { items: [] }, status: 400, code: 'invalid_request' },
  { name: 'a distribute request with a bad callback URL', route: '/v1/distribute', body: { event: lead('cb'), callback_url: 'ftp://x' }, status: 400, code: 'invalid_request', path: 'callback_url' },
  { name: 'a malformed Idempotency-Key', body: lead('k1'), headers: { 'idempotency-key': 'bad key with spaces' }, status: 400, code: 'invalid_idempotency_key' },
  { name: 'an unknown query parameter', method: 'GET', route: '/v1/decisions?colour=red', status: 400, code: 'invalid_query' },
  { name: 'a bad time in a query', method: 'GET', route: '/v1/stats?from=yesterday', status: 400, code: 'invalid_query', path: 'from' },
  { name: 'a `to` beyond the range of a date', method: 'GET', route: '/v1/stats?to=8640000000000001', status: 400, code: 'invalid_query', path: 'to' },
  { name: 'a `from` beyond the range of a date', method: 'GET', route: '/v1/decisions?from=99999999999999999999', status: 400, code: 'invalid_query', path: 'from' },
  { name: 'an unknown `before` cursor', method: 'GET', route: '/v1/decisions?before=d-999999', status: 400, code: 'invalid_cursor', path: 'before' },
  { name: 'a page size over 500', method: 'GET', route: '/v1/decisions?limit=501', status: 400, code: 'invalid_query', path: 'limit' },
  { name: 'an invalid directory', method: 'PUT', route: '/v1/directory', body: { users: [{ id: 'a@x.test', status: 'asleep' }] }, status: 400, code: 'invalid_directory', path: 'users[0].status' },
  { name: 'an unknown user field change', method: 'PATCH', route: '/v1/users/a@x.test', body: { mood: 'happy' }, status: 400, code: 'invalid_request' },
  { name: 'a user change of the wrong type', method: 'PATCH', route: '/v1/users/a@x.test', body: { checked_in: 'yes' }, status: 400, code: 'invalid_request', path: 'checked_in' },
  { name: 'an assignment without a user', route: '/v1/assignments', body: { entity: 'lead', record_id: 'r' }, status: 400, code: 'invalid_request', path: 'user' },
  { name: 'an assignment without a record id', route: '/v1/assignments', body: { entity: 'lead', user: 'a@x.test' }, status: 400, code: 'invalid_request', path: 'record_id', message: /`record_id` is required/ },
  { name: 'closing a record of an unknown entity', route: '/v1/records/widget/L14/close', status: 400, code: 'invalid_request', message: /unknown entity `widget`; the rules declare `lead`/ },
  { name: 'an event id over 256 characters', body: { ...lead('x'), id: 'e'.repeat(257) }, status: 400, code: 'invalid_event', path: 'id', message: /257 characters long; ids are at most 256/ },
  { name: 'a record id over 256 characters', body: lead('long-record', { id: 'r'.repeat(257) }), status: 400, code: 'invalid_event', path: 'record.id' },
  { name: 'an assignment with a record id over 256 characters', route: '/v1/assignments', body: { entity: 'lead', record_id: 'r'.repeat(257), user: 'a@x.test' }, status: 400, code: 'invalid_request', path: 'record_id' },
  { name: 'a directory with a user id over 256 characters', method: 'PUT', route: '/v1/directory', body: { users: [{ id: 'u'.repeat(257), name: 'U' }] }, status: 400, code: 'invalid_directory', path: 'users[0].id' },
  { name: 'an unknown endpoint', method: 'GET', route: '/v1/nothing', status: 404, code: 'not_found' },
];

function expectErrorShape(res: Answer, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(Object.keys(res.body)).toEqual(['error']);
  expect(res.body.error.code).toBe(code);
  expect(typeof res.body.error.message).toBe('string');
  for (const key of Object.keys(res.body.error)) expect(['code', 'message', 'details']).toContain(key);
  expect(JSON.stringify(res.body)).not.toMatch(/\n\s+at |stack/);
}

describe('bad input', () => {
  it.each(cases)('$name → $status $code, no state change', async (c) => {
    const before = stateSnapshot(server.statePath);
    const res = await call(server.url, c.method ?? 'POST', c.route ?? '/v1/events', c.body, c.headers);
    expectErrorShape(res, c.status, c.code);
    if (c.path !== undefined) expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(c.path);
    if (c.message !== undefined) expect(res.body.error.message).toMatch(c.message);
    expect(stateSnapshot(server.statePath)).toEqual(before);
  });

  it('still decides after all of them', async () => {
    const res = await call(server.url, 'POST', '/v1/events', lead('after'));
    expect(res.status).toBe(200);
    expect(res.body.assigned).toEqual(['c@x.test']);
  });

  it('takes ids of 256 characters in bodies and in every path', async () => {
    const id = `é${'r'.repeat(255)}`;
    const res = await call(server.url, 'POST', '/v1/events', lead(id, { id }));
    expect([res.status, res.body.event_id]).toEqual([200, id]);
    const path = encodeURIComponent(id);
    expect((await call(server.url, 'POST', `/v1/records/lead/${path}/close`)).body).toMatchObject({ closed: true, record_id: id });
    expect((await call(server.url, 'GET', `/v1/decisions?record=${path}`)).body.decisions).toHaveLength(1);
    for (const [method, route] of [['PATCH', `/v1/users/${path}`], ['GET', `/v1/decisions/${path}`], ['POST', `/v1/queues/triage/${path}/retry`]] as const) {
      const answer = await call(server.url, method, route, method === 'PATCH' ? { checked_in: true } : undefined);
      expectErrorShape(answer, 404, 'not_found');
    }
  });
});
