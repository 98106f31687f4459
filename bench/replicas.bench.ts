// Benchmark: several `dist serve` replicas on one PostgreSQL database
// (DIST_TEST_POSTGRES_URL, or postgres://postgres@127.0.0.1:5432/test). For 1, 2
// and 4 replicas, each on a fresh schema, autocannon posts unique `lead.created`
// events on loopback (32 connections in all, split evenly over the replicas) for
// 5 s after a 2 s warm-up, two ways: spread over 20 round-robin rules with users
// of their own, and concentrated on one hot rule. Prints events/s, the worst
// replica's p99, and the hot rule's ceiling: one rule's decisions are serialised
// by its lock across every replica, so that traffic cannot go faster than one
// decision per lock hold, however many replicas run.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { postEvents, startServer } from './http.bench';
import { report } from './measure';

const URL_ENV = 'DIST_TEST_POSTGRES_URL';
const CONNECTIONS = 32;
const DURATION_S = 5;
const WARMUP_S = 2;
const RULES = 20;
const USERS_PER_RULE = 5;

type Traffic = 'spread' | 'hot';

/** Runs the replicas benchmark and prints its figures. */
export async function benchReplicas(): Promise<void> {
  const base = process.env[URL_ENV] || 'postgres://postgres@127.0.0.1:5432/test';
  const root = writeProject();
  const rows: [string, string][] = [];
  const schemas: string[] = [];
  try {
    for (const traffic of ['spread', 'hot'] as const) {
      for (const replicas of [1, 2, 4]) {
        const schema = `dist_bench_${randomBytes(4).toString('hex')}`;
        schemas.push(schema);
        const url = new URL(base);
        url.searchParams.set('schema', schema);
        const figures = await run(root, url.toString(), replicas, traffic);
        rows.push([`${traffic === 'spread' ? `spread over ${RULES} rules` : 'one hot rule'}, ${replicas} replica${replicas > 1 ? 's' : ''}`, figures]);
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
    await dropSchemas(base, schemas);
  }
  rows.push(['machine load (1 min)', (loadavg()[0] as number).toFixed(1)]);
  report(`replicas: POST /v1/events on one PostgreSQL database, ${CONNECTIONS} connections in all, ${DURATION_S} s`, rows);
}

async function run(root: string, url: string, replicas: number, traffic: Traffic): Promise<string> {
  const servers: Awaited<ReturnType<typeof startServer>>[] = [];
  for (let i = 0; i < replicas; i++) servers.push(await startServer(root, ['--state', url]));
  try {
    const counter = { n: 0 };
    const load = (seconds: number) =>
      Promise.all(servers.map((server) => postEvents(server.url, CONNECTIONS / replicas, seconds, counter, (n) => ({ source: traffic === 'hot' ? 'S0' : `S${n % RULES}` }))));
    await load(WARMUP_S);
    const results = await load(DURATION_S);
    const ok = results.reduce((sum, r) => sum + r['2xx'], 0);
    const failed = results.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0);
    const p99 = Math.max(...results.map((r) => r.latency.p99));
    return `${Math.round(ok / DURATION_S).toLocaleString('en')} events/s, p99 ${p99} ms${failed ? `, ${failed} failed` : ''}`;
  } finally {
    for (const server of servers) await server.stop();
  }
}

function writeProject(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'dist-replicas-bench-'));
  const rules: string[] = ['schema lead {\n  source: text\n}\n\nsettings {\n  timezone "UTC"\n  unmatched queue "triage"\n}\n'];
  const users: string[] = ['users:'];
  for (let r = 0; r < RULES; r++) {
    const ids = Array.from({ length: USERS_PER_RULE }, (_, u) => `u${r}-${u}@acme.test`);
    for (const id of ids) users.push(`  - { id: ${id}, name: ${id} }`);
    rules.push(`rule "R${r}" {\n  priority ${r + 1}\n  on lead.created\n  when lead.source == "S${r}"\n  assign users ${ids.map((id) => `"${id}"`).join(', ')}\n  distribute round_robin\n}\n`);
  }
  mkdirSync(path.join(root, 'rules'));
  writeFileSync(path.join(root, 'rules', 'main.dist'), rules.join('\n'));
  writeFileSync(path.join(root, 'directory.yaml'), `${users.join('\n')}\n`);
  writeFileSync(path.join(root, 'dist.yaml'), 'server:\n  port: 0\n');
  return root;
}

async function dropSchemas(base: string, schemas: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
