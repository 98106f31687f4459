// examples/lead-marketplace served as its README describes, on a copy of the
// project: the distribution history of a lead is its decisions in the log —
// which contracts got it, when, and what each pays under the rule's
// `turnover` — including an attempt that sold to nobody and a retry of the
// window asked for by hand; the Gardens workflow's decisions with what each of
// its rules chose; and a cherry-picked lead in the history, marked manual and
// counted nowhere.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-dist';
import { call, removeProject, startTestServer, type TestServer } from './helpers';

const START = Date.parse('2026-03-02T09:00:00Z');

/** A server over a fresh copy of the example for the enclosing `describe`; `server` is set once it listens. */
function servedCopy(): { server: TestServer } {
  const served = {} as { server: TestServer };
  beforeAll(async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'dist-marketplace-'));
    cpSync(path.join(ROOT, 'examples/lead-marketplace'), root, { recursive: true });
    served.server = await startTestServer(root, { clock: () => START });
  });
  afterAll(async () => {
    await served.server.close();
    removeProject(served.server.root);
  });
  return served;
}

describe('examples/lead-marketplace over HTTP', () => {
  const served = servedCopy();

  it('lists who bought a lead, when, and at what price', async () => {
    const sold = await call(served.server.url, 'POST', '/v1/events', { id: 'e1', type: 'lead.created', record: { id: 'K1', campaign: 'Kitchens' } });
    expect(sold.body).toMatchObject({ outcome: 'assigned', assigned: ['chefline@buyers.test', 'kookplaats@buyers.test', 'keukenhof@buyers.test'] });
    const history = await call(served.server.url, 'GET', '/v1/decisions?record=K1');
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
      expect((await call(served.server.url, 'PATCH', `/v1/users/${id}`, { active: false })).status).toBe(200);
    }
    const unsold = await call(served.server.url, 'POST', '/v1/events', { id: 'e2', type: 'lead.created', record: { id: 'K2', campaign: 'Kitchens' } });
    expect(unsold.body).toMatchObject({ outcome: 'fallback', queue: 'unsold', reason: 'turnover 55 is below the minimum 100' });
    expect((await call(served.server.url, 'PATCH', '/v1/users/chefline@buyers.test', { active: true })).status).toBe(200);
    const retried = await call(served.server.url, 'POST', '/v1/queues/unsold/K2/retry');
    expect(retried.body).toMatchObject({ outcome: 'assigned', assigned: ['chefline@buyers.test', 'keukenhof@buyers.test', 'aanrecht@buyers.test'] });
    const history = await call(served.server.url, 'GET', '/v1/decisions?record=K2');
    const entries = history.body.decisions as { cause: string; outcome: string; turnover?: { total: number } }[];
    expect(entries.map((d) => [d.cause, d.outcome, d.turnover?.total ?? null])).toEqual([
      ['manual-retry', 'assigned', 110],
      ['event', 'fallback', null],
    ]);
  });
});

describe('examples/lead-marketplace over HTTP: workflows and manual assignments in the history', () => {
  const served = servedCopy();

  const amsterdam = { lat: 52.36, lon: 4.88 };

  it('sells a lead through the rules of a workflow and lists what each rule chose', async () => {
    const sold = await call(served.server.url, 'POST', '/v1/events', { id: 'g1', type: 'lead.created', record: { id: 'G1', campaign: 'Gardens', location: amsterdam } });
    expect(sold.body).toMatchObject({
      outcome: 'assigned',
      rule: 'Gardens: premium partners',
      assigned: ['groen@buyers.test', 'hovenier@buyers.test', 'tuintotaal@buyers.test', 'gazon@buyers.test'],
    });
    const history = await call(served.server.url, 'GET', '/v1/decisions?record=G1');
    expect(history.body.decisions[0].workflow).toEqual({
      name: 'Gardens',
      take: 4,
      min: 2,
      steps: [
        { rule_id: 'gardens-premium-partners', rule: 'Gardens: premium partners', assigned: ['groen@buyers.test', 'hovenier@buyers.test'] },
        { rule_id: 'gardens-nearby', rule: 'Gardens: nearby', assigned: ['tuintotaal@buyers.test', 'gazon@buyers.test'] },
        { rule_id: 'gardens-free-trial', rule: 'Gardens: free trial', assigned: [], reason: "the workflow's `take 4` is reached" },
      ],
    });
    expect(history.body.decisions[0].turnover).toMatchObject({ total: 75 });
    const detail = await call(served.server.url, 'GET', `/v1/decisions/${String(sold.body.decision_id)}`);
    expect(detail.status).toBe(200);
    expect(detail.body.trace.workflow.steps).toHaveLength(3);
  });

  it('keeps below-minimum attempts, and a cherry-picked lead, marked manual, in the history without counting it', async () => {
    for (const id of ['groen@buyers.test', 'hovenier@buyers.test']) {
      expect((await call(served.server.url, 'PATCH', `/v1/users/${id}`, { active: false })).status).toBe(200);
    }
    const unsold = await call(served.server.url, 'POST', '/v1/events', { id: 'g2', type: 'lead.created', record: { id: 'G2', campaign: 'Gardens' } });
    expect(unsold.body).toMatchObject({ outcome: 'fallback', queue: 'unsold', reason: 'the rules of workflow `Gardens` chose 1, fewer than its `min 2`' });
    const picked = await call(served.server.url, 'POST', '/v1/assignments', { entity: 'lead', record_id: 'G2', user: 'gazon@buyers.test', counts: false, by: 'ops@market.test' });
    expect(picked.status).toBe(200);
    expect(picked.body).toMatchObject({ recorded: true, counts: false, by: 'ops@market.test' });
    const history = await call(served.server.url, 'GET', '/v1/decisions?record=G2');
    const entries = history.body.decisions as Record<string, unknown>[];
    expect(entries.map((d) => [d.decision_id, d.cause, d.outcome, d.rule, d.assigned])).toEqual([
      [picked.body.decision_id, 'manual', 'assigned', null, ['gazon@buyers.test']],
      [unsold.body.decision_id, 'event', 'fallback', 'Gardens: premium partners', []],
    ]);
    expect(entries[0]).toMatchObject({ manual: { counts: false, by: 'ops@market.test' }, reason: expect.stringContaining('cherry-picked') });
    const byUser = await call(served.server.url, 'GET', '/v1/decisions?user=gazon@buyers.test');
    expect((byUser.body.decisions as { cause: string }[]).map((d) => d.cause)).toEqual(['manual', 'event']);
    // The statistics count the engine's distributions: the manual one only under its cause.
    const stats = await call(served.server.url, 'GET', '/v1/stats');
    expect(stats.body).toMatchObject({ records: 2, decisions: 2 });
    // Tuin Totaal's one share is used (G1), and the cherry-picked G2 uses none of Gazon's: it still buys the next lead.
    const next = await call(served.server.url, 'POST', '/v1/events', { id: 'g3', type: 'lead.created', record: { id: 'G3', campaign: 'Gardens', location: amsterdam } });
    expect(next.body).toMatchObject({ outcome: 'assigned', assigned: ['gazon@buyers.test', 'tuinproef@buyers.test'] });
  });
});
