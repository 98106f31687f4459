// Benchmark: the dashboard over a large decision log. A generated project (20
// rules, a third of them scoped to a team; 200 users) decides 500 real events
// into a SQLite state file, with provenance as `dist serve` logs them; their
// decisions and record states are then written again through the store's own
// write path (decision rows, user rows and per-hour rollups), in transactions of
// 5,000, with fresh ids, records and events, spread over 30 days, up to
// DASHBOARD_DECISIONS (default 1,000,000) decisions. DASHBOARD_STATE=PATH keeps
// the filled file at PATH and reuses it on later runs (a file of an older schema
// is migrated when the server opens it, and the migration is timed). A server
// over that file then answers `GET /v1/stats` (last 7 days, everything, a team)
// and log pages (first page, filtered by rule, user, outcome, entity and team);
// in headless Chromium (when /usr/bin/chromium exists) the dashboard's first
// load is timed from navigation to figures and log shown.
// Targets: the stats query < 100 ms, the first load < 1 s. On a loaded machine
// the CPU time of each request is printed beside its wall-clock time.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { chromium } from 'playwright-core';
import { compileProject, createEngine, createSqliteStore, loadProject, type Decision } from '../api';
import { keys } from '../runtime/state-keys';
import { inTransaction } from '../runtime/state/store';
import { openStateDatabase } from '../runtime/state/sqlite-schema';
import { parseServeConfig } from '../server/config';
import { startServer } from '../server/server';
import { generateProject, recordFor } from './generate-project';
import { figure, median, report } from './measure';

const SEEDS = 500;
const BATCH = 5_000;
const DAY = 86_400_000;
const CHROMIUM = '/usr/bin/chromium';
const STATS_TARGET_MS = 100;
const LOAD_TARGET_MS = 1000;

