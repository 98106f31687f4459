// Seed 003's router: hard filters, then the score `conversion_rate * 10 -
// open_load`, re-assignment after 60 minutes that excludes every previous agent,
// at most twice, then the fallback; no re-assignment once the lead was contacted
// or closed. Also queue retries.
import { describe, expect, it } from 'vitest';
import type { Decision } from '../../runtime/types';
import { Harness, MINUTE, usersYaml } from './helpers';

const rules = `rule "Buyer leads" {
  priority 50
  on lead.created
  when lead.zip is set and lead.price_max > 0
  assign users where lead.zip in user.service_zips
                 and lead.price_max between user.price_min and user.price_max
  distribute score user.conversion_rate * 10 - user.open_load
  reassign after 60m when lead.status == "New" max 2
  fallback queue "unmatchable"
}`;

const agents = `users:
  - { id: agent1, name: Agent 1, fields: { service_zips: ["90210"], price_min: 100000, price_max: 900000, conversion_rate: 0.5 } }
  - { id: agent2, name: Agent 2, fields: { service_zips: ["90210"], price_min: 100000, price_max: 900000, conversion_rate: 0.4 } }
  - { id: agent3, name: Agent 3, fields: { service_zips: ["90210", "10001"], price_min: 100000, price_max: 900000, conversion_rate: 0.3 } }
  - { id: agent4, name: Agent 4, fields: { service_zips: ["10001"], price_min: 100000, price_max: 900000, conversion_rate: 0.9 } }
  - { id: agent5, name: Agent 5, fields: { service_zips: ["90210"], price_min: 800000, price_max: 900000, conversion_rate: 0.9 } }
`;

const lead = { id: 'L1', source: 'Zillow', zip: '90210', price_max: 750000, status: 'New' };

describe('filters then score', () => {
  it('keeps agents serving the ZIP and price, and ranks by the score', async () => {
    const h = new Harness(rules, agents);
    const d = await h.send(lead);
    expect(d.assigned).toEqual(['agent1']);
    expect(d.trace.pool?.users).toEqual(['agent1', 'agent2', 'agent3']);
    expect(d.trace.method?.ranking).toEqual([
      { user: 'agent1', value: 5 },
      { user: 'agent2', value: 4 },
      { user: 'agent3', value: 3 },
    ]);
    // agent1 now carries one open lead: 5 - 1 = 4 ties agent2 (4), who was assigned less recently.
    expect((await h.send({ ...lead, id: 'L2' })).assigned).toEqual(['agent2']);
  });
});

describe('re-assignment', () => {
  it('re-assigns after 60m excluding previous agents, twice, then falls back', async () => {
    const h = new Harness(rules, agents);
    expect((await h.send(lead)).assigned).toEqual(['agent1']);
    expect(await h.advance(59 * MINUTE)).toEqual([]);
    const [second] = await h.advance(2 * MINUTE);
    expect([second?.cause, second?.assigned]).toEqual(['reassign', ['agent2']]);
    expect(second?.trace.filters.find((f) => f.filter === 'earlier owners')?.dropped).toEqual([{ user: 'agent1', reason: 'already had the record' }]);
    const [third] = await h.advance(60 * MINUTE);
    expect(third?.assigned).toEqual(['agent3']);
    const [last] = await h.advance(60 * MINUTE);
    expect([last?.outcome, last?.queue, last?.reason]).toEqual(['fallback', 'unmatchable', 'reassigned 2 times; max reached']);
    expect(await h.advance(24 * 60 * MINUTE)).toEqual([]);
    expect((await h.engine.listQueue('unmatchable')).map((i) => i.recordId)).toEqual(['L1']);
  });

  it('moves the open load with the record', async () => {
    const h = new Harness(rules, agents);
    await h.send(lead);
    await h.advance(61 * MINUTE);
    // agent1 lost the lead (score back to 5); agent2 carries it (4 - 1 = 3).
    const ranking = (await h.send({ ...lead, id: 'L2' })).trace.method?.ranking;
    expect(ranking?.slice(0, 2)).toEqual([
      { user: 'agent1', value: 5 },
      { user: 'agent3', value: 3 },
    ]);
  });

  it('does not fire once a later event changed the status', async () => {
    const h = new Harness(rules, agents);
    await h.send(lead);
    await h.send({ id: 'L1', status: 'Contacted' }, { type: 'lead.updated', changed: ['status'] });
    expect(await h.advance(3 * 60 * MINUTE)).toEqual([]);
  });

  it('does not fire once the record was closed', async () => {
    const h = new Harness(rules, agents);
    await h.send(lead);
    expect(await h.engine.closeRecord('lead', 'L1')).toBe(true);
    expect(await h.engine.closeRecord('lead', 'L1')).toBe(false);
    expect(await h.engine.nextTimerAt()).not.toBeNull();
    expect(await h.advance(3 * 60 * MINUTE)).toEqual([]);
  });

  it('falls back when every matching agent already had the record', async () => {
    const h = new Harness(rules.replace('max 2', 'max 5'), agents);
    await h.send(lead);
    await h.advance(121 * MINUTE);
    const [fourth] = await h.advance(60 * MINUTE);
    expect([fourth?.outcome, fourth?.reason, fourth?.queue]).toEqual(['fallback', 'no eligible user', 'unmatchable']);
  });
});

