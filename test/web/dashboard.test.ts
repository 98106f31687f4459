// The dashboard in headless Chromium against a real server: events go in over
// the API, the overview's figures and tables equal `GET /v1/stats` for the range
// in the URL, the decision log filters (kept in the URL), a decision opens with
// its trace and the reason each candidate did not get the record, sorting works
// from the keyboard, and a team-limited token sees only its team.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { call, lead, removeProject, writeProject } from '../server/helpers';
import type { RunningServer } from '../../server/server';
import { buildPages, describeInBrowser, launchChromium, openPage, removeFolder, screenshotPath, startPageServer, POLL } from './browser';

const ENV = { DIST_ADMIN_TOKEN: 'admin-token', EAST_TOKEN: 'east-token' };
const DIST_YAML = 'server:\n  tokens:\n    - { name: east-ops, team: East, token_env: EAST_TOKEN }\n';

let server: RunningServer;
let root: string;
let web: string;
let browser: Browser;

const today = new Date().toISOString().slice(0, 10);
const range = { from: `${today}T00:00:00.000Z`, to: new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString() };

async function api(route: string, token: string) {
  const res = await call(server.url, 'GET', route, undefined, { authorization: `Bearer ${token}` });
  expect(res.status).toBe(200);
  return res.body;
}

async function signIn(page: Page, token: string, query = `?from=${today}&to=${today}`): Promise<void> {
  await page.goto(`${server.url}/${query}`);
  await page.getByLabel('Token').fill(token);
  await page.getByRole('button', { name: 'Show the dashboard' }).click();
  await page.locator('#decisions tbody tr').first().waitFor();
  expect(await page.locator('#token-form').isVisible()).toBe(false);
}

const figure = (page: Page, key: string) => page.locator(`[data-figure="${key}"] .value`).textContent();

