// Benchmark: `dist serve` over HTTP with durable commits. A generated project
// (100 rules, 200 users) is served by a child process with its SQLite state
// (group commit in its worker thread, synchronous=FULL) and its JSON logs (read
// and dropped); autocannon on loopback posts unique `lead.created` events with
// 64 connections. Beside it, a bare fastify server in a child process that only
// parses the JSON body and answers: the ceiling of HTTP on this machine. After a
// 2 s warm-up of each, 3 rounds of 4 s alternate between the two, so a change of
// the machine's load touches both alike. Prints events/s, latency p50/p99, the
// server's CPU time per event, all threads and the event loop alone (from /proc,
// so the figure holds on a busy machine), the ratios to the aim of 10,000
// events/s and to the bare server, and checks that every 2xx answer has its
// decision in the log.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { generateProject } from './generate-project';
import { count, figure, report } from './measure';

const AIM = 10_000;
const CONNECTIONS = 64;
const ROUNDS = 3;
const ROUND_S = 4;
const WARMUP_S = 2;

/**
 * autocannon on `POST /v1/events` of `baseUrl` for `seconds`: unique `lead.created`
 * events `ev-<n>` for records `L<n>` with the fields `fields(n)`, numbered by
 * `counter` across calls (so a warm-up and the run never repeat an id).
 */
export function postEvents(baseUrl: string, connections: number, seconds: number, counter: { n: number }, fields: (n: number) => Record<string, unknown>): Promise<autocannon.Result> {
  return autocannon({
    url: `${baseUrl}/v1/events`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          const n = counter.n++;
          return { ...request, body: JSON.stringify({ id: `ev-${n}`, type: 'lead.created', record: { id: `L${n}`, ...fields(n) } }) };
        },
      },
    ],
  });
}