describe('queues', () => {
  const queued = `rule "Checked in" {
    priority 1
    on lead.created
    assign users "a", "b"
    require checked_in
    distribute round_robin
    fallback queue "waiting" retry every 15m for 1h
  }`;

  it('retries a queued record until someone can take it', async () => {
    const h = new Harness(queued, usersYaml(['a', 'b']));
    const first = await h.send({ id: 'Q1' });
    expect([first.outcome, first.queue]).toEqual(['fallback', 'waiting']);
    expect(await h.advance(15 * MINUTE)).toMatchObject([{ cause: 'retry', outcome: 'fallback', queue: 'waiting' }]);
    h.setUser('b', { checkedIn: true });
    expect(await h.advance(15 * MINUTE)).toMatchObject([{ cause: 'retry', outcome: 'assigned', assigned: ['b'] }]);
    expect(await h.engine.listQueue('waiting')).toEqual([]);
    expect(await h.engine.nextTimerAt()).toBeNull();
  });

  it('stops retrying when the window has passed', async () => {
    const h = new Harness(queued, usersYaml(['a', 'b']));
    await h.send({ id: 'Q1' });
    expect(await h.advance(2 * 60 * MINUTE)).toHaveLength(4);
    expect(await h.engine.nextTimerAt()).toBeNull();
    expect((await h.engine.listQueue('waiting')).map((i) => i.recordId)).toEqual(['Q1']);
  });

  it("retries by the queue's policy, wherever it is written", async () => {
    const settings = 'settings {\n  timezone "UTC"\n  unmatched queue "waiting" retry every 15m for 1h\n}\n';
    const h = new Harness(settings + queued.replace(' retry every 15m for 1h', ''), usersYaml(['a', 'b']));
    expect(h.program.rules[0]?.fallback).toEqual({ kind: 'queue', queue: 'waiting', retry: { everyMs: 15 * MINUTE, forMs: 60 * MINUTE } });
    await h.send({ id: 'Q1' });
    expect(await h.advance(2 * 60 * MINUTE)).toHaveLength(4);
  });

  it('sends a queued record back through the rules on request', async () => {
    const h = new Harness(queued, usersYaml(['a', 'b']));
    await h.send({ id: 'Q1' });
    h.setUser('a', { checkedIn: true });
    const retried = await h.engine.retryQueued('waiting', 'lead', 'Q1');
    expect(retried?.ok && [retried.decision.cause, retried.decision.assigned]).toEqual(['manual-retry', ['a']]);
    expect(await h.engine.retryQueued('waiting', 'lead', 'Q1')).toBeNull();
  });
});

describe('re-assignment with queue retries', () => {
  const DAY = 24 * 60 * MINUTE;
  const retrying = (fallback: string, settings = '') => `${settings}
rule "Buyers" {
  priority 1
  on lead.created
  assign users "a", "b", "c"
  require available
  distribute round_robin
  reassign after 60m when lead.status == "New" max 1
  ${fallback}
}`;
  const team = `users:
  - { id: a, name: A }
  - { id: b, name: B }
  - { id: c, name: C, status: away }
`;
  const owners = (decisions: Decision[]) => decisions.flatMap((d) => d.assigned);

  for (const [kind, text, queue] of [
    ['a rule queue', retrying('fallback queue "q" retry every 15m for 24h'), 'q'],
    ['the unmatched queue', retrying('', 'settings {\n  timezone "UTC"\n  unmatched queue "triage" retry every 15m for 24h\n}'), 'triage'],
  ] as const) {
    it(`with ${kind}: retries assign only users who never had the record, and the decisions end`, async () => {
      const h = new Harness(text, team);
      const decisions: Omit<Decision, 'trace'>[] = [await h.send({ id: 'L1', status: 'New' })];
      decisions.push(...(await h.advance(2 * 60 * MINUTE)));
      expect(decisions.map((d) => [d.cause, d.outcome, d.assigned.join()])).toEqual([
        ['event', 'assigned', 'a'],
        ['reassign', 'assigned', 'b'],
        ['reassign', 'fallback', ''],
      ]);
      h.setUser('c', { status: 'available' });
      const later = await h.advance(2 * DAY);
      expect(owners(later)).toEqual(['c']);
      const retry = later.find((d) => d.assigned.length > 0);
      expect(retry?.trace.filters.find((f) => f.filter === 'earlier owners')?.dropped.map((d) => d.user)).toEqual(['a', 'b']);
      // The window opened when the record first entered the queue: 24h of 15-minute retries at most, however often it comes back.
      expect(later.length).toBeLessThanOrEqual(24 * 4 + 1);
      expect(later.filter((d) => d.cause === 'retry').every((d) => d.decidedAt <= decisions[2]!.decidedAt + DAY)).toBe(true);
      expect(await h.engine.nextTimerAt()).toBeNull();
      expect((await h.engine.listQueue(queue)).map((i) => i.recordId)).toEqual(['L1']);
      expect(await h.advance(7 * DAY)).toEqual([]);
    });
  }

  it('a manual retry does not hand the record back to an earlier owner', async () => {
    const h = new Harness(retrying('fallback queue "q" retry every 15m for 24h'), team);
    await h.send({ id: 'L1', status: 'New' });
    await h.advance(2 * 60 * MINUTE);
    const retried = await h.engine.retryQueued('q', 'lead', 'L1');
    expect(retried?.ok && [retried.decision.outcome, retried.decision.assigned, retried.decision.queue]).toEqual(['fallback', [], 'q']);
  });

  it('a new event opens a new retry window', async () => {
    const h = new Harness(retrying('fallback queue "q" retry every 15m for 1h'), team.replace('{ id: a, name: A }', '{ id: a, name: A, status: away }').replace('{ id: b, name: B }', '{ id: b, name: B, status: away }'));
    await h.send({ id: 'L1', status: 'New' });
    expect(await h.advance(2 * 60 * MINUTE)).toHaveLength(4);
    await h.send({ id: 'L1', status: 'New' }, { type: 'lead.created' });
    expect(await h.advance(2 * 60 * MINUTE)).toHaveLength(4);
  });
});
