// `POST /v1/hooks/{source}` over real HTTP: a raw payload is mapped by its `map`
// block and decided; the same body again answers its first decision; a payload
// that fails the schema is kept in the `on invalid` queue with its errors (and a
// queue retry maps it again), or refused 400 naming the fields when the map has no
// such queue; an unknown source is 404; signatures apply as on `/v1/events`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, removeProject, signature, startTestServer, stateSnapshot, writeProject, type TestServer } from './helpers';

const RULES = `schema lead {
  source: text
  email: text
  phone: text
  zip: text
  price_max: number
}

schema user {
  grade: text
}

settings {
  timezone "UTC"
  unmatched queue "triage"
}

map lead from "website-form" {
  source = payload.source
  email = lower(trim(payload.contact.email))
  phone = digits(payload.contact.phone ?? payload.contact.phone_number)
  zip = left(digits(payload.property_interest.location_zip), 5)
  price_max = payload.property_interest.price_max
  on invalid queue "bad-payloads"
}

map lead from "partner" {
  id = payload.ref
  source = payload.origin
  price_max = payload.budget
}

rule "Web" {
  priority 10
  on lead.created
  when lead.source == "WebsiteForm" and lead.zip == "90210"
  assign users "a@x.test", "b@x.test"
  distribute round_robin
}

rule "Budget changed" {
  priority 20
  on lead.updated(price_max)
  when lead.source == "Partner"
  assign users "b@x.test"
  distribute round_robin
}
`;

const PAYLOAD = {
  source: 'WebsiteForm',
  contact: { first_name: 'Jane', email: ' Jane.Doe@Example.com ', phone: '555-867-5309' },
  property_interest: { type: 'BUYER', location_zip: '90210-0001', price_max: 750000 },
};

let served: TestServer;
beforeAll(async () => {
  served = await startTestServer(writeProject({ rules: RULES, directory: 'users:\n  - { id: a@x.test, name: A }\n  - { id: b@x.test, name: B }\n' }));
});
afterAll(async () => {
  await served.close();
  removeProject(served.root);
});

