// Nothing is lost when the process dies (API.md "Nothing is lost"): `dist serve`
// is killed with SIGKILL at random points under concurrent load, restarted, and
// every event is sent again. Then every event answered 2xx has exactly one
// decision — the one it was answered —, no event has two, the round-robin
// rotation matches the decision log, the database passes `PRAGMA
// integrity_check`, and SIGTERM shuts the server down with exit code 0.
import { rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli, spawnServe, type ServeChild } from './child';
import { lead, removeProject, writeProject } from './helpers';

const USERS = ['a@x.test', 'b@x.test', 'c@x.test'];
const CONCURRENCY = 16;
const MAX_CYCLES = 5;
const BUDGET_MS = 9000;

let bundle: string;
let root: string;
const children: ServeChild[] = [];

beforeAll(async () => {
  bundle = await bundleCli();
  root = writeProject();
});

afterAll(() => {
  for (const { child } of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  removeProject(root);
  rmSync(path.dirname(bundle), { recursive: true, force: true });
});

async function post(url: string, id: string): Promise<{ status: number; decision: string; assigned: string[] } | null> {
  try {
    const res = await fetch(`${url}/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(lead(id)) });
    const body = (await res.json()) as { decision_id: string; assigned: string[] };
    return { status: res.status, decision: body.decision_id, assigned: body.assigned };
  } catch {
    return null;
  }
}

async function start(): Promise<ServeChild> {
  const child = await spawnServe(bundle, root);
  children.push(child);
  return child;
}

describe('crash safety', () => {
  it('keeps every acknowledged decision, exactly once, through SIGKILLs under load', async () => {
    const acknowledged = new Map<string, string>();
    let sent = 0;
    const started = Date.now();
    let cycles = 0;
    while (cycles < MAX_CYCLES && (cycles < 2 || Date.now() - started < BUDGET_MS)) {
      cycles++;
      const server = await start();
      let running = true;
      const senders = Array.from({ length: CONCURRENCY }, async () => {
        while (running) {
          const id = `ev-${sent++}`;
          const answer = await post(server.url, id);
          if (answer === null) return;
          if (answer.status === 200) acknowledged.set(id, answer.decision);
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 150 + Math.random() * 500));
      server.child.kill('SIGKILL');
      running = false;
      await Promise.all(senders);
      expect(await server.exited).toBeNull();
    }
    expect(acknowledged.size).toBeGreaterThan(0);

    const last = await start();
    const ids = Array.from({ length: sent }, (_, i) => `ev-${i}`);
    for (let i = 0; i < ids.length; i += CONCURRENCY) {
      const answers = await Promise.all(ids.slice(i, i + CONCURRENCY).map((id) => post(last.url, id)));
      answers.forEach((answer, j) => {
        const id = ids[i + j] as string;
        expect(answer?.status, id).toBe(200);
        if (acknowledged.has(id)) expect(answer?.decision, id).toBe(acknowledged.get(id));
      });
    }
    last.child.kill('SIGTERM');
    expect(await last.exited).toBe(0);
    expect(last.lines.some((line) => line.includes('"step":"stop"') && line.includes('stopped'))).toBe(true);

    const db = new Database(path.join(root, '.dist', 'state.db'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = db.prepare('SELECT id, event_id, assigned FROM decisions ORDER BY seq').all() as { id: string; event_id: string; assigned: string }[];
      expect(rows).toHaveLength(sent);
      expect(new Set(rows.map((r) => r.event_id)).size).toBe(sent);
      for (const [event, decision] of acknowledged) expect(rows.find((r) => r.event_id === event)?.id).toBe(decision);
      // Round robin over three always-eligible users: the log is a, b, c, a, b, c, … and the rotation is where the log left it.
      rows.forEach((row, i) => expect(JSON.parse(row.assigned), row.id).toEqual([USERS[i % 3]]));
      const rotation = db.prepare("SELECT value FROM kv WHERE key = 'rr/web/pool'").pluck().get() as string;
      expect(JSON.parse(rotation)[0]).toBe(USERS[rows.length % 3]);
    } finally {
      db.close();
    }
  });
});
