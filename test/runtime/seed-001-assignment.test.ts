// Seed 001's worked examples (Dynamics 365 assignment rules): least-recent
// assignment where manual assignments count, load balancing by available
// capacity, "consider capacity", and availability buckets 0D..5D.
import { describe, expect, it } from 'vitest';
import { at, Harness, HOUR } from './helpers';

describe('least recent', () => {
  const rules = `rule "Any seller" {
    priority 1
    on lead.created
    when lead.language is not set
    assign users "s1", "s2", "s3"
    distribute least_recent
  }
  rule "Hindi speakers" {
    priority 2
    on lead.created
    when lead.language is set
    assign users where lead.language in user.languages
    distribute least_recent
  }`;
  const yaml = `users:
  - { id: s1, name: Seller 1, fields: { languages: [en] } }
  - { id: s2, name: Seller 2, fields: { languages: [en, hi] } }
  - { id: s3, name: Seller 3, fields: { languages: [hi] } }
`;

  it('walks seed 001: Seller 2, then Seller 3 among the two who match', async () => {
    const h = new Harness(rules, yaml, { now: '2021-07-12T13:30:00Z' });
    await h.engine.setUserState({
      lastAssignedAt: { s1: at('2021-07-12T10:00:00Z'), s2: at('2021-07-12T09:00:00Z'), s3: at('2021-07-12T11:00:00Z') },
    });
    expect((await h.send()).assigned).toEqual(['s2']);
    h.now += HOUR;
    // Only Sellers 2 and 3 speak Hindi; Seller 2 was just assigned, so Seller 3.
    expect((await h.send({ language: 'hi' })).assigned).toEqual(['s3']);
  });

  it('counts manual assignments reported to the engine', async () => {
    const h = new Harness(rules, yaml, { now: '2021-07-12T13:30:00Z' });
    await h.engine.setUserState({
      lastAssignedAt: { s1: at('2021-07-12T10:00:00Z'), s2: at('2021-07-12T11:00:00Z'), s3: at('2021-07-12T12:00:00Z') },
    });
    await h.engine.reportAssignment({ entity: 'lead', recordId: 'M1', user: 's1', counts: true });
    h.now += HOUR;
    expect((await h.send()).assigned).toEqual(['s2']);
  });

  it('does not count cherry-picked assignments', async () => {
    const h = new Harness(rules, yaml, { now: '2021-07-12T13:30:00Z' });
    await h.engine.setUserState({
      lastAssignedAt: { s1: at('2021-07-12T10:00:00Z'), s2: at('2021-07-12T11:00:00Z'), s3: at('2021-07-12T12:00:00Z') },
    });
    await h.engine.reportAssignment({ entity: 'lead', recordId: 'M1', user: 's1', counts: false });
    expect((await h.send()).assigned).toEqual(['s1']);
  });

  it('serves never-assigned users first, in pool order', async () => {
    const h = new Harness(rules, yaml);
    expect(await h.sequence(4)).toEqual(['s1', 's2', 's3', 's1']);
  });
});

describe('load balancing', () => {
  const rules = `settings {
    timezone "UTC"
    capacity user.max_open
    unmatched queue "triage"
  }
  rule "Balance" {
    priority 1
    on lead.created
    assign users "s1", "s2", "s3"
    distribute load_balance
  }`;
  const yaml = `users:
  - { id: s1, name: Seller 1, open_load: 6, fields: { max_open: 12 } }
  - { id: s2, name: Seller 2, open_load: 5, fields: { max_open: 10 } }
  - { id: s3, name: Seller 3, open_load: 3, fields: { max_open: 10 } }
`;

  it('walks seed 001: two leads to Seller 3, the tie to Seller 2, then Seller 1 after closing three', async () => {
    const h = new Harness(rules, yaml);
    // Seller 1 holds three records assigned by hand: open load 6 + 3 = 9 of 12 (available 3).
    for (const id of ['M1', 'M2', 'M3']) await h.engine.reportAssignment({ entity: 'lead', recordId: id, user: 's1', counts: true });
    h.now += HOUR;
    // Event 1: available 3 / 5 / 7 → Seller 3 twice (7, then 6).
    expect(await h.sequence(2)).toEqual(['s3', 's3']);
    // Event 2: Seller 2 and 3 both have 5; Seller 2 was assigned least recently (never).
    const tie = await h.send();
    expect(tie.assigned).toEqual(['s2']);
    expect(tie.trace.method?.ranking?.slice(0, 2)).toEqual([
      { user: 's2', value: { available: 5 } },
      { user: 's3', value: { available: 5 } },
    ]);
    // Event 3: Seller 1 closes three records: available 6, the largest.
    for (const id of ['M1', 'M2', 'M3']) expect(await h.engine.closeRecord('lead', id)).toBe(true);
    expect((await h.send()).assigned).toEqual(['s1']);
  });

  it('uses the smallest open load when no capacity is configured', async () => {
    const h = new Harness(
      `rule "Balance" {
        priority 1
        on lead.created
        assign users "s1", "s2"
        distribute load_balance
      }`,
      `users:\n  - { id: s1, name: s1, open_load: 2 }\n  - { id: s2, name: s2 }\n`,
    );
    expect(await h.sequence(4)).toEqual(['s2', 's2', 's1', 's2']);
  });
});

