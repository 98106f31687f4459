// The hot-reload watcher over the ways files really change: in-place writes,
// saves by rename (`sed -i`, editors' atomic writes), `git checkout`-style
// replacement (unlink, then a new file), new folders, and the directory file.
// Every change after the first must still be seen.
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchProject } from '../../server/watch';
import { eventually, removeProject, writeProject } from './helpers';

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Watched {
  root: string;
  changes: () => number;
  warnings: string[];
  /** Runs `change` and waits until the watcher reports one more reload. */
  expectReload: (change: () => void) => Promise<void>;
}

async function watched(): Promise<Watched> {
  const root = writeProject();
  cleanups.push(() => removeProject(root));
  let count = 0;
  const warnings: string[] = [];
  const log = { info: () => {}, error: () => {}, warn: (_fields: object, message: string) => void warnings.push(message) };
  const watcher = watchProject({ root, rules: 'rules', directory: 'directory.yaml', debounceMs: 30, onChange: () => count++, log });
  cleanups.push(() => watcher.close());
  await watcher.ready;
  return {
    root,
    changes: () => count,
    warnings,
    async expectReload(change) {
      const before = count;
      change();
      await eventually(() => count > before, 5000, 'a reload');
    },
  };
}

/** Writes `text` to a temporary file beside `file`, then renames it over `file` (editors' atomic save). */
function atomicWrite(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.swp`);
  writeFileSync(temp, text);
  renameSync(temp, file);
}

describe('watching a project', () => {
  it('sees every save by rename, not just the first', async () => {
    const w = await watched();
    const rules = path.join(w.root, 'rules', 'main.dist');
    await w.expectReload(() => execFileSync('sed', ['-i', 's/"Web"/"Web A"/', rules]));
    await w.expectReload(() => execFileSync('sed', ['-i', 's/"Web A"/"Web B"/', rules]));
    await w.expectReload(() => atomicWrite(rules, '# third\n'));
    await w.expectReload(() => atomicWrite(rules, '# fourth\n'));
    await w.expectReload(() => writeFileSync(rules, '# in place\n'));
  });

  it('sees a file replaced the way `git checkout` does it, again and again', async () => {
    const w = await watched();
    const rules = path.join(w.root, 'rules', 'main.dist');
    for (const version of ['v2', 'v3', 'v4']) {
      await w.expectReload(() => {
        unlinkSync(rules);
        writeFileSync(rules, `# ${version}\n`);
      });
    }
  });

  it('sees new folders and files under the rules folder, and changes inside them', async () => {
    const w = await watched();
    const team = path.join(w.root, 'rules', 'teams');
    await w.expectReload(() => {
      mkdirSync(team);
      writeFileSync(path.join(team, 'east.dist'), '# east\n');
    });
    await w.expectReload(() => atomicWrite(path.join(team, 'east.dist'), '# east again\n'));
  });

  it('sees the directory file replaced by rename, twice', async () => {
    const w = await watched();
    const directory = path.join(w.root, 'directory.yaml');
    await w.expectReload(() => atomicWrite(directory, 'users: []\n'));
    await w.expectReload(() => atomicWrite(directory, 'users: []\n# again\n'));
  });

  it('warns that dist.yaml changes need a restart, and does not reload for them', async () => {
    const w = await watched();
    atomicWrite(path.join(w.root, 'dist.yaml'), 'rules: rules\n');
    await eventually(() => w.warnings.some((m) => m.includes('restart')), 5000, 'the warning');
    expect(w.changes()).toBe(0);
  });
});