/** Runs the dashboard benchmark and prints its figures. */
export async function benchDashboard(): Promise<void> {
  const total = Number(process.env.DASHBOARD_DECISIONS ?? 1_000_000);
  const kept = process.env.DASHBOARD_STATE;
  const root = mkdtempSync(path.join(tmpdir(), 'dist-bench-dashboard-'));
  try {
    const project = generateProject(20, 200, 10, undefined, true);
    mkdirSync(path.join(root, 'rules'));
    for (const file of [...project.sources, project.directory]) writeFileSync(path.join(root, file.file), file.text);
    const statePath = kept ? path.resolve(kept) : path.join(root, '.dist', 'state.db');
    let setUp: [string, string];
    if (kept && existsSync(statePath)) {
      const started = performance.now();
      openStateDatabase(statePath).close();
      setUp = [`open the kept log ${statePath} (migrating it if older)`, `${((performance.now() - started) / 1000).toFixed(1)} s`];
    } else {
      mkdirSync(path.dirname(statePath), { recursive: true });
      const started = performance.now();
      await fillLog(project, statePath, total, Date.now());
      setUp = ['fill the log (bench set-up)', `${((performance.now() - started) / 1000).toFixed(1)} s`];
    }
    const now = await newestDecision(statePath);

    const loaded = await loadProject(root);
    const config = parseServeConfig(loaded.config).config;
    if (!config) throw new Error('the generated project has no valid serve config');
    const server = await startServer({ project: loaded.config, config, host: '127.0.0.1', port: 0, state: `sqlite:${statePath}`, logger: pino({ level: 'silent' }), env: {}, watch: false });
    try {
      const week = `from=${new Date(now - 7 * DAY).toISOString()}&to=${new Date(now + DAY).toISOString()}`;
      // The dashboard asks for whole days (here UTC days): the last 7 up to the newest decision's.
      const today = Math.floor(now / DAY) * DAY;
      const days = `from=${new Date(today - 6 * DAY).toISOString()}&to=${new Date(today + DAY).toISOString()}`;
      // Wall-clock and CPU time (of this process: the server and its client) per request, medians of 3.
      const timed = async (route: string) => {
        const times: number[] = [];
        const cpu: number[] = [];
        let body: Record<string, unknown> = {};
        for (let i = 0; i < 3; i++) {
          const start = performance.now();
          const used = process.cpuUsage();
          const answer = await fetch(`${server.url}${route}`);
          body = (await answer.json()) as Record<string, unknown>;
          if (!answer.ok) throw new Error(`${route}: HTTP ${answer.status} ${JSON.stringify(body)}`);
          const spent = process.cpuUsage(used);
          cpu.push((spent.user + spent.system) / 1000);
          times.push(performance.now() - start);
        }
        return { ms: median(times), cpuMs: median(cpu), body };
      };
      const target = (name: string, ms: number, limit: number) => {
        figure(`dashboard: ${name}`, Math.round(ms), 'ms');
        return `${ms.toFixed(0)} ms — ${(ms / limit).toFixed(2)} of the ${limit} ms target${ms < limit ? '' : ', not met'}`;
      };
      const cpuOf = (name: string, cpuMs: number) => `CPU ${figure(`dashboard: ${name}, CPU time`, Math.round(cpuMs), 'ms')} ms`;
      const rows: [string, string][] = [setUp];
      for (const [name, route] of [
        ['stats, last 7 days (to the ms)', `/v1/stats?${week}`],
        ['stats, last 7 whole days', `/v1/stats?${days}`],
        ['stats, everything', '/v1/stats'],
        ['stats, last 7 days (to the ms), team Team 0', `/v1/stats?${week}&team=Team%200`],
      ] as const) {
        const { ms, cpuMs, body } = await timed(route);
        rows.push([`GET /v1/stats: ${name}`, `${target(name, ms, STATS_TARGET_MS)}; ${cpuOf(name, cpuMs)} (${body.decisions} decisions, truncated: ${body.truncated})`]);
      }
      for (const [name, filter] of [
        ['first page', ''],
        ['rule', '&rule=Rule%203'],
        ['user', '&user=u3%40acme.test'],
        ['outcome', '&outcome=assigned'],
        ['entity', '&entity=lead'],
        ['team', '&team=Team%200'],
      ] as const) {
        const { ms, cpuMs, body } = await timed(`/v1/decisions?${week}&limit=50${filter}`);
        rows.push([`GET /v1/decisions, 50 of the last 7 days: ${name}`, `${figure(`dashboard: log page, ${name}`, Math.round(ms), 'ms')} ms; ${cpuOf(`log page, ${name}`, cpuMs)} (${(body.decisions as unknown[]).length} shown)`]);
      }
      const firstLoad = existsSync(CHROMIUM) ? await dashboardLoad(server.url) : null;
      rows.push(['dashboard first load (Chromium)', firstLoad === null ? `skipped: ${CHROMIUM} is missing` : target('first load in Chromium', firstLoad, LOAD_TARGET_MS)]);
      report(`dashboard: ${(await countDecisions(statePath)).toLocaleString('en')} decisions in SQLite`, rows);
    } finally {
      await server.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Decides SEEDS real events, then writes their decisions and record states again up to `total`, spread over 30 days before `now`. */
async function fillLog(project: ReturnType<typeof generateProject>, statePath: string, total: number, now: number): Promise<void> {
  const compiled = compileProject({ sources: project.sources, directory: project.directory });
  if (!compiled.program || !compiled.directory) throw new Error('the generated project does not compile');
  const store = await createSqliteStore(statePath);
  try {
    const engine = createEngine({ program: compiled.program, directory: compiled.directory, store, clock: () => now, provenance: true });
    const seeds: Decision[] = [];
    for (let i = 0; i < SEEDS; i++) {
      const decided = await engine.decide({ id: `seed-${i}`, type: 'lead.created', record: { id: `S${i}`, ...recordFor(i % 20) } });
      if (decided.ok) seeds.push(decided.decision);
    }
    const states = await inTransaction(store, (tx) => tx.getMany(seeds.map((d) => keys.record(d.entity, d.recordId))));
    const spacing = (30 * DAY) / total;
    for (let start = 0; start < total; start += BATCH) {
      await inTransaction(store, async (tx) => {
        for (let k = start; k < Math.min(total, start + BATCH); k++) {
          const i = k % seeds.length;
          const seed = seeds[i] as Decision;
          const recordId = `B${k}`;
          const eventId = `ev-${k}`;
          await tx.appendDecision({ ...seed, id: `b-${k}`, eventId, recordId, decidedAt: Math.round(now - 30 * DAY + k * spacing) });
          const state = states[i] as Record<string, unknown>;
          await tx.put(keys.record(seed.entity, recordId), { ...state, id: recordId, firstEventId: eventId } as never);
        }
      });
    }
  } finally {
    await store.close();
  }
}

async function newestDecision(statePath: string): Promise<number> {
  const db = openStateDatabase(statePath);
  try {
    return (db.prepare('SELECT MAX(decided_at) FROM decisions').pluck().get() as number | null) ?? Date.now();
  } finally {
    db.close();
  }
}

async function countDecisions(statePath: string): Promise<number> {
  const db = openStateDatabase(statePath);
  try {
    return db.prepare('SELECT MAX(seq) FROM decisions').pluck().get() as number;
  } finally {
    db.close();
  }
}

/** Milliseconds from navigating to `/` until the figures and the first log row are shown (median of 3 fresh pages). */
async function dashboardLoad(url: string): Promise<number> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const start = performance.now();
      await page.goto(`${url}/`);
      await page.locator('[data-figure="records_created"] .value').waitFor({ timeout: 60_000 });
      await page.locator('#decisions tbody tr').first().waitFor({ timeout: 60_000 });
      times.push(performance.now() - start);
      await context.close();
    }
    return median(times);
  } finally {
    await browser.close();
  }
}
