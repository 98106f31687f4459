// SIGTERM under load (docs/server.md "Starting and stopping"): 32 clients on
// keep-alive connections keep posting events; every request the server has taken
// is answered — decided (200) or, once it is stopping, 503 `not_ready` — and none
// is cut off (no ECONNRESET); the process exits 0 with every answered decision in
// the state file. A client that finds the port closed afterwards is refused at
// connect, as for any stopped server.
import { rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli, spawnServe, type ServeChild } from './child';
import { lead, removeProject, writeProject } from './helpers';

let bundle: string;
let root: string;
let server: ServeChild | null = null;

beforeAll(async () => {
  bundle = await bundleCli();
  root = writeProject();
});

afterAll(() => {
  if (server && server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
  removeProject(root);
  rmSync(path.dirname(bundle), { recursive: true, force: true });
});

type Outcome = { status: number; code?: string; decision?: string } | { error: string };

async function post(url: string, id: string): Promise<Outcome> {
  try {
    const res = await fetch(`${url}/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(lead(id)) });
    const body = (await res.json()) as { decision_id?: string; error?: { code: string } };
    return { status: res.status, code: body.error?.code, decision: body.decision_id };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return { error: cause?.code ?? String(error) };
  }
}

describe('SIGTERM under load', () => {
  it('answers every request it took, 200 or 503 not_ready, and exits 0', async () => {
    server = await spawnServe(bundle, root);
    const { url } = server;
    const outcomes = new Map<string, Outcome>();
    let sent = 0;
    let stopping = false;
    const senders = Array.from({ length: 32 }, async () => {
      for (;;) {
        const id = `ev-${sent++}`;
        const outcome = await post(url, id);
        outcomes.set(id, outcome);
        // A client told the server is stopping (503) or finding it gone goes elsewhere.
        if (stopping && ('error' in outcome || outcome.status === 503)) return;
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    stopping = true;
    server.child.kill('SIGTERM');
    await Promise.all(senders);
    expect(await server.exited).toBe(0);

    const all = [...outcomes.values()];
    const errors = all.filter((o): o is { error: string } => 'error' in o).map((o) => o.error);
    expect(errors.filter((code) => code !== 'ECONNREFUSED')).toEqual([]);
    const answered = all.filter((o): o is Exclude<Outcome, { error: string }> => !('error' in o));
    expect(answered.filter((o) => o.status === 200).length).toBeGreaterThan(0);
    expect(answered.filter((o) => o.status !== 200).every((o) => o.status === 503 && o.code === 'not_ready')).toBe(true);

    const db = new Database(path.join(root, '.dist', 'state.db'), { readonly: true });
    try {
      const decided = new Set((db.prepare('SELECT id FROM decisions').pluck().all() as string[]));
      for (const o of answered) if (o.status === 200) expect(decided.has(o.decision!)).toBe(true);
    } finally {
      db.close();
    }
  });
});
