// The engine's flow (RUNTIME.md "An event, start to end"): validation,
// idempotency, rule selection by event and priority, first match wins even with
// an empty pool, fallbacks, unmatched records, team scope, and the trace.
import { describe, expect, it } from 'vitest';
import { explainText } from '../../runtime/explain-text';
import { Harness, usersYaml } from './helpers';

const rules = `rule "Web" {
  priority 10
  on lead.created, lead.updated(status)
  when lead.source == "Website" and lead.score >= 80
  assign users "a", "b"
  require checked_in
  distribute round_robin
  fallback user "boss"
}
rule "Draft" {
  priority 15
  status draft
  on lead.created
  assign users "a"
  distribute round_robin
}
rule "Facebook" {
  priority 20
  on lead.created
  when lead.source == "Facebook"
  assign users "c"
  require checked_in
  distribute round_robin
}`;
const yaml = usersYaml(['a', 'b', 'boss']) + '  - { id: c, name: c }\n';
const checkedIn = (h: Harness) => ['a', 'b', 'boss'].forEach((id) => h.setUser(id, { checkedIn: true }));

describe('engine flow', () => {
  it('takes the first matching rule in priority order and explains the others', async () => {
    const h = new Harness(rules, yaml);
    checkedIn(h);
    const d = await h.send({ source: 'Facebook' });
    expect(d.rule).toBe('Facebook');
    expect(d.trace.rules).toEqual([
      { ruleId: 'web', rule: 'Web', matched: false, failed: expect.objectContaining({ text: 'lead.source == "Website"', values: { 'lead.source': 'Facebook' } }) },
      { ruleId: 'draft', rule: 'Draft', skipped: 'status draft', matched: false },
      { ruleId: 'facebook', rule: 'Facebook', matched: true },
    ]);
  });

  it('keeps the record with the first matching rule even when its pool is empty (then its fallback)', async () => {
    const h = new Harness(rules, yaml);
    const d = await h.send({ source: 'Facebook' });
    expect([d.rule, d.outcome, d.queue, d.reason]).toEqual(['Facebook', 'fallback', 'triage', 'no eligible user; the rule has no fallback, so the unmatched queue']);
    expect(d.trace.filters).toEqual([{ filter: 'checked_in', dropped: [{ user: 'c', reason: 'not checked in' }] }]);
  });

  it('assigns the fallback user when nobody is eligible', async () => {
    const h = new Harness(rules, yaml);
    const d = await h.send({ source: 'Website', score: 90 });
    expect([d.outcome, d.assigned, d.reason]).toEqual(['fallback', ['boss'], 'no eligible user']);
  });

  it('sends unmatched records to the unmatched queue', async () => {
    const h = new Harness(rules, yaml);
    const d = await h.send({ id: 'U1', source: 'Print' });
    expect([d.outcome, d.rule, d.queue, d.reason]).toEqual(['unmatched', null, 'triage', 'no rule matched']);
    expect((await h.engine.listQueue('triage')).map((i) => [i.recordId, i.reason])).toEqual([['U1', 'no rule matched']]);
  });

  it('keeps a lead and an opportunity with one id apart in the unmatched queue', async () => {
    const h = new Harness(`schema opportunity {\n  stage: text\n}\n${rules}`, yaml);
    await h.send({ id: 'same1', source: 'Print' });
    await h.send({ id: 'same1' }, { type: 'opportunity.created' });
    expect((await h.engine.listQueue('triage')).map((i) => `${i.entity}/${i.recordId}`)).toEqual(['lead/same1', 'opportunity/same1']);
    const retried = await h.engine.retryQueued('triage', 'lead', 'same1');
    expect(retried?.ok && [retried.decision.entity, retried.decision.queue]).toEqual(['lead', 'triage']);
    expect(await h.engine.retryQueued('triage', 'contact', 'same1')).toBeNull();
  });

  it('runs `updated(status)` rules only when status changed, on the merged record', async () => {
    const h = new Harness(rules, yaml);
    checkedIn(h);
    await h.send({ id: 'R1', source: 'Website', score: 10 });
    const other = await h.send({ id: 'R1', score: 95 }, { type: 'lead.updated', changed: ['score'] });
    expect(other.trace.rules).toEqual([{ ruleId: 'web', rule: 'Web', skipped: 'none of `status` changed', matched: false }]);
    const d = await h.send({ id: 'R1', status: 'Open' }, { type: 'lead.updated', changed: ['status'] });
    expect([d.rule, d.assigned]).toEqual(['Web', ['a']]);
  });

  it('drops non-members in a team rule', async () => {
    const h = new Harness(
      `rule "East" {
        priority 1
        scope team "East"
        on lead.created
        assign users where user.role == "AE"
        distribute round_robin
      }`,
      `users:
  - { id: e1, name: e1, fields: { role: AE } }
  - { id: e2, name: e2, active: false, fields: { role: AE } }
  - { id: w1, name: w1, fields: { role: AE } }
  - { id: x, name: x, fields: { role: SDR } }
teams:
  - { name: East, members: [e1, e2, x] }
`,
    );
    const d = await h.send();
    expect(d.trace.pool).toEqual({
      kind: 'dynamic',
      users: ['e1'],
      dropped: [
        { user: 'e2', reason: 'inactive' },
        { user: 'w1', reason: 'not in team `East`' },
      ],
      whereFalse: 1,
    });
  });
});

