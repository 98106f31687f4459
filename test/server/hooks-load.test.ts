// Seed 003's load test, far beyond "200 leads in 10 minutes": a copy of
// examples/real-estate served over real HTTP takes 2,000 raw payloads on
// `POST /v1/hooks/{source}` from 16 concurrent senders, then 200 of them again.
// Every payload is answered, every valid one decided exactly once (one decision
// per event id in the state file), every bad one kept in `bad-payloads`, and the
// re-sent ones replay their first decision. Not timed: speed lives in the bench.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { call, removeProject, startTestServer, type TestServer } from './helpers';

const EXAMPLE = path.resolve(import.meta.dirname, '../../examples/real-estate');
const COUNT = 2000;
const SENDERS = 16;

let served: TestServer;
beforeAll(async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'dist-hooks-load-'));
  cpSync(EXAMPLE, root, { recursive: true, filter: (p) => !p.includes(`${path.sep}.dist`) });
  served = await startTestServer(root);
});
afterAll(async () => {
  await served.close();
  removeProject(served.root);
});

/** The n-th payload: website-form or Zillow, served ZIPs and unserved ones, every 10th one invalid. */
function payload(n: number): { source: string; body: Record<string, unknown>; valid: boolean } {
  const zip = ['90210', '91501', '10001'][n % 3]!;
  if (n % 2 === 0) {
    const price = n % 10 === 0 ? `${n}k` : 400_000 + n;
    return { source: 'website-form', body: { source: 'WebsiteForm', contact: { first_name: `lead ${n}` }, property_interest: { location_zip: zip, price_max: price } }, valid: n % 10 !== 0 };
  }
  return { source: 'zillow', body: { lead_id: `Z-${n}`, listing: { postal_code: zip, price: String(450_000 + n) } }, valid: true };
}

async function sendAll(indexes: number[]): Promise<Map<number, { status: number; decision: string | null }>> {
  const answers = new Map<number, { status: number; decision: string | null }>();
  let next = 0;
  const sender = async () => {
    while (next < indexes.length) {
      const n = indexes[next++]!;
      const p = payload(n);
      const res = await call(served.url, 'POST', `/v1/hooks/${p.source}`, p.body);
      answers.set(n, { status: res.status, decision: res.body.decision_id ?? null });
    }
  };
  await Promise.all(Array.from({ length: SENDERS }, sender));
  return answers;
}

it('decides every one of 2,000 hook payloads exactly once and keeps the bad ones', { timeout: 300_000 }, async () => {
  const all = Array.from({ length: COUNT }, (_, n) => n);
  const answers = await sendAll(all);
  for (const n of all) expect(answers.get(n)?.status, `payload ${n}`).toBe(payload(n).valid ? 200 : 202);
  const valid = all.filter((n) => payload(n).valid);

  const db = new Database(served.statePath, { readonly: true });
  try {
    const row = db.prepare('SELECT count(*) AS decisions, count(DISTINCT event_id) AS events FROM decisions').get() as { decisions: number; events: number };
    expect(row).toEqual({ decisions: valid.length, events: valid.length });
  } finally {
    db.close();
  }
  const kept = await call(served.url, 'GET', '/v1/queues/bad-payloads');
  expect(kept.body.count).toBe(COUNT - valid.length);

  const again = valid.slice(0, 200);
  const replayed = await sendAll(again);
  for (const n of again) expect(replayed.get(n)).toEqual(answers.get(n));
  const db2 = new Database(served.statePath, { readonly: true });
  try {
    expect((db2.prepare('SELECT count(*) AS n FROM decisions').get() as { n: number }).n).toBe(valid.length);
  } finally {
    db2.close();
  }
});
