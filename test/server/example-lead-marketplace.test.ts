// examples/lead-marketplace served as its README describes, on a copy of the
// project: the distribution history of a lead is its decisions in the log —
// which contracts got it, when, and what each pays under the rule's
// `turnover` — including an attempt that sold to nobody and a retry of the
// window asked for by hand.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-dist';
import { call, removeProject, startTestServer, type TestServer } from './helpers';

const START = Date.parse('2026-03-02T09:00:00Z');

describe('examples/lead-marketplace over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'dist-marketplace-'));
    cpSync(path.join(ROOT, 'examples/lead-marketplace'), root, { recursive: true });
    server = await startTestServer(root, { clock: () => START });
  });
  afterAll(async () => {
    await server.close();
    removeProject(server.root);
  });

  it('lists who bought a lead, when, and at what price', async () => {
    const sold = await call(server.url, 'POST', '/v1/events', { id: 'e1', type: 'lead.created', record: { id: 'K1', campaign: 'Kitchens' } });
    expect(sold.body).toMatchObject({ outcome: 'assigned', assigned: ['chefline@buyers.test', 'kookplaats@buyers.test', 'keukenhof@buyers.test'] });
    const history = await call(server.url, 'GET', '/v1/decisions?record=K1');
    expect(history.status).toBe(200);
    expect(history.body.decisions).toEqual([
      expect.objectContaining({
        record_id: 'K1',
        rule: 'Kitchens: maximise turnover',
        cause: 'event',
        decided_at: '2026-03-02T09:00:00.000Z',
        turnover: {
          total: 130,
          min: 100,
          values: [
            { user: 'chefline@buyers.test', value: 55 },
            { user: 'kookplaats@buyers.test', value: 45 },
            { user: 'keukenhof@buyers.test', value: 30 },
          ],
        },
      }),
    ]);
  });

  it('keeps every attempt: one that sold to nobody, then a retry asked for by hand', async () => {
    for (const id of ['chefline@buyers.test', 'kookplaats@buyers.test']) {
      expect((await call(server.url, 'PATCH', `/v1/users/${id}`, { active: false })).status).toBe(200);
    }
    const unsold = await call(server.url, 'POST', '/v1/events', { id: 'e2', type: 'lead.created', record: { id: 'K2', campaign: 'Kitchens' } });
    expect(unsold.body).toMatchObject({ outcome: 'fallback', queue: 'unsold', reason: 'turnover 55 is below the minimum 100' });
    expect((await call(server.url, 'PATCH', '/v1/users/chefline@buyers.test', { active: true })).status).toBe(200);
    const retried = await call(server.url, 'POST', '/v1/queues/unsold/K2/retry');
    expect(retried.body).toMatchObject({ outcome: 'assigned', assigned: ['chefline@buyers.test', 'keukenhof@buyers.test', 'aanrecht@buyers.test'] });
    const history = await call(server.url, 'GET', '/v1/decisions?record=K2');
    const entries = history.body.decisions as { cause: string; outcome: string; turnover?: { total: number } }[];
    expect(entries.map((d) => [d.cause, d.outcome, d.turnover?.total ?? null])).toEqual([
      ['manual-retry', 'assigned', 110],
      ['event', 'fallback', null],
    ]);
  });
});
