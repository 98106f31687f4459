// Queues over the API: a queued record is its entity and id, so a lead and an
// opportunity that share an id both wait, and a retry names the entity when the
// id alone is ambiguous.
import { beforeAll, describe, expect, it } from 'vitest';
import { call, RULES, serverForFile } from './helpers';

const served = serverForFile({ rules: `schema opportunity {\n  stage: text\n}\n\n${RULES}` });

beforeAll(async () => {
  for (const [id, type] of [['e1', 'lead.created'], ['e2', 'opportunity.created']]) {
    const res = await call(served.current.url, 'POST', '/v1/events', { id, type, record: { id: 'same1' } });
    expect([res.status, res.body.queue]).toEqual([200, 'triage']);
  }
});

describe('a queue with records of two entities that share an id', () => {
  it('lists both', async () => {
    const queue = await call(served.current.url, 'GET', '/v1/queues/triage');
    expect(queue.body.items.map((i: { entity: string; record_id: string }) => `${i.entity}/${i.record_id}`)).toEqual(['lead/same1', 'opportunity/same1']);
  });

  it('asks which one to retry, and retries the one named', async () => {
    const ambiguous = await call(served.current.url, 'POST', '/v1/queues/triage/same1/retry');
    expect([ambiguous.status, ambiguous.body.error.code, ambiguous.body.error.details[0].path]).toEqual([400, 'invalid_query', 'entity']);
    const retried = await call(served.current.url, 'POST', '/v1/queues/triage/same1/retry?entity=opportunity');
    expect([retried.status, retried.body.event_id]).toEqual([200, 'e2']);
    expect((await call(served.current.url, 'POST', '/v1/queues/triage/same1/retry?entity=contact')).status).toBe(404);
  });
});
