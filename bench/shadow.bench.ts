// Benchmark: the cost of shadow mode on live latency. Two `dist serve` servers
// in this process over the generated 1,000-rule project of replay.bench.ts
// (SQLite state each), one with the head version as its shadow. The same load
// generator posts the same events one at a time to each, in alternating blocks
// (so both see the same machine load); after a block on the shadowed server its
// shadow finishes its backlog before the next block starts, so the shadow's
// work never lands on the other server's figures. p50 and p99 of the answer
// time of each. `SHADOW_POSTS=N` (default 1,000 per server) sets the load.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadProject } from '../compiler/node/project';
import type { ReplayEvent } from '../runtime/replay';
import { parseServeConfig } from '../server/config';
import { startServer, type RunningServer } from '../server/server';
import { baseProject, events, headOf, RULES, type Project } from './replay.bench';
import { count, figure, median, report } from './measure';

const POSTS = Number(process.env.SHADOW_POSTS ?? 1_000);
const BLOCK = 50;

/** Posts the same events to a server without and one with a shadow and prints both latencies. */
export async function benchShadow(): Promise<void> {
  if (!Number.isInteger(POSTS) || POSTS < BLOCK) throw new Error(`SHADOW_POSTS must be a whole number of at least ${BLOCK}, got ${process.env.SHADOW_POSTS}`);
  const base = baseProject();
  const root = mkdtempSync(path.join(tmpdir(), 'dist-bench-shadow-'));
  const servers: RunningServer[] = [];
  try {
    const plain = await serve(path.join(root, 'plain'), base, null);
    servers.push(plain);
    const shadowed = await serve(path.join(root, 'shadowed'), base, headOf(base));
    servers.push(shadowed);
    const times = { plain: [] as number[], shadowed: [] as number[] };
    const stream = [...events(POSTS)];
    for (let start = 0; start < POSTS; start += BLOCK) {
      const block = stream.slice(start, start + BLOCK);
      await post(plain, block, times.plain);
      await post(shadowed, block, times.shadowed);
      await shadowed.context.shadow!.idle();
    }
    const a = percentiles(times.plain);
    const b = percentiles(times.shadowed);
    figure('shadow: live p50 without a shadow', a.p50, 'ms');
    figure('shadow: live p99 without a shadow', a.p99, 'ms');
    figure('shadow: live p50 with a shadow', b.p50, 'ms');
    figure('shadow: live p99 with a shadow', b.p99, 'ms');
    const shadow = shadowed.context.shadow!.report();
    report(`shadow: ${count(RULES)} rules, ${count(POSTS)} events posted one at a time to each server`, [
      ['without a shadow', `p50 ${a.p50.toFixed(1)} ms, p99 ${a.p99.toFixed(1)} ms`],
      ['with a shadow', `p50 ${b.p50.toFixed(1)} ms, p99 ${b.p99.toFixed(1)} ms (p50 ×${(b.p50 / a.p50).toFixed(2)}, p99 ×${(b.p99 / a.p99).toFixed(2)})`],
      ['shadow', `${count(Number(shadow.compared))} compared, ${count(Number(shadow.diverged))} diverged`],
    ]);
  } finally {
    for (const server of servers) await server.close();
    rmSync(root, { recursive: true, force: true });
  }
}

/** A server of `live` in `folder`, with `shadow` (written to `folder/candidate`) as its shadow. */
async function serve(folder: string, live: Project, shadow: Project | null): Promise<RunningServer> {
  const write = (into: string, project: Project) => {
    for (const file of [...project.sources, project.directory]) {
      mkdirSync(path.dirname(path.join(into, file.file)), { recursive: true });
      writeFileSync(path.join(into, file.file), file.text);
    }
  };
  write(folder, live);
  if (shadow) write(path.join(folder, 'candidate'), shadow);
  const loaded = await loadProject(folder);
  const config = parseServeConfig(loaded.config).config!;
  return startServer({
    project: loaded.config,
    config,
    host: '127.0.0.1',
    port: 0,
    state: `sqlite:${path.join(folder, '.dist', 'state.db')}`,
    logger: pino({ level: 'silent' }),
    env: {},
    watch: false,
    ...(shadow ? { shadow: path.join(folder, 'candidate') } : {}),
  });
}

/** Posts `block` one event at a time and appends each answer time (ms) to `into`. */
async function post(server: RunningServer, block: readonly ReplayEvent[], into: number[]): Promise<void> {
  for (const { event } of block) {
    const t = performance.now();
    const response = await fetch(`${server.url}/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) });
    await response.text();
    if (!response.ok) throw new Error(`POST /v1/events answered ${response.status}`);
    into.push(performance.now() - t);
  }
}

function percentiles(times: number[]): { p50: number; p99: number } {
  const sorted = [...times].sort((x, y) => x - y);
  return { p50: median(sorted), p99: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))]! };
}
