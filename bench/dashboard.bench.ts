// Benchmark: the dashboard over a large decision log. A generated project (20
// rules, 200 users) decides 500 real events into a SQLite state file; their
// decisions and record states are copied, with fresh ids spread over 30 days, up
// to DASHBOARD_DECISIONS (default 1,000,000) decisions. A server over that file
// then answers `GET /v1/stats` for the last 7 days and for everything, and the
// first page of the log; in headless Chromium (when /usr/bin/chromium exists)
// the dashboard's first load is timed from navigation to figures and log shown.
// Targets: the stats query < 100 ms, the first load < 1 s.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { chromium } from 'playwright-core';
import { compileProject, createEngine, createSqliteStore, loadProject, type Decision } from '../api';
import { keys } from '../runtime/state-keys';
import { inTransaction } from '../runtime/state/store';
import { parseServeConfig } from '../server/config';
import { startServer } from '../server/server';
import { generateProject, recordFor } from './generate-project';
import { median, report } from './measure';

const SEEDS = 500;
const BATCH = 5_000;
const DAY = 86_400_000;
const CHROMIUM = '/usr/bin/chromium';

/** Runs the dashboard benchmark and prints its figures. */
export async function benchDashboard(): Promise<void> {
  const total = Number(process.env.DASHBOARD_DECISIONS ?? 1_000_000);
  const root = mkdtempSync(path.join(tmpdir(), 'dist-bench-dashboard-'));
  try {
    const project = generateProject(20, 200, 10);
    mkdirSync(path.join(root, 'rules'));
    for (const file of [...project.sources, project.directory]) writeFileSync(path.join(root, file.file), file.text);
    const statePath = path.join(root, '.dist', 'state.db');
    mkdirSync(path.dirname(statePath));
    const now = Date.now();
    const filled = performance.now();
    await fillLog(project, statePath, total, now);
    const fillS = (performance.now() - filled) / 1000;

    const loaded = await loadProject(root);
    const config = parseServeConfig(loaded.config).config;
    if (!config) throw new Error('the generated project has no valid serve config');
    const server = await startServer({ project: loaded.config, config, host: '127.0.0.1', port: 0, state: `sqlite:${statePath}`, logger: pino({ level: 'silent' }), env: {}, watch: false });
    try {
      const week = `from=${new Date(now - 7 * DAY).toISOString()}&to=${new Date(now + DAY).toISOString()}`;
      const timed = async (route: string) => {
        const times: number[] = [];
        let body: Record<string, unknown> = {};
        for (let i = 0; i < 3; i++) {
          const start = performance.now();
          body = (await (await fetch(`${server.url}${route}`)).json()) as Record<string, unknown>;
          times.push(performance.now() - start);
        }
        return { ms: median(times), body };
      };
      const statsWeek = await timed(`/v1/stats?${week}`);
      const statsAll = await timed('/v1/stats');
      const log = await timed(`/v1/decisions?${week}&limit=50`);
      const firstLoad = existsSync(CHROMIUM) ? await dashboardLoad(server.url) : null;
      const mark = (ms: number, target: number) => `${ms.toFixed(0)} ms${ms < target ? '' : ' — not met'}`;
      report(`dashboard: ${total.toLocaleString('en')} decisions in SQLite`, [
        ['fill the log (bench set-up)', `${fillS.toFixed(1)} s`],
        ['GET /v1/stats, last 7 days', `${mark(statsWeek.ms, 100)} (target < 100 ms; truncated: ${statsWeek.body.truncated})`],
        ['GET /v1/stats, everything', `${mark(statsAll.ms, 100)} (truncated: ${statsAll.body.truncated})`],
        ['GET /v1/decisions, first page of 50', `${log.ms.toFixed(0)} ms`],
        ['dashboard first load (Chromium)', firstLoad === null ? `skipped: ${CHROMIUM} is missing` : `${mark(firstLoad, 1000)} (target < 1 s)`],
      ]);
    } finally {
      await server.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Decides SEEDS real events, then copies their decisions and record states up to `total`, spread over 30 days before `now`. */
async function fillLog(project: ReturnType<typeof generateProject>, statePath: string, total: number, now: number): Promise<void> {
  const compiled = compileProject({ sources: project.sources, directory: project.directory });
  if (!compiled.program || !compiled.directory) throw new Error('the generated project does not compile');
  const store = await createSqliteStore(statePath);
  try {
    const engine = createEngine({ program: compiled.program, directory: compiled.directory, store, clock: () => now });
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