describe('input and idempotency', () => {
  it('answers the first decision for a repeated event id and changes nothing', async () => {
    const h = new Harness(rules, yaml);
    checkedIn(h);
    const first = await h.engine.decide({ id: 'E1', type: 'lead.created', record: { id: 'R1', source: 'Website', score: 90 } });
    const before = h.store.snapshot();
    const again = await h.engine.decide({ id: 'E1', type: 'lead.created', record: { id: 'R2', source: 'Website', score: 90 } });
    expect(first.ok && again.ok && [again.duplicate, again.decision]).toEqual([true, first.ok && first.decision]);
    expect(h.store.snapshot()).toEqual(before);
  });

  it('rejects wrong field types, unknown event types and forbidden keys, naming the field', async () => {
    const h = new Harness(rules, yaml);
    const before = h.store.snapshot();
    const bad = await h.engine.decide({ id: 'E1', type: 'lead.created', record: { id: 'R1', score: 'high', extra: 1 } });
    expect(bad).toEqual({ ok: false, issues: [{ path: 'record.score', message: 'expected a number, got text "high"' }] });
    const type = await h.engine.decide({ id: 'E2', type: 'lead.deleted', record: { id: 'R1' } });
    expect(!type.ok && type.issues.map((i) => i.path)).toEqual(['type']);
    const proto = await h.engine.decide(JSON.parse('{"id":"E3","type":"lead.created","record":{"id":"R1","__proto__":{"x":1}}}'));
    expect(!proto.ok && proto.issues).toEqual([{ path: 'record.__proto__', message: 'the field name `__proto__` is not allowed' }]);
    const noId = await h.engine.decide({ id: 'E4', type: 'lead.created', record: {} });
    expect(!noId.ok && noId.issues.map((i) => i.path)).toEqual(['record.id']);
    expect(h.store.snapshot()).toEqual(before);
  });

  it('keeps unknown fields out of rules and numeric ids as strings', async () => {
    const h = new Harness(rules, yaml);
    checkedIn(h);
    const r = await h.engine.decide({ id: 7, type: 'lead.created', record: { id: 42, source: 'Website', score: 90, utm: 'x' } } as never);
    expect(r.ok && [r.decision.eventId, r.decision.recordId, r.decision.assigned]).toEqual(['7', '42', ['a']]);
  });
});

describe('decision ids and explain text', () => {
  it('numbers decisions deterministically and renders the trace', async () => {
    const h = new Harness(rules, yaml, { coverage: true });
    checkedIn(h);
    h.setUser('a', { checkedIn: false });
    await h.send({ source: 'Print' });
    const d = await h.send({ source: 'Website', score: 90 });
    expect(d.id).toBe('d-000002');
    expect(d.trace.rules[0]?.conditions?.map((c) => [c.text, c.value])).toEqual([
      ['lead.source == "Website" and lead.score >= 80', true],
      ['lead.source == "Website"', true],
      ['lead.score >= 80', true],
    ]);
    expect(explainText(d, (id) => `rules/test.dist:${id.length}`)).toBe(
      [
        'decision d-000002: lead.created lead L2 at 2026-11-23T10:00:00.000Z',
        'rules:',
        '  ✓ "Web" (rules/test.dist:3): matched',
        'pool (users): a, b',
        'filters:',
        '  checked_in:',
        '    dropped a: not checked in',
        'method round_robin:',
        '  before: {"rr/web/pool":null}',
        '  after:  {"rr/web/pool":["b"]}',
        'outcome: assigned → b',
        '',
      ].join('\n'),
    );
  });
});
