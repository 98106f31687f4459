// Input mapping at run time: a raw payload goes through its `map` block into a
// typed record (seed 003's website-form payload and its staging cases), bad
// payloads name their fields and are kept in the `on invalid` queue, and a kept
// payload is mapped again by a queue retry.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapPayload } from '../../runtime/input-map';
import { createEngine } from '../../runtime/engine';
import { MemoryStore } from '../../runtime/state/memory-store';
import { compileSnippet, usersYaml } from './helpers';

const SCHEMA = `schema lead {
  source: text
  first_name: text
  email: text
  phone: text
  zip: text
  price_max: number
  city: text
  created_at: time
}
`;

const MAP = `map lead from "website-form" {
  id = payload.lead_id
  source = payload.source
  first_name = title(payload.contact.first_name)
  email = lower(trim(payload.contact.email))
  phone = digits(payload.contact.phone ?? payload.contact.phone_number)
  zip = left(digits(payload.property_interest.location_zip ?? payload.property_interest.postal_code), 5)
  price_max = payload.property_interest.price_max ?? number(payload.property_interest.price_text)
  city = concat(upper(right(payload.city_code, 2)), "-", payload.city)
  created_at = payload.capture_timestamp
  on invalid queue "bad-payloads"
}
`;

const RULE = `rule "Form" {
  priority 1
  on lead.created
  when lead.source == "WebsiteForm"
  assign users "a@x.test"
  distribute round_robin
}
`;

const SEED_003 = {
  source: 'WebsiteForm',
  capture_timestamp: '2023-10-27T10:00:00Z',
  contact: { first_name: 'jane', last_name: 'Doe', email: '  Jane.Doe@Example.com ', phone: '555-867-5309' },
  property_interest: { type: 'BUYER', location_zip: '90210', price_max: 750000 },
};

function compiled(map = MAP) {
  return compileSnippet(SCHEMA + map + RULE, usersYaml(['a@x.test']));
}

function mapped(payload: unknown, map = MAP) {
  const { program } = compiled(map);
  return mapPayload(program, program.maps[0]!, payload, 'e1', 0);
}

describe('mapPayload', () => {
  it('normalises seed 003 payload: names, e-mail, phone digits, five-digit ZIP', () => {
    const result = mapped(SEED_003);
    expect(result).toEqual({
      ok: true,
      event: {
        id: 'e1',
        type: 'lead.created',
        record: {
          id: 'e1',
          source: 'WebsiteForm',
          first_name: 'Jane',
          email: 'jane.doe@example.com',
          phone: '5558675309',
          zip: '90210',
          price_max: 750000,
          created_at: '2023-10-27T10:00:00Z',
        },
      },
    });
  });

  it('takes aliases (`phone_number`, `postal_code`) when the first name is missing or blank', () => {
    const result = mapped({ source: 'WebsiteForm', contact: { phone: '  ', phone_number: '+44 20 7946 0958' }, property_interest: { postal_code: '02134-9999' } });
    expect(result.ok && result.event.record).toMatchObject({ phone: '442079460958', zip: '02134' });
  });

  it('uses a mapped id as the record id and writes numbers for text fields in decimal', () => {
    const result = mapped({ lead_id: 'L-77', source: 'WebsiteForm', property_interest: { location_zip: 90210 } });
    expect(result.ok && result.event.record).toEqual({ id: 'L-77', source: 'WebsiteForm', zip: '90210' });
  });

  it('leaves fields out that the payload does not carry (missing fields are not set)', () => {
    const result = mapped({ source: 'WebsiteForm' });
    expect(result.ok && result.event.record).toEqual({ id: 'e1', source: 'WebsiteForm' });
  });

  it('concat, upper and right build one text', () => {
    const result = mapped({ city_code: 'us-ca', city: 'Los Angeles' });
    expect(result.ok && result.event.record.city).toBe('CA-Los Angeles');
  });

  it('names the field and its expression when the schema refuses the value', () => {
    const result = mapped({ property_interest: { price_max: '750k' }, capture_timestamp: 'yesterday' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual(['price_max', 'created_at']);
    expect(result.issues[0]!.message).toContain('expected a number, got text "750k"');
    expect(result.issues[0]!.message).toContain('`payload.property_interest.price_max ?? number(payload.property_interest.price_text)`');
  });

  it('reports a value that no function could use instead of dropping it', () => {
    const result = mapped({ property_interest: { price_text: 'call me' }, contact: { email: { address: 'x' } } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { path: 'email', message: '`lower(trim(payload.contact.email))` gives no value from an object' },
      { path: 'price_max', message: '`payload.property_interest.price_max ?? number(payload.property_interest.price_text)` gives no value from text "call me"' },
    ]);
  });

  it('refuses payloads that are not objects, prototype keys and deep nesting', () => {
    expect(mapped([1, 2])).toMatchObject({ ok: false, issues: [{ path: '', message: 'a payload must be a JSON object; got a list' }] });
    expect(mapped(JSON.parse('{"__proto__": {"x": 1}}'))).toMatchObject({ ok: false, issues: [{ path: 'payload.__proto__' }] });
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = { d: deep };
    expect(mapped(deep)).toMatchObject({ ok: false, issues: [{ message: 'nesting deeper than 32 levels' }] });
  });

  it('never throws: any JSON payload maps to a record or to issues', () => {
    const { program } = compiled();
    const map = program.maps[0]!;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (payload) => {
        const result = mapPayload(program, map, { contact: payload, property_interest: payload, source: payload }, 'e1', 0);
        return result.ok ? result.event.record.id !== undefined : result.issues.length > 0;
      }),
      { numRuns: 300 },
    );
  });
});

