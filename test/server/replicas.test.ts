// Several `dist serve` processes on one PostgreSQL database behave as one
// (docs/server.md "Replicas"). Three replicas on loopback share a fresh schema;
// 1,200 concurrent events split across them on one weighted rotation and one
// round robin: every event gets exactly one decision, the assignments in log
// order are exactly those of one engine deciding the events one by one (so no
// slot is handed out twice), and the per-user counts are those of complete
// cycles. Then one replica is SIGKILLed mid-load, what it had not acknowledged
// is sent to another, and still nothing is lost or doubled. Last, a user
// deactivated over the API on one replica is skipped by the others.
import { rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openProject } from '../../api';
import type { Decision } from '../../runtime/types';
import { describePostgres, freshSchemaUrl } from '../helpers/postgres';
import { bundleCli, spawnServe, type ServeChild } from './child';
import { removeProject, writeProject } from './helpers';

const WEIGHTED = ['a@x.test', 'b@x.test', 'c@x.test'];
const ROUND = ['d@x.test', 'e@x.test', 'f@x.test', 'g@x.test'];

const RULES = `schema lead {
  source: text
}

settings {
  timezone "UTC"
  unmatched queue "triage"
}

rule "Weighted" {
  priority 10
  on lead.created
  when lead.source == "Weighted"
  assign users ${WEIGHTED.map((u) => `"${u}"`).join(', ')}
  distribute weighted { "a@x.test": 3, "b@x.test": 2, "c@x.test": 1 }
}

rule "Round" {
  priority 20
  on lead.created
  when lead.source == "Round"
  assign users ${ROUND.map((u) => `"${u}"`).join(', ')}
  distribute round_robin
}
`;

const DIRECTORY = `users:\n${[...WEIGHTED, ...ROUND].map((id) => `  - { id: ${id}, name: ${id} }`).join('\n')}\n`;
const CONCURRENCY = 48;

type Sent = { id: string; source: 'Weighted' | 'Round' };
type Answer = { status: number; decision: string; assigned: string[]; duplicate: boolean };

