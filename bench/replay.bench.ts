// Benchmark: review of rule changes. (1) `dist diff --replay`'s engine work:
// 100,000 events through a generated 1,000-rule project (1,000 users, round
// robin) under two versions (the head version narrows every tenth rule with
// `lead.score >= 60`, so part of the traffic flows elsewhere), events per second
// of the whole replay (both versions, both decisions compared). (2) The cost of
// shadow mode on live latency: the same 1,000 events posted one at a time to
// `dist serve` (in process, SQLite state) with and without a shadow of the head
// version, p50 and p99 of the answer time.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { compileProject } from '../compiler/compile';
import { loadProject } from '../compiler/node/project';
import { replayEvents, type ReplayEvent, type ReplayVersion } from '../runtime/replay';
import { parseServeConfig } from '../server/config';
import { startServer } from '../server/server';
import { generateProject, recordFor } from './generate-project';
import { median, report } from './measure';

const RULES = 1_000;
const EVENTS = 100_000;
const POSTS = 1_000;

type Project = ReturnType<typeof generateProject>;

/** The head version: every tenth rule also wants a score of 60 (the events carry 50). */
function headOf(project: Project): Project {
  let n = 0;
  const sources = project.sources.map((s) => ({ ...s, text: s.text.replace(/\n {2}when /g, (m) => (n++ % 10 === 0 ? '\n  when lead.score >= 60 and ' : m)) }));
  return { ...project, sources };
}

function version(project: Project): ReplayVersion {
  const compiled = compileProject({ sources: project.sources, directory: project.directory });
  if (!compiled.program || !compiled.directory) throw new Error('the generated project does not compile');
  return { program: compiled.program, directory: compiled.directory };
}

function* events(count: number): Generator<ReplayEvent> {
  let random = 1;
  const start = Date.UTC(2026, 10, 23, 5);
  for (let i = 0; i < count; i++) {
    random = (random * 48271) % 2147483647;
    yield { event: { id: `e${i}`, type: 'lead.created', record: { id: `r${i}`, ...recordFor(random % RULES) } }, at: start + i * 100 };
  }
}

/** Runs both parts and prints their figures. */
export async function benchReplay(): Promise<void> {
  const base = generateProject(RULES, 1000, 50, 'round_robin');
  const head = headOf(base);
  const started = performance.now();
  const result = await replayEvents(version(base), version(head), events(EVENTS), { examples: 1 });
  const seconds = (performance.now() - started) / 1000;
  const rows: [string, string][] = [
    ['replay', `${EVENTS.toLocaleString('en')} events in ${seconds.toFixed(1)} s: ${Math.round(EVENTS / seconds).toLocaleString('en')} events/s (two decisions each)`],
    ['', `${result.changed.toLocaleString('en')} events change, ${result.flows.length} flows`],
  ];
  const plain = await postLatency(base, null);
  const shadowed = await postLatency(base, head);
  rows.push(['live latency', `without a shadow p50 ${plain.p50.toFixed(2)} ms, p99 ${plain.p99.toFixed(2)} ms`]);
  rows.push(['', `with a shadow    p50 ${shadowed.p50.toFixed(2)} ms, p99 ${shadowed.p99.toFixed(2)} ms (ratio p50 ${(shadowed.p50 / plain.p50).toFixed(2)})`]);
  report(`review: ${RULES.toLocaleString('en')} rules, 1,000 users, round robin`, rows);
}

/** p50/p99 of posting POSTS events one at a time to a server of `live`, with `shadow` as its shadow. */
async function postLatency(live: Project, shadow: Project | null): Promise<{ p50: number; p99: number }> {
  const root = mkdtempSync(path.join(tmpdir(), 'dist-bench-shadow-'));
  const write = (folder: string, project: Project) => {
    for (const file of [...project.sources, project.directory]) {
      mkdirSync(path.dirname(path.join(folder, file.file)), { recursive: true });
      writeFileSync(path.join(folder, file.file), file.text);
    }
  };
  write(root, live);
  if (shadow) write(path.join(root, 'candidate'), shadow);
  try {
    const loaded = await loadProject(root);
    const config = parseServeConfig(loaded.config).config!;
    const server = await startServer({ project: loaded.config, config, host: '127.0.0.1', port: 0, state: `sqlite:${path.join(root, '.dist', 'state.db')}`, logger: pino({ level: 'silent' }), env: {}, watch: false, ...(shadow ? { shadow: path.join(root, 'candidate') } : {}) });
    const times: number[] = [];
    let i = 0;
    for (const { event } of events(POSTS)) {
      const t = performance.now();
      const response = await fetch(`${server.url}/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...event, id: `p${i++}` }) });
      await response.text();
      times.push(performance.now() - t);
    }
    await server.close();
    times.sort((a, b) => a - b);
    return { p50: median(times), p99: times[Math.floor(times.length * 0.99)]! };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