describe('POST /v1/hooks/{source}', () => {
  it('maps the payload and decides the lead; the same body again is answered from the log', async () => {
    const first = await call(served.url, 'POST', '/v1/hooks/website-form', PAYLOAD);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ outcome: 'assigned', rule: 'Web', assigned: ['a@x.test'] });
    expect(first.body.event_id).toMatch(/^hook-website-form-[0-9a-f]{32}$/);
    const detail = await call(served.url, 'GET', `/v1/decisions/${first.body.decision_id}`);
    expect(detail.body.trace.rules[0].matched).toBe(true);

    const again = await call(served.url, 'POST', '/v1/hooks/website-form', PAYLOAD);
    expect([again.status, again.headers.get('idempotent-replayed'), again.body.decision_id]).toEqual([200, 'true', first.body.decision_id]);
    const other = await call(served.url, 'POST', '/v1/hooks/website-form', { ...PAYLOAD, contact: { email: 'x@y.test' } });
    expect(other.body.assigned).toEqual(['b@x.test']);
  });

  it('keeps a payload that fails the schema in the `on invalid` queue, listed with its errors', async () => {
    const bad = { source: 'WebsiteForm', property_interest: { location_zip: '90210', price_max: '750k' } };
    const res = await call(served.url, 'POST', '/v1/hooks/website-form', bad);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ outcome: 'invalid', queue: 'bad-payloads', errors: [{ field: 'price_max' }] });
    expect(res.body.errors[0].message).toContain('expected a number, got text "750k"');

    const queue = await call(served.url, 'GET', '/v1/queues/bad-payloads');
    expect(queue.body.count).toBe(1);
    expect(queue.body.items[0]).toMatchObject({ record_id: res.body.event_id, source: 'website-form', payload: bad, errors: [{ field: 'price_max' }], decision_id: null });

    const retried = await call(served.url, 'POST', `/v1/queues/bad-payloads/${res.body.event_id}/retry`);
    expect([retried.status, retried.body.error.code, retried.body.error.details[0].path]).toEqual([422, 'invalid_payload', 'price_max']);
    expect((await call(served.url, 'GET', '/v1/queues/bad-payloads')).body.count).toBe(1);
  });

  it('refuses a failing payload 400 with the field names when the map keeps none, and changes nothing', async () => {
    const before = stateSnapshot(served.statePath);
    const res = await call(served.url, 'POST', '/v1/hooks/partner', { ref: 'P1', origin: 'Partner', budget: { max: 5 } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_payload');
    expect(res.body.error.message).toContain('`price_max`');
    expect(res.body.error.details).toEqual([{ path: 'price_max', message: 'expected a number, got an object (from `payload.budget`)' }]);
    expect(stateSnapshot(served.statePath)).toEqual(before);
  });

  it('uses a mapped id as the record id', async () => {
    const res = await call(served.url, 'POST', '/v1/hooks/partner', { ref: 'P2', origin: 'Partner', budget: 10 });
    expect(res.status).toBe(200);
    const detail = await call(served.url, 'GET', `/v1/decisions/${res.body.decision_id}`);
    expect([detail.body.record_id, detail.body.outcome, detail.body.queue]).toEqual(['P2', 'unmatched', 'triage']);
  });

  it('is an update of the record when its mapped id is already known: `lead.updated` with the fields that changed', async () => {
    const created = await call(served.url, 'POST', '/v1/hooks/partner', { ref: 'U1', origin: 'Partner', budget: 10 });
    expect(created.body).toMatchObject({ outcome: 'unmatched', queue: 'triage' });
    const raised = await call(served.url, 'POST', '/v1/hooks/partner', { ref: 'U1', budget: 20 }); // no origin: the record keeps "Partner"
    expect(raised.status).toBe(200);
    expect(raised.body).toMatchObject({ outcome: 'assigned', rule: 'Budget changed', assigned: ['b@x.test'] });
    const same = await call(served.url, 'POST', '/v1/hooks/partner', { ref: 'U1', origin: 'Partner', budget: 20 });
    expect(same.body).toMatchObject({ outcome: 'unmatched', reason: 'no rule matched; the record keeps its owner' });
    const history = await call(served.url, 'GET', '/v1/decisions?record=U1');
    const entries = history.body.decisions as { event_type: string; decision_id: string }[];
    expect(entries.map((d) => d.event_type)).toEqual(['lead.updated', 'lead.updated', 'lead.created']);
    const detail = await call(served.url, 'GET', `/v1/decisions/${String(raised.body.decision_id)}`);
    expect(detail.body.trace.rules).toEqual([expect.objectContaining({ rule: 'Budget changed', matched: true })]);
  });

  it('answers 404 `unknown_source` for a source no map reads, naming the ones there are', async () => {
    const res = await call(served.url, 'POST', '/v1/hooks/zillow', PAYLOAD);
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({
      code: 'unknown_source',
      message: 'no `map` block reads source `zillow`; sources with a `map` block: `website-form`, `partner`',
      details: { sources: ['website-form', 'partner'] },
    });
  });

  it('refuses bodies that are not JSON objects or reach prototypes', async () => {
    expect((await call(served.url, 'POST', '/v1/hooks/website-form', '{"source": ')).body.error.code).toBe('invalid_json');
    const list = await call(served.url, 'POST', '/v1/hooks/partner', [1]);
    expect([list.status, list.body.error.code, list.body.error.message]).toEqual([400, 'invalid_payload', 'the payload is invalid: a payload must be a JSON object; got a list']);
    const kept = await call(served.url, 'POST', '/v1/hooks/website-form', [1]);
    expect([kept.status, kept.body.queue]).toEqual([202, 'bad-payloads']);
    const proto = await call(served.url, 'POST', '/v1/hooks/website-form', '{"contact": {"__proto__": {"x": 1}}}');
    expect(proto.status).toBe(400);
  });
});

describe('signed hooks', () => {
  const secret = 'hook-secret';
  let signed: TestServer;
  beforeAll(async () => {
    signed = await startTestServer(writeProject({ rules: RULES, directory: 'users:\n  - { id: a@x.test, name: A }\n  - { id: b@x.test, name: B }\n' }), {
      env: { DIST_WEBHOOK_SECRET: secret },
    });
  });
  afterAll(async () => {
    await signed.close();
    removeProject(signed.root);
  });

  it('needs a valid signature before anything else, even for an unknown source', async () => {
    const body = JSON.stringify(PAYLOAD);
    expect((await call(signed.url, 'POST', '/v1/hooks/website-form', body)).status).toBe(401);
    expect((await call(signed.url, 'POST', '/v1/hooks/zillow', body)).status).toBe(401);
    const ok = await call(signed.url, 'POST', '/v1/hooks/website-form', body, signature(secret, body));
    expect([ok.status, ok.body.assigned]).toEqual([200, ['a@x.test']]);
  });
});