/** Runs the HTTP benchmark and prints its figures. */
export async function benchHttp(): Promise<void> {
  const root = writeGeneratedProject();
  const ceiling = await bareFastify();
  const server = await startServer(root);
  try {
    const counter = { n: 0 };
    const run = (seconds: number) =>
      postEvents(server.url, CONNECTIONS, seconds, counter, (n) => ({ source: n % 2 ? 'Website' : 'Partner', country: 'India', city: 'Mumbai', score: n % 100, language: 'en' }));
    const bareRun = bareLoad(`${ceiling.url}/v1/events`);
    await bareRun(WARMUP_S);
    await run(WARMUP_S);
    // Rounds alternate between the two servers, so a change of the machine's load touches both alike.
    let bareOk = 0;
    const rounds: autocannon.Result[] = [];
    let cpuMs = 0;
    let loopMs = 0;
    for (let round = 0; round < ROUNDS; round++) {
      bareOk += (await bareRun(ROUND_S))['2xx'];
      const before = { all: server.cpuMs(), loop: server.loopCpuMs() };
      rounds.push(await run(ROUND_S));
      cpuMs += server.cpuMs() - before.all;
      loopMs += server.loopCpuMs() - before.loop;
    }
    await ceiling.stop();
        const seconds = ROUNDS * ROUND_S;
    const ok = rounds.reduce((sum, r) => sum + r['2xx'], 0);
    const failed = ['non2xx', 'errors', 'timeouts'].map((field) => rounds.reduce((sum, r) => sum + (r[field as 'errors'] ?? 0), 0));
    const p50 = median(rounds.map((r) => r.latency.p50));
    const p99 = Math.max(...rounds.map((r) => r.latency.p99));
    const rate = ok / seconds;
    const bare = bareOk / seconds;
    const load = loadavg()[0] as number;
    await server.stop();
    const decisions = countDecisions(root);
    const perEvent = (ms: number) => `${(ms / ok).toFixed(3)} ms (${Math.round(ok / ms * 1000).toLocaleString('en')} events/s per core)`;
    figure('http.dist-serve.sqlite', rate, 'events/s');
    figure('http.dist-serve.latency-p99', p99, 'ms');
    figure('http.dist-serve.event-loop-cpu-per-event', loopMs / ok, 'ms');
    figure('http.bare-fastify', bare, 'requests/s');
    figure('http.ratio.dist-serve-over-bare-fastify', rate / bare, '×');
    figure('http.ratio.dist-serve-to-aim', rate / AIM, '×');
    report(`http: POST /v1/events, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${ROUND_S} s alternating with bare fastify, durable commits`, [
      ['events decided', ok.toLocaleString('en')],
      ['non-2xx answers, errors, timeouts', failed.join(', ')],
      ['events per second', Math.round(rate).toLocaleString('en')],
      ['latency p50 (median of rounds) / p99 (worst round)', `${p50} ms / ${p99} ms`],
      ['server CPU per event, all threads', perEvent(cpuMs)],
      ['  of which the event loop', perEvent(loopMs)],
      ['machine load (1 min)', load.toFixed(1)],
      ['decisions in the log (warm-up included)', `${decisions.toLocaleString('en')} (${decisions >= ok ? 'every 2xx has one' : 'MISSING DECISIONS'})`],
      ['vs aim 10,000 events/s', `${(rate / AIM).toFixed(2)}× of the aim`],
      ['bare fastify (parse JSON, answer), same load', `${count(bare)} requests/s: dist serve reaches ${(rate / bare).toFixed(2)}× of it`],
    ]);
  } finally {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

/** Posts of a small event to `url` for `seconds`, as many as the connections allow. */
function bareLoad(url: string): (seconds: number) => Promise<autocannon.Result> {
  const body = JSON.stringify({ id: 'ev', type: 'lead.created', record: { id: 'L', source: 'Website', country: 'India', city: 'Mumbai', score: 50, language: 'en' } });
  return (seconds) => autocannon({ url, connections: CONNECTIONS, method: 'POST', headers: { 'content-type': 'application/json' }, body, duration: seconds });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** A fastify server in a child process that parses the JSON body and answers `{ ok: true }`. */
async function bareFastify(): Promise<{ url: string; stop: () => Promise<void> }> {
  const script = `const app = require('fastify')({ logger: false });
app.post('/v1/events', async (request) => ({ ok: true, id: request.body.id }));
app.listen({ port: 0, host: '127.0.0.1' }).then((url) => console.log('listening on ' + url));`;
  const child = spawn(process.execPath, ['-e', script], { cwd: path.resolve(import.meta.dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(buffer);
      if (match) resolve(match[1]!);
    });
    void exited.then(() => reject(new Error('the bare fastify server exited before listening')));
  });
  return { url, stop: () => (child.kill('SIGTERM'), exited) };
}

function writeGeneratedProject(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'dist-http-bench-'));
  const project = generateProject(100, 200, 10);
  for (const file of [...project.sources, project.directory]) {
    mkdirSync(path.dirname(path.join(root, file.file)), { recursive: true });
    writeFileSync(path.join(root, file.file), file.text);
  }
  return root;
}

/** Starts `dist serve ROOT --port 0` (plus `args`) as a child process; resolves once it listens. */
export async function startServer(root: string, args: readonly string[] = []): Promise<{ url: string; cpuMs: () => number; loopCpuMs: () => number; stop: () => Promise<void> }> {
  const cli = path.resolve(import.meta.dirname, '..', 'cli', 'main.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'serve', root, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    const listen = (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = /listening on (http:\/\/[^"\s]+)/.exec(buffer);
      if (!match) return;
      child.stdout.off('data', listen);
      child.stdout.resume();
      resolve(match[1] as string);
    };
    child.stdout.on('data', listen);
    void exited.then(() => reject(new Error('dist serve exited before listening')));
  });
  let stopping: Promise<void> | null = null;
  return {
    url,
    cpuMs: () => processCpuMs(`/proc/${child.pid}/stat`),
    loopCpuMs: () => processCpuMs(`/proc/${child.pid}/task/${child.pid}/stat`),
    stop: () => {
      stopping ??= (child.kill('SIGTERM'), exited);
      return stopping;
    },
  };
}

/** User + system CPU time of a process, or of one of its threads (Linux /proc `stat` file; clock ticks of 10 ms). */
function processCpuMs(statFile: string): number {
  const fields = (readFileSync(statFile, 'utf8').split(') ')[1] as string).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function countDecisions(root: string): number {
  const db = new Database(path.join(root, '.dist', 'state.db'), { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM decisions').pluck().get() as number;
  } finally {
    db.close();
  }
}