async function post(url: string, event: Sent): Promise<Answer | null> {
  try {
    const res = await fetch(`${url}/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: event.id, type: 'lead.created', record: { id: `L-${event.id}`, source: event.source } }),
    });
    const body = (await res.json()) as { decision_id: string; assigned: string[]; duplicate?: boolean };
    return { status: res.status, decision: body.decision_id, assigned: body.assigned, duplicate: body.duplicate === true };
  } catch {
    return null;
  }
}

/** Sends every event to the replica `pick` chooses, CONCURRENCY at a time; null answers are the ones that got none. */
async function sendAll(events: readonly Sent[], pick: (i: number) => string, onSent?: (count: number) => void): Promise<(Answer | null)[]> {
  const answers: (Answer | null)[] = new Array(events.length).fill(null);
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < events.length) {
        const i = next++;
        answers[i] = await post(pick(i), events[i] as Sent);
        onSent?.(i);
      }
    }),
  );
  return answers;
}

function batch(prefix: string, weighted: number, round: number): Sent[] {
  const events: Sent[] = [];
  for (let i = 0; i < Math.max(weighted, round); i++) {
    if (i < weighted) events.push({ id: `${prefix}-w${i}`, source: 'Weighted' });
    if (i < round) events.push({ id: `${prefix}-r${i}`, source: 'Round' });
  }
  return events;
}

/** The assignments one engine makes for `count` events of a source, in order. */
async function reference(root: string, source: string, count: number): Promise<string[]> {
  const { engine, store } = await openProject(root, { state: 'memory:' });
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const result = await engine.decide({ id: `ref-${i}`, type: 'lead.created', record: { id: `R-${i}`, source } });
    if (!result.ok) throw new Error('reference event refused');
    out.push(result.decision.assigned.join('+'));
  }
  await store.close();
  return out;
}

function counts(list: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const user of list) out[user] = (out[user] ?? 0) + 1;
  return out;
}

describePostgres('replicas on one PostgreSQL database', (base) => {
  let bundle: string;
  let root: string;
  let url: string;
  const children: ServeChild[] = [];

  beforeAll(async () => {
    bundle = await bundleCli();
    root = writeProject({ rules: RULES, directory: DIRECTORY });
    url = freshSchemaUrl(base);
  });

  afterAll(() => {
    for (const { child } of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    removeProject(root);
    rmSync(path.dirname(bundle), { recursive: true, force: true });
  });

  const start = async () => {
    const child = await spawnServe(bundle, root, {}, ['--state', url]);
    children.push(child);
    return child;
  };

  /** Every decision in the log, oldest first. */
  const logged = async (): Promise<Decision[]> => {
    const schema = new URL(url).searchParams.get('schema') as string;
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      const { rows } = await client.query<{ body: string }>(`SELECT body FROM "${schema}".decisions ORDER BY seq`);
      return rows.map((row) => JSON.parse(row.body) as Decision);
    } finally {
      await client.end();
    }
  };

  const check = async (sent: readonly Sent[], acknowledged: ReadonlyMap<string, string>, cycles: { weighted: number; round: number }) => {
    const log = await logged();
    const byEvent = new Map<string, Decision[]>();
    for (const d of log) byEvent.set(d.eventId, [...(byEvent.get(d.eventId) ?? []), d]);
    expect(log).toHaveLength(sent.length);
    expect(sent.filter((e) => byEvent.get(e.id)?.length !== 1)).toEqual([]);
    expect([...acknowledged].filter(([event, decision]) => byEvent.get(event)?.[0]?.id !== decision)).toEqual([]);
    const sequence = (ruleId: string) => log.filter((d) => d.ruleId === ruleId).map((d) => d.assigned.join('+'));
    const weighted = sequence('weighted');
    const round = sequence('round');
    expect(weighted).toEqual(await reference(root, 'Weighted', weighted.length));
    expect(round).toEqual(await reference(root, 'Round', round.length));
    expect(counts(weighted)).toEqual({ 'a@x.test': 3 * cycles.weighted, 'b@x.test': 2 * cycles.weighted, 'c@x.test': cycles.weighted });
    expect(counts(round)).toEqual(Object.fromEntries(ROUND.map((u) => [u, cycles.round])));
  };

  it('decides 1,200 concurrent events on three replicas exactly once, fair to the slot, and survives a SIGKILL', { timeout: 240_000 }, async () => {
    const replicas = await Promise.all([start(), start(), start()]);
    const first = batch('one', 600, 600);
    const answers = await sendAll(first, (i) => (replicas[i % 3] as ServeChild).url);
    expect(answers.filter((a) => a?.status !== 200)).toEqual([]);
    const acknowledged = new Map(first.map((e, i) => [e.id, (answers[i] as Answer).decision]));
    expect(new Set(acknowledged.values()).size).toBe(first.length);
    await check(first, acknowledged, { weighted: 100, round: 150 });

    // Second load: replica 0 is killed a third of the way in; what it did not answer goes to replica 1.
    const second = batch('two', 300, 400);
    const victim = replicas[0] as ServeChild;
    let killed = false;
    const answers2 = await sendAll(
      second,
      (i) => (replicas[killed ? 1 + (i % 2) : i % 3] as ServeChild).url,
      (i) => {
        if (!killed && i >= second.length / 3) {
          killed = true;
          victim.child.kill('SIGKILL');
        }
      },
    );
    expect(await victim.exited).toBeNull();
    const lost = second.filter((_, i) => answers2[i]?.status !== 200);
    expect(lost.length).toBeGreaterThan(0);
    const resent = await sendAll(lost, () => (replicas[1] as ServeChild).url);
    expect(resent.filter((a) => a?.status !== 200)).toEqual([]);
    lost.forEach((e, i) => (answers2[second.indexOf(e)] = resent[i] as Answer));
    second.forEach((e, i) => acknowledged.set(e.id, (answers2[i] as Answer).decision));
    await check([...first, ...second], acknowledged, { weighted: 150, round: 250 });

    // A directory change on one replica reaches the others through the database.
    const patched = await fetch(`${(replicas[1] as ServeChild).url}/v1/users/g@x.test`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ active: false }),
    });
    expect(patched.status).toBe(200);
    const other = replicas[2] as ServeChild;
    await expect
      .poll(async () => ((await (await fetch(`${other.url}/readyz`)).json()) as { reload: { trigger: string } }).reload.trigger, { timeout: 5000 })
      .toBe('directory');
    const after = await sendAll(batch('three', 0, 6), () => other.url);
    expect(after.flatMap((a) => a?.assigned ?? ['none'])).not.toContain('g@x.test');
    expect(after.filter((a) => a?.status !== 200)).toEqual([]);
  });
});