describe('engine.decidePayload', () => {
  function engineOf(map = MAP, store = new MemoryStore()) {
    const { program, directory } = compiled(map);
    return { engine: createEngine({ program, directory, store, clock: () => 1_800_000_000_000 }), store };
  }

  it('decides the mapped record; the same event id answers the first decision', async () => {
    const { engine } = engineOf();
    const first = await engine.decidePayload('website-form', SEED_003, 'h1');
    expect(first).toMatchObject({ ok: true, duplicate: false, decision: { rule: 'Form', assigned: ['a@x.test'], recordId: 'h1' } });
    const again = await engine.decidePayload('website-form', { source: 'other' }, 'h1');
    expect(again).toMatchObject({ ok: true, duplicate: true, decision: { rule: 'Form' } });
  });

  it('a payload for a record it already knows is an update naming only the fields that changed', async () => {
    const { engine } = engineOf();
    const created = await engine.decidePayload('website-form', { ...SEED_003, lead_id: 'L9' }, 'h10');
    expect(created).toMatchObject({ ok: true, decision: { eventType: 'lead.created', recordId: 'L9', assigned: ['a@x.test'] } });
    // The same values in other forms (a ZIP as a number, the time as written) are no change; the new email is.
    const again = { ...SEED_003, lead_id: 'L9', contact: { ...SEED_003.contact, email: 'jane@new.test' }, property_interest: { ...SEED_003.property_interest, location_zip: 90210 } };
    const updated = await engine.decidePayload('website-form', again, 'h11');
    expect(updated).toMatchObject({ ok: true, decision: { eventType: 'lead.updated', recordId: 'L9', outcome: 'unmatched' } });
    if (!updated.ok) throw new Error('refused');
    expect(updated.decision.trace.match).toMatchObject({ via: 'rules', changed: ['email'] });
    expect((updated.decision.trace.match as { record: { fields: Record<string, unknown> } }).record.fields).toMatchObject({ email: 'jane@new.test', zip: '90210', first_name: 'Jane' });
  });

  it('keeps a payload that fails in the `on invalid` queue, with its issues', async () => {
    const { engine } = engineOf();
    const result = await engine.decidePayload('website-form', { source: 'WebsiteForm', property_interest: { price_max: '1M' } }, 'h2');
    expect(result).toMatchObject({ ok: false, queue: 'bad-payloads', issues: [{ path: 'price_max' }] });
    const [item] = await engine.listQueue('bad-payloads');
    expect(item).toMatchObject({ recordId: 'h2', decisionId: null, reason: 'invalid payload: price_max', invalid: { source: 'website-form', issues: [{ path: 'price_max' }] } });
    expect(item!.invalid!.payload).toEqual({ source: 'WebsiteForm', property_interest: { price_max: '1M' } });
  });

  it('without `on invalid` the payload is refused and nothing is kept', async () => {
    const { engine } = engineOf(MAP.replace('  on invalid queue "bad-payloads"\n', ''));
    const result = await engine.decidePayload('website-form', { property_interest: { price_max: '1M' } }, 'h3');
    expect(result).toMatchObject({ ok: false, queue: null });
    expect(await engine.listQueue('bad-payloads')).toEqual([]);
  });

  it('a source without a map is `unknown_source`, naming the sources there are', async () => {
    const { engine } = engineOf();
    const result = await engine.decidePayload('zillow', {}, 'h4');
    expect(result).toEqual({
      ok: false,
      queue: null,
      issues: [{ path: 'source', code: 'unknown_source', message: 'no `map` block reads source `zillow`; sources with a `map` block: `website-form`' }],
    });
  });

  it('a queue retry maps a kept payload again: still failing stays, fixed rules decide it', async () => {
    const { engine, store } = engineOf();
    await engine.decidePayload('website-form', { source: 'WebsiteForm', property_interest: { price_max: '1M' } }, 'h5');
    expect(await engine.retryQueued('bad-payloads', 'lead', 'h5')).toMatchObject({ ok: false, issues: [{ path: 'price_max' }] });
    expect(await engine.listQueue('bad-payloads')).toHaveLength(1);

    const fixed = MAP.replace('price_max = payload.property_interest.price_max ?? number(payload.property_interest.price_text)', 'price_max = number(payload.property_interest.price_text)');
    const { engine: next } = engineOf(fixed, store);
    const retried = await next.retryQueued('bad-payloads', 'lead', 'h5');
    expect(retried).toMatchObject({ ok: true, decision: { rule: 'Form', assigned: ['a@x.test'], eventId: 'h5' } });
    expect(await next.listQueue('bad-payloads')).toEqual([]);
  });
});

describe('`??` in rules', () => {
  it('gives defaults in conditions and scores', async () => {
    const { Harness } = await import('./helpers');
    const rules = `rule "Default source" {
  priority 1
  on lead.created
  when (lead.source ?? "Website") == "Website"
  assign users "a@x.test", "b@x.test"
  distribute score user.conversion_rate * 10 - (user.quality_score ?? 0)
}
`;
    const h = new Harness(rules, 'users:\n  - { id: a@x.test, name: A, fields: { conversion_rate: 1, quality_score: 5 } }\n  - { id: b@x.test, name: B, fields: { conversion_rate: 1 } }\n');
    expect((await h.send({})).assigned).toEqual(['b@x.test']);
    expect((await h.send({ source: 'Zillow' })).outcome).toBe('unmatched');
  });
});
