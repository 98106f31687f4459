// `GET /v1/stats` counts records, as the distribution overview does: records
// created in the range, records assigned, success rate = assigned ÷ created,
// unassigned = created and never assigned. Events that do not bring a record
// (updates nobody listens to) leave the record figures alone.
import { beforeAll, describe, expect, it } from 'vitest';
import { call, lead, serverForFile } from './helpers';

const served = serverForFile();
let afterCreates = '';

beforeAll(async () => {
  for (let i = 1; i <= 7; i++) expect((await call(served.current.url, 'POST', '/v1/events', lead(`c${i}`))).body.outcome).toBe('assigned');
  await new Promise((resolve) => setTimeout(resolve, 5));
  afterCreates = new Date().toISOString();
  for (const id of ['u1', 'u2']) {
    const update = { id, type: 'lead.updated', record: { id: 'L-c1', status: 'Contacted' }, changed: ['status'] };
    expect((await call(served.current.url, 'POST', '/v1/events', update)).body.outcome).toBe('unmatched');
  }
});

describe('GET /v1/stats', () => {
  it('counts records, not events: updates of an owned record do not lower the success rate', async () => {
    const stats = (await call(served.current.url, 'GET', '/v1/stats')).body;
    expect(stats).toMatchObject({
      records: 7,
      records_created: 7,
      records_assigned: 7,
      unassigned: 0,
      success_rate: 1,
      decisions: 9,
      events: 9,
      outcomes: { assigned: 7, fallback: 0, unmatched: 2 },
    });
    expect(stats.per_rule).toEqual([{ rule_id: 'web', rule: 'Web', method: 'round_robin', records: 7, records_assigned: 7, decisions: 7 }]);
    expect(stats.per_user).toEqual([
      { user: 'a@x.test', assigned: 3 },
      { user: 'b@x.test', assigned: 2 },
      { user: 'c@x.test', assigned: 2 },
    ]);
  });

  it('counts a record nobody could take as created and unassigned', async () => {
    expect((await call(served.current.url, 'POST', '/v1/events', lead('n1', { source: 'Nowhere' }))).body.outcome).toBe('unmatched');
    const stats = (await call(served.current.url, 'GET', '/v1/stats')).body;
    expect(stats).toMatchObject({ records_created: 8, records_assigned: 7, unassigned: 1, success_rate: 0.875 });
  });

  it('counts as created only records whose first event falls in the range', async () => {
    const stats = (await call(served.current.url, 'GET', `/v1/stats?from=${afterCreates}`)).body;
    expect(stats).toMatchObject({ records: 2, records_created: 1, records_assigned: 0, unassigned: 1, success_rate: 0, events: 3 });
  });
});