describeInBrowser('the dashboard', () => {
  beforeAll(async () => {
    root = writeProject({ distYaml: DIST_YAML });
    web = await buildPages();
    server = await startPageServer(root, web, ENV);
    const events = [
      ...['w1', 'w2', 'w3', 'w4', 'w5'].map((id) => lead(id)),
      ...['e1', 'e2', 'e3'].map((id) => lead(id, { source: 'East' })),
      ...['n1', 'n2'].map((id) => lead(id, { source: 'Nowhere' })),
    ];
    for (const event of events) expect((await call(server.url, 'POST', '/v1/events', event)).status).toBe(200);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    removeProject(root);
    removeFolder(web);
  });

  it('asks for a token, then shows the figures of /v1/stats for the range in the URL', async () => {
    const { context, page, refused, errors } = await openPage(browser, server.url);
    await page.goto(`${server.url}/?from=${today}&to=${today}`);
    // The form appears once the page's first request is refused: wait for it rather than look at once.
    await page.getByLabel('Token').waitFor({ state: 'visible', timeout: 10_000 });
    await expect(page.getByLabel('Token').isVisible()).resolves.toBe(true);
    await signIn(page, 'admin-token');
    const stats = await api(`/v1/stats?from=${range.from}&to=${range.to}`, 'admin-token');
    expect(stats.records_created).toBe(10);
    expect(await figure(page, 'records_created')).toBe(String(stats.records_created));
    expect(await figure(page, 'records_assigned')).toBe(String(stats.records_assigned));
    expect(await figure(page, 'unassigned')).toBe(String(stats.unassigned));
    expect(await figure(page, 'fallback')).toBe(String(stats.outcomes.fallback));
    expect(await figure(page, 'decisions')).toBe(String(stats.decisions));
    expect(await figure(page, 'success_rate')).toBe(`${(stats.success_rate * 100).toFixed(1)}%`);
    const ruleRows = await page.locator('#per-rule tbody tr').allTextContents();
    expect(ruleRows).toHaveLength(stats.per_rule.length);
    for (const [i, r] of (stats.per_rule as { rule: string; records: number }[]).entries()) expect(ruleRows[i]).toContain(`${r.rule}`);
    const userRows = await page.locator('#per-user tbody tr').count();
    expect(userRows).toBe(stats.per_user.length);
    expect(await page.locator('#rules-chart').getAttribute('aria-label')).toContain('Web: 5');
    expect(await page.evaluate("[sessionStorage.getItem('dist.token'), localStorage.length]")).toEqual(['admin-token', 0]);
    await page.screenshot({ path: screenshotPath('dashboard.png'), fullPage: true });
    expect(refused).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('sorts a table from the keyboard', async () => {
    const { context, page } = await openPage(browser, server.url);
    await signIn(page, 'admin-token');
    const header = page.locator('#per-user th').filter({ hasText: 'Records assigned' });
    await header.locator('button').focus();
    await page.keyboard.press('Enter');
    await expect(header.getAttribute('aria-sort')).resolves.toBe('ascending');
    await page.keyboard.press('Enter');
    await expect(page.locator('#per-user th').filter({ hasText: 'Records assigned' }).getAttribute('aria-sort')).resolves.toBe('descending');
    await context.close();
  });

  it('filters the log, keeps the filter in the URL, and explains a decision with why-not reasons', async () => {
    const { context, page, errors } = await openPage(browser, server.url);
    await signIn(page, 'admin-token');
    await page.getByLabel('Outcome', { exact: true }).selectOption('unmatched');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/outcome=unmatched/);
    await expect.poll(() => page.locator('#decisions tbody tr').count(), POLL).toBe(2);
    expect(await page.locator('#decisions tbody tr').allTextContents()).toEqual([expect.stringContaining('unmatched'), expect.stringContaining('unmatched')]);

    await page.getByLabel('Outcome', { exact: true }).selectOption('');
    await page.getByLabel('Rule', { exact: true }).selectOption('Web');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => page.locator('#decisions tbody tr').count(), POLL).toBe(5);
    await page.locator('#decisions button.explain').first().click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#candidates').waitFor();
    expect(page.url()).toMatch(/decision=/);
    const rows = await dialog.locator('#candidates tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-user'), tr.querySelector('td')?.textContent]));
    expect(rows.map(([user]) => user)).toEqual(['a@x.test', 'b@x.test', 'c@x.test']);
    expect(rows.filter(([, status]) => status === 'assigned')).toHaveLength(1);
    expect(rows.filter(([, status]) => status === 'passed over')).toHaveLength(2);
    await expect(dialog.getByText('eligible, but round_robin chose').first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: screenshotPath('dashboard-decision.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.url(), POLL).not.toMatch(/decision=/);

    await page.getByLabel('Rule', { exact: true }).selectOption('East');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => page.locator('#decisions tbody tr').count(), POLL).toBe(3);
    await page.locator('#decisions button.explain').first().click();
    await dialog.locator('#candidates').waitFor();
    await expect(dialog.locator('#candidates tr[data-user="c@x.test"]').textContent()).resolves.toContain('not in team `East`');
    await dialog.getByLabel('Why not user').fill('nobody@x.test');
    await dialog.getByRole('button', { name: 'Ask' }).click();
    await expect.poll(() => dialog.locator('#why-answer').textContent(), POLL).toContain('nobody@x.test: not a candidate');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a team token its own team only', async () => {
    const { context, page, errors } = await openPage(browser, server.url);
    await signIn(page, 'east-token');
    expect(await page.locator('#f-rule option').allTextContents()).toEqual(['Any rule', 'East']);
    expect(await page.locator('#team option').allTextContents()).toEqual(['All teams', 'East']);
    const teams = await page.locator('#decisions tbody tr td:nth-child(5)').allTextContents();
    expect(teams).toEqual(['East', 'East', 'East']);
    const stats = await api(`/v1/stats?from=${range.from}&to=${range.to}`, 'east-token');
    expect(stats.records_created).toBe(3);
    expect(await figure(page, 'records_created')).toBe('3');
    expect(await figure(page, 'records_assigned')).toBe(String(stats.records_assigned));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('asks again when the token is refused', async () => {
    const { context, page } = await openPage(browser, server.url);
    await page.goto(`${server.url}/`);
    await page.getByLabel('Token').fill('wrong-token');
    await page.getByRole('button', { name: 'Show the dashboard' }).click();
    await expect.poll(() => page.locator('#token-why').textContent(), POLL).toContain('not valid');
    expect(await page.evaluate("sessionStorage.getItem('dist.token')")).toBeNull();
    await context.close();
  });
});
