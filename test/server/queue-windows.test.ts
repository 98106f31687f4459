// Distribution windows and cherry-picked assignments over HTTP, against a real
// server and SQLite state file: a queued record is retried on the queue's
// schedule until somebody can take it or the window closes (then it stays listed
// in the queue), and a manual assignment with `counts: false` moves no quota and
// no rotation while one that counts does.
import { describe, expect, it } from 'vitest';
import { call, eventually, lead, serverForFile } from './helpers';

const RULES = `schema lead {
  source: text
}

schema user {
  max_shares: number
}

settings {
  timezone "UTC"
  quota total user.max_shares
  unmatched queue "triage"
}

rule "Window" {
  priority 10
  on lead.created
  when lead.source == "Window"
  assign users "a@x.test", "b@x.test"
  require available
  distribute round_robin
  fallback queue "waiting" retry every 1s for 3s
}

rule "Shares" {
  priority 20
  on lead.created
  when lead.source == "Shares"
  assign users "a@x.test", "b@x.test"
  distribute least_recent
}
`;

const DIRECTORY = `users:
  - { id: a@x.test, name: A, status: away, fields: { max_shares: 2 } }
  - { id: b@x.test, name: B, status: away }
`;

const served = serverForFile({ rules: RULES, directory: DIRECTORY });

type Decision = { record_id: string; cause: string; outcome: string; assigned: string[]; queue: string | null };

const decisionsOf = async (record: string): Promise<Decision[]> =>
  (await call(served.current.url, 'GET', `/v1/decisions?record=${record}`)).body.decisions;
const waiting = async (): Promise<string[]> =>
  (await call(served.current.url, 'GET', '/v1/queues/waiting')).body.items.map((i: { record_id: string }) => i.record_id);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a retry window over HTTP', () => {
  it('retries a queued record until a user becomes available, then takes it out of the queue', async () => {
    const first = await call(served.current.url, 'POST', '/v1/events', lead('w1', { id: 'W1', source: 'Window' }));
    expect(first.body).toMatchObject({ outcome: 'fallback', assigned: [], queue: 'waiting' });
    expect(await waiting()).toEqual(['W1']);
    await eventually(async () => (await decisionsOf('W1')).some((d) => d.cause === 'retry'), 5000, 'a retry');
    expect((await decisionsOf('W1')).find((d) => d.cause === 'retry')).toMatchObject({ outcome: 'fallback', queue: 'waiting' });

    expect((await call(served.current.url, 'PATCH', '/v1/users/b@x.test', { status: 'available' })).status).toBe(200);
    await eventually(async () => (await decisionsOf('W1')).some((d) => d.assigned.length > 0), 5000, 'the assigning retry');
    const assigned = (await decisionsOf('W1')).filter((d) => d.assigned.length > 0);
    expect(assigned).toMatchObject([{ cause: 'retry', outcome: 'assigned', assigned: ['b@x.test'] }]);
    expect(await waiting()).toEqual([]);
    const count = (await decisionsOf('W1')).length;
    await sleep(1500);
    expect((await decisionsOf('W1')).length).toBe(count);
    expect((await call(served.current.url, 'PATCH', '/v1/users/b@x.test', { status: 'away' })).status).toBe(200);
  });

  it('stops retrying when the window has passed and keeps the record in the queue', async () => {
    await call(served.current.url, 'POST', '/v1/events', lead('w2', { id: 'W2', source: 'Window' }));
    await sleep(4500);
    const decisions = await decisionsOf('W2');
    const retries = decisions.filter((d) => d.cause === 'retry');
    expect(retries.length).toBeGreaterThanOrEqual(2);
    expect(retries.length).toBeLessThanOrEqual(3);
    expect(decisions.every((d) => d.outcome === 'fallback' && d.queue === 'waiting')).toBe(true);
    expect(await waiting()).toContain('W2');
    await sleep(1200);
    expect((await decisionsOf('W2')).length).toBe(decisions.length);
    // A person can still send it through the rules.
    await call(served.current.url, 'PATCH', '/v1/users/a@x.test', { status: 'available' });
    const retried = await call(served.current.url, 'POST', '/v1/queues/waiting/W2/retry');
    expect(retried.body).toMatchObject({ outcome: 'assigned', assigned: ['a@x.test'] });
    expect(await waiting()).not.toContain('W2');
  }, 15_000);
});

describe('manual assignments over HTTP', () => {
  const share = async (id: string) => (await call(served.current.url, 'POST', '/v1/events', lead(id, { source: 'Shares' }))).body.assigned;
  const report = async (record: string, user: string, counts?: boolean) =>
    call(served.current.url, 'POST', '/v1/assignments', { entity: 'lead', record_id: record, user, ...(counts === undefined ? {} : { counts }) });

  it('a cherry-picked record moves neither the rotation nor the share count', async () => {
    // b took W1 (the retry) before a took W2 (the manual retry): b waited longer.
    expect(await share('s1')).toEqual(['b@x.test']);
    // Counted, this would make a the most recent and use up her second share.
    expect((await report('C1', 'a@x.test', false)).body).toMatchObject({ recorded: true, counts: false });
    expect(await share('s2')).toEqual(['a@x.test']);
    // W2 and s2 are her two shares.
    expect(await share('s3')).toEqual(['b@x.test']);
    const [latest] = (await call(served.current.url, 'GET', '/v1/decisions?record=L-s3')).body.decisions;
    const detail = (await call(served.current.url, 'GET', `/v1/decisions/${latest.decision_id}`)).body;
    expect(JSON.stringify(detail)).toContain('total quota reached (2 of 2)');
  });

  it('a manual assignment that counts moves the rotation', async () => {
    expect((await call(served.current.url, 'PATCH', '/v1/users/a@x.test', { fields: { max_shares: 10 } })).status).toBe(200);
    // a (s2) waited longer than b (s3); a counted manual assignment makes her the latest.
    expect((await report('C2', 'a@x.test')).body).toMatchObject({ recorded: true, counts: true });
    expect(await share('s4')).toEqual(['b@x.test']);
    expect(await share('s5')).toEqual(['a@x.test']);
  });
});
