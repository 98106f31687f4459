// The playground in headless Chromium: Monaco with the .dist language — a typed
// mistake shows its marker and problem, the quick fix repairs it, completion and
// hover answer from the language worker — then records are simulated in the page
// (the same decision as the library's engine gives in Node.js), a directory
// change moves the record, and the share link reopens the same texts. The page
// never calls the server's API, so no live state is touched.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { compileProject, createEngine, MemoryStore, type IncomingEvent } from '../../api/core';
import type { RunningServer } from '../../server/server';
import { SAMPLE_DIRECTORY, SAMPLE_EVENTS, SAMPLE_RULES } from '../../web/playground/sample';
import { removeProject, writeProject } from '../server/helpers';
import { buildPages, describeInBrowser, launchChromium, openPage, removeFolder, screenshotPath, startPageServer, POLL } from './browser';

let server: RunningServer;
let root: string;
let web: string;
let browser: Browser;

/** What the library decides for the sample project and an event, in Node.js. */
async function decideInNode(directory: string, event: object): Promise<string[]> {
  const result = compileProject({ sources: [{ file: 'rules/main.dist', text: SAMPLE_RULES }], directory: { file: 'directory.yaml', text: directory } });
  if (!result.program || !result.directory) throw new Error('the sample does not compile');
  const at = Date.parse((event as { at: string }).at);
  const engine = createEngine({ program: result.program, directory: result.directory, store: new MemoryStore(), clock: () => at });
  const decided = await engine.decide(event as IncomingEvent);
  if (!decided.ok) throw new Error('the sample event is refused');
  return decided.decision.assigned;
}

async function openPlayground(page: Page, hash = ''): Promise<void> {
  await page.goto(`${server.url}/playground${hash}`);
  await page.locator('.monaco-editor .view-lines').waitFor();
  await expect.poll(() => page.locator('#problems').textContent(), POLL).toContain('No problems.');
}

/** The editor's visible text (Monaco renders spaces as no-break spaces). */
async function editorText(page: Page): Promise<string> {
  return ((await page.locator('.monaco-editor .view-lines').textContent()) ?? '').replace(/\u00a0/g, ' ');
}

async function simulate(page: Page): Promise<{ rule: string | null; assigned: string | null }> {
  await page.getByRole('button', { name: 'Simulate' }).click();
  await page.locator('#simulation').waitFor();
  return { rule: await page.locator('#sim-rule').textContent(), assigned: await page.locator('#sim-assigned').textContent() };
}

describeInBrowser('the playground', () => {
  beforeAll(async () => {
    root = writeProject();
    web = await buildPages();
    server = await startPageServer(root, web);
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    removeProject(root);
    removeFolder(web);
  });

  it('marks a typed mistake and repairs it with the quick fix', async () => {
    const { context, page, refused, errors } = await openPage(browser, server.url);
    const api: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/v1/')) api.push(r.url());
    });
    await openPlayground(page);
    expect(await page.locator('.monaco-editor .mtk1, .monaco-editor [class*="mtk"]').count()).toBeGreaterThan(10);
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+F');
    await page.keyboard.type('lead.score');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.keyboard.type('lead.scor');
    await expect.poll(() => page.locator('#problems').textContent(), POLL).toContain('DIST102');
    expect(await page.locator('#problems').textContent()).toContain('unknown field `lead.scor`');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget').getByText('change to `score`');
    await fix.waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#problems').textContent(), POLL).toContain('No problems.');
    expect(await page.locator('.monaco-editor .squiggly-error').count()).toBe(0);
    expect(await editorText(page)).toContain('lead.score >= 80');
    expect(api).toEqual([]);
    expect(refused).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('completes and explains the language’s words', async () => {
    const { context, page, errors } = await openPage(browser, server.url);
    await openPlayground(page);
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('round_');
    await page.keyboard.press('Control+Space');
    await page.locator('.suggest-widget').getByText('round_robin').first().waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.view-line').filter({ hasText: 'distribute round_robin' }).locator('span', { hasText: 'distribute' }).last().hover();
    await expect.poll(() => page.locator('.monaco-hover').first().textContent(), POLL).toContain('distribute');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('simulates records in the page, as the engine decides them, and follows a directory change', async () => {
    const { context, page, errors } = await openPage(browser, server.url);
    const api: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/v1/')) api.push(r.url());
    });
    await openPlayground(page);
    const [label, event] = SAMPLE_EVENTS[0]!;
    await page.getByLabel('Record', { exact: true }).selectOption({ label });
    const first = await simulate(page);
    expect(first).toEqual({ rule: 'High-score web leads', assigned: (await decideInNode(SAMPLE_DIRECTORY, event)).join(', ') });
    await expect(page.locator('#simulation tr[data-user="cy@acme.test"]').textContent()).resolves.toContain('dropped');
    await page.screenshot({ path: screenshotPath('playground.png') });

    const changed = SAMPLE_DIRECTORY.replace('name: Ana Ruiz\n    teams: [Sales East]\n    checked_in: true', 'name: Ana Ruiz\n    teams: [Sales East]\n    checked_in: false');
    expect(changed).not.toBe(SAMPLE_DIRECTORY);
    await page.getByLabel('Directory (directory.yaml)').fill(changed);
    const second = await simulate(page);
    expect(second.assigned).toBe((await decideInNode(changed, event)).join(', '));
    expect(second.assigned).not.toContain('ana@acme.test');
    await expect(page.locator('#simulation tr[data-user="ana@acme.test"]').textContent()).resolves.toContain('dropped');

    await page.getByLabel('Record', { exact: true }).selectOption({ label: SAMPLE_EVENTS[2]![0] });
    expect(await simulate(page)).toEqual({ rule: 'none matched', assigned: '—' });
    await page.getByLabel('Event JSON').fill('{"id": "x", "type": "lead.created"');
    await page.getByRole('button', { name: 'Simulate' }).click();
    await expect.poll(() => page.locator('#result').textContent(), POLL).toContain('not valid JSON');
    expect(api).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shares the texts in the link', async () => {
    const { context, page, errors } = await openPage(browser, server.url);
    await openPlayground(page);
    await page.getByLabel('Directory (directory.yaml)').fill(SAMPLE_DIRECTORY.replace('Cy Park', 'Cy Park-Lee'));
    await page.getByRole('button', { name: 'Copy share link' }).click();
    await page.waitForURL(/#s=/);
    const hash = new URL(page.url()).hash;
    const other = await context.newPage();
    await openPlayground(other, hash);
    expect(await other.getByLabel('Directory (directory.yaml)').inputValue()).toContain('Cy Park-Lee');
    await other.goto(`${server.url}/playground#s=AAAA`);
    await expect.poll(() => other.locator('#share-status').textContent(), POLL).toContain('could not be read');
    expect(errors).toEqual([]);
    await context.close();
  });
});
