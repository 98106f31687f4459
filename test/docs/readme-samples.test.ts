// The README's samples are what the tool does: the answer to the sample lead
// (at any time of day, on a fresh state file) and the sample diagnostic (the
// tour with `lead.score` misspelt, checked in its folder).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-dist';
import { call, startTestServer } from '../server/helpers';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const temp = mkdtempSync(path.join(tmpdir(), 'dist-readme-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A fresh copy of the tour (no state file). */
function tour(name: string): string {
  const folder = path.join(temp, name);
  cpSync(path.join(ROOT, 'examples', 'tour'), folder, { recursive: true, filter: (source) => !source.includes(`${path.sep}.dist`) });
  return folder;
}

describe('README samples', () => {
  const sample = /-d '(\{.*\})'\n# (\{.*\})\n/.exec(readme);

  it.each([
    ['a weekday morning in India', Date.UTC(2026, 10, 23, 5, 0)],
    ['a weekday night', Date.UTC(2026, 10, 23, 20, 0)],
    ['a Sunday', Date.UTC(2026, 10, 29, 9, 0)],
  ])('the sample lead gets the sample answer on %s', async (name, now) => {
    expect(sample).not.toBeNull();
    const server = await startTestServer(tour(name.replace(/\W+/g, '-')), { clock: () => now });
    try {
      const answer = await call(server.url, 'POST', '/v1/events', sample![1]);
      expect(answer.body).toEqual(JSON.parse(sample![2]!));
    } finally {
      await server.close();
    }
  });

  it('the sample diagnostic is what dist check prints', () => {
    const block = /A diagnostic looks like this[\s\S]*?\n```\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const folder = tour('diagnostic');
    const file = path.join(folder, 'rules', 'inbound.dist');
    writeFileSync(file, readFileSync(file, 'utf8').replace('lead.score >= 80', 'lead.scroe >= 80'));
    const tsx = pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
    const run = spawnSync(process.execPath, ['--import', tsx, path.join(ROOT, 'cli', 'main.ts'), 'check', '.'], {
      cwd: folder,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(run.stderr).toBe('');
    expect(run.stdout.slice(0, block!.length)).toBe(block);
  });
});
