// Names that are Object.prototype properties, sent to every endpoint that looks
// user text up: the three ingest endpoints (as an event type, entity or record
// id), manual assignments, closing records, queues, users and decisions. Each is
// a clean 4xx or works as a plain name; never a 500, and a batch keeps its other
// events.
import { describe, expect, it } from 'vitest';
import { PROTOTYPE_NAMES } from '../helpers/prototype-names';
import { call, lead, serverForFile } from './helpers';

const served = serverForFile();

const event = (id: string, type: string, record: Record<string, unknown>) => ({ id, type, record });

describe.each(PROTOTYPE_NAMES)('`%s`', (name) => {
  it('as an event type or entity: 400 unknown_event_type on every ingest endpoint, nothing decided', async () => {
    for (const type of [`${name}.created`, `lead.${name}`]) {
      for (const record of [{ id: 'r1', source: 'x' }, { id: 'r2' }]) {
        const body = event(`e-${type}-${record.id}`, type, record);
        const one = await call(served.current.url, 'POST', '/v1/events', body);
        expect([one.status, one.body.error?.code]).toEqual([400, 'unknown_event_type']);
        const viaDistribute = await call(served.current.url, 'POST', '/v1/distribute', { event: body });
        expect([viaDistribute.status, viaDistribute.body.error?.code]).toEqual([400, 'unknown_event_type']);
      }
    }
    const decided = await call(served.current.url, 'GET', '/v1/decisions?limit=500');
    expect(decided.body.decisions.filter((d: { event_id: string }) => d.event_id.startsWith('e-'))).toEqual([]);
  });

  it('in a batch: that event is refused, the others are decided', async () => {
    const res = await call(served.current.url, 'POST', '/v1/events:batch', { events: [lead(`b1-${name}`), event(`b2-${name}`, `${name}.created`, { id: 'r' }), lead(`b3-${name}`)] });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { status: number }) => r.status)).toEqual([200, 400, 200]);
    expect(res.body.results[1].error.code).toBe('unknown_event_type');
  });

  it('as a record id or event id: decided like any other', async () => {
    const res = await call(served.current.url, 'POST', '/v1/events', { id: name, type: 'lead.created', record: { id: name, source: 'Website' } });
    expect([res.status, res.body.event_id, res.body.outcome]).toEqual([200, name, 'assigned']);
    const closed = await call(served.current.url, 'POST', `/v1/records/lead/${encodeURIComponent(name)}/close`);
    expect([closed.status, closed.body.closed]).toEqual([200, true]);
  });

  it('as an entity of an assignment or a close: 400 unknown entity', async () => {
    const assignment = await call(served.current.url, 'POST', '/v1/assignments', { entity: name, record_id: 'r', user: 'a@x.test' });
    expect([assignment.status, assignment.body.error?.code, assignment.body.error?.details?.[0]?.path]).toEqual([400, 'invalid_request', 'entity']);
    const close = await call(served.current.url, 'POST', `/v1/records/${encodeURIComponent(name)}/r/close`);
    expect([close.status, close.body.error?.code]).toEqual([400, 'invalid_request']);
  });

  it('as a queue, user or decision name: 404', async () => {
    const route = encodeURIComponent(name);
    for (const [method, path, body] of [
      ['GET', `/v1/queues/${route}`, undefined],
      ['POST', `/v1/queues/${route}/r/retry`, undefined],
      ['PATCH', `/v1/users/${route}`, { checked_in: true }],
      ['GET', `/v1/decisions/${route}`, undefined],
    ] as const) {
      const res = await call(served.current.url, method, path, body);
      expect([path, res.status, res.body.error?.code]).toEqual([path, 404, 'not_found']);
    }
  });
});