describe('consider capacity', () => {
  it('drops sellers at or below zero available capacity', async () => {
    const h = new Harness(
      `settings {
        timezone "UTC"
        capacity user.max_open
        unmatched queue "triage"
      }
      rule "RR" {
        priority 1
        on lead.created
        assign users "s1", "s2", "s3"
        require capacity
        distribute least_recent
      }`,
      `users:
  - { id: s1, name: s1, open_load: 12, fields: { max_open: 10 } }
  - { id: s2, name: s2, open_load: 10, fields: { max_open: 10 } }
  - { id: s3, name: s3, open_load: 1, fields: { max_open: 2 } }
`,
    );
    const d = await h.send();
    expect(d.assigned).toEqual(['s3']);
    expect(d.trace.filters).toEqual([
      { filter: 'capacity', dropped: [{ user: 's1', reason: 'no available capacity (-2)' }, { user: 's2', reason: 'no available capacity (0)' }] },
    ]);
    // s3 is now full too: nobody left, the unmatched queue takes it.
    const full = await h.send();
    expect([full.outcome, full.queue, full.reason]).toEqual(['fallback', 'triage', 'no eligible user; the rule has no fallback, so the unmatched queue']);
  });
});

describe('availability buckets (workday within)', () => {
  // Monday 2026-11-23 10:00 UTC. `now` works now (0D), `tue` starts Tuesday 09:00
  // (23 h: 1D), `wed` Wednesday 09:00 (47 h: 2D), `sat` Saturday 09:00 (119 h: 5D).
  const workdays = `workdays:
  now: { timezone: UTC, mon: "09:00-18:00", tue: "09:00-18:00" }
  tue: { timezone: UTC, tue: "09:00-18:00" }
  wed: { timezone: UTC, wed: "09:00-18:00" }
  sat: { timezone: UTC, sat: "09:00-18:00" }
`;
  const sellers = (s3: string, s5: string, extra = ['', '', '', '', '']) => `users:
  - { id: s1, name: Seller 1, workday: tue${extra[0]} }
  - { id: s2, name: Seller 2, workday: tue${extra[1]} }
  - { id: s3, name: Seller 3, workday: ${s3}${extra[2]} }
  - { id: s4, name: Seller 4, workday: wed${extra[3]} }
  - { id: s5, name: Seller 5, workday: ${s5}${extra[4]} }
${workdays}`;
  const rule = (method: string, require = 'workday within 120h') => `settings {
    timezone "UTC"
    capacity user.max_open
    unmatched queue "triage"
  }
  rule "Sellers" {
    priority 1
    on lead.created
    assign users "s1", "s2", "s3", "s4", "s5"
    require ${require}
    distribute ${method}
  }`;

  it('example 1: two sellers work now, round robin between them', async () => {
    const h = new Harness(rule('round_robin'), sellers('now', 'now'));
    expect(await h.sequence(4)).toEqual(['s3', 's5', 's3', 's5']);
  });

  it('example 1 with least_recent: Seller 5 (assigned longer ago) first, then Seller 3 and 5 in turn', async () => {
    const h = new Harness(rule('least_recent'), sellers('now', 'now'));
    await h.engine.setUserState({ lastAssignedAt: { s3: at('2026-11-20T10:00:00Z'), s5: at('2026-11-19T10:00:00Z') } });
    expect(await h.sequence(3)).toEqual(['s5', 's3', 's5']);
  });

  it('example 2: load balancing among those working now gives Seller 3', async () => {
    const h = new Harness(
      rule('load_balance'),
      sellers('now', 'now', ['', '', ', fields: { max_open: 10 }', '', ', fields: { max_open: 4 }']),
    );
    const d = await h.send();
    expect(d.assigned).toEqual(['s3']);
    expect(d.trace.filters.at(-1)?.filter).toBe('workday within 120h');
  });

  it('example 3: with capacity, Sellers 3 and 5 drop out; bucket 1D (Sellers 1, 2) is served by least_recent', async () => {
    const full = ', open_load: 4, fields: { max_open: 4 }';
    const free = ', fields: { max_open: 10 }';
    const h = new Harness(rule('load_balance', 'capacity, workday within 120h'), sellers('now', 'now', [free, free, full, free, full]));
    await h.engine.setUserState({ lastAssignedAt: { s1: at('2026-11-20T10:00:00Z'), s2: at('2026-11-21T10:00:00Z') } });
    const first = await h.send();
    expect(first.assigned).toEqual(['s1']);
    expect(first.trace.method?.method).toBe('least_recent (bucket 1D of `workday within`)');
    expect(first.trace.filters.at(-1)?.dropped).toEqual([{ user: 's4', reason: 'starts work later (bucket 2D, bucket 1D is first)' }]);
    expect(await h.sequence(2)).toEqual(['s2', 's1']);
  });

  it('falls back when nobody works within the limit', async () => {
    const later = `users:\n${['s1', 's2', 's3', 's4', 's5'].map((id) => `  - { id: ${id}, name: ${id}, workday: wed }`).join('\n')}\n${workdays}`;
    const h = new Harness(rule('round_robin', 'workday within 24h'), later);
    const d = await h.send();
    expect([d.outcome, d.reason]).toEqual(['fallback', 'no user works within 24h; the rule has no fallback, so the unmatched queue']);
  });
});
