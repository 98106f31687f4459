// Shared fixtures of the browser tests: the web pages built into a temp folder,
// a real server over them (127.0.0.1, SQLite state), and headless Chromium
// (Debian's /usr/bin/chromium driven by playwright-core) whose pages may reach
// the loopback server only — any other request is refused and recorded, so a
// page that needs the network fails its test. Without Chromium the tests are
// skipped with a notice, except under CI=true, where they fail.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { describe } from 'vitest';
import { loadProject } from '../../compiler/node/project';
import { parseServeConfig } from '../../server/config';
import { startServer, type RunningServer } from '../../server/server';
// @ts-expect-error the build script is plain JavaScript without declarations
import { buildWeb } from '../../scripts/build-web.mjs';

export const CHROMIUM = '/usr/bin/chromium';

/** How long a test waits for the page to show something (the machine may be busy). */
export const POLL = { timeout: 15_000, interval: 100 };

/** `describe`, or — without Chromium — a skip with a visible notice (a failure under CI=true). */
export function describeInBrowser(name: string, body: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, body);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium for the browser tests`);
    });
    return;
  }
  console.warn(`NOTICE: browser tests "${name}" skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);
  describe.skip(name, body);
}

/** Builds the pages into a fresh temp folder; returns it. */
export async function buildPages(): Promise<string> {
  const out = mkdtempSync(path.join(tmpdir(), 'dist-web-'));
  await (buildWeb as (o: { out: string; minify: boolean }) => Promise<void>)({ out, minify: false });
  return out;
}

/** A server over a project folder with the pages from `webRoot`. */
export async function startPageServer(root: string, webRoot: string, env: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  const loaded = await loadProject(root);
  const parsed = parseServeConfig(loaded.config);
  if (!parsed.config) throw new Error(`bad dist.yaml: ${JSON.stringify(parsed.issues)}`);
  return startServer({
    project: loaded.config,
    config: parsed.config,
    host: '127.0.0.1',
    port: 0,
    state: 'sqlite:.dist/state.db',
    logger: pino({ level: 'silent' }),
    env,
    watch: false,
    webRoot,
  });
}

/** Headless Chromium with the project's flags. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 20_000,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A page limited to `origin`, at laptop size, in UTC; `refused` collects requests elsewhere, `errors` the page's errors. */
export async function openPage(browser: Browser, origin: string): Promise<{ context: BrowserContext; page: Page; refused: string[]; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'UTC', locale: 'en-GB' });
  const refused: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    refused.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // A refused token answers 401, which Chromium logs as a failed resource; the page handles it.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  return { context, page, refused, errors };
}

/** Where screenshots go: docs/screenshots with UPDATE_GOLDEN=1 (`npm run golden`), else a temp folder. */
export function screenshotPath(name: string): string {
  const folder = process.env.UPDATE_GOLDEN === '1' ? path.join(import.meta.dirname, '..', '..', 'docs', 'screenshots') : path.join(tmpdir(), 'dist-screenshots');
  return path.join(folder, name);
}

/** Removes a temp folder. */
export function removeFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}
