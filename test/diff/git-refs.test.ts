// `dist diff` end to end on a temporary git repository: two commits of a project
// compared by ref (read with git, no checkout: the work tree holds neither
// version), the same two versions compared as folders give the same output, and
// the exit codes follow `terraform plan -detailed-exitcode` (0, 2, 1).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/run-dist';

const CORPUS = join(import.meta.dirname, 'corpus');
let repo: string;

function sh(cwd: string, ...args: string[]): string {
  const r = spawnSync(args[0]!, args.slice(1), { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

function distIn(cwd: string, ...args: string[]) {
  const tsx = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  const r = spawnSync(process.execPath, ['--import', tsx, join(ROOT, 'cli/main.ts'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'dist-diff-git-'));
  sh(repo, 'git', 'init', '-q', '-b', 'main');
  sh(repo, 'git', 'config', 'user.email', 'test@example.test');
  sh(repo, 'git', 'config', 'user.name', 'Test');
  cpSync(join(CORPUS, 'clauses', 'base'), join(repo, 'crm'), { recursive: true });
  sh(repo, 'git', 'add', '-A');
  sh(repo, 'git', 'commit', '-q', '-m', 'base');
  rmSync(join(repo, 'crm'), { recursive: true });
  cpSync(join(CORPUS, 'clauses', 'head'), join(repo, 'crm'), { recursive: true });
  sh(repo, 'git', 'add', '-A');
  sh(repo, 'git', 'commit', '-q', '-m', 'head');
  rmSync(join(repo, 'crm'), { recursive: true });
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('dist diff over git refs', { timeout: 120_000 }, () => {
  test('two refs give the same diff as the two folders, with exit 2', () => {
    const byRef = distIn(repo, 'diff', 'HEAD~1', 'main', '--project', 'crm');
    const byFolder = distIn(join(CORPUS, 'clauses'), 'diff', 'base', 'head');
    expect(byRef.stderr).toBe('');
    expect(byRef.code).toBe(2);
    expect(byRef.stdout).toBe(byFolder.stdout);
    expect(byRef.stdout).toContain('+ when lead.country == "India" and (lead.score >= 50 or lead.source == "Partner")');
  });

  test('the same ref twice is no change, exit 0', () => {
    const r = distIn(join(repo), 'diff', 'HEAD', 'HEAD', '--project', 'crm', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary.unchanged).toBe(true);
  });

  test('an unknown ref, a project missing at a ref and a bad option are errors, exit 1', () => {
    const unknown = distIn(repo, 'diff', 'no-such-branch', 'HEAD', '--project', 'crm');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('dist diff: `no-such-branch` is neither a folder nor a commit of the git repository here\n');
    const missing = distIn(repo, 'diff', 'HEAD~1', 'HEAD', '--project', 'elsewhere');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^dist diff: `elsewhere` holds no files at commit [0-9a-f]{12}\n$/);
    const option = distIn(repo, 'diff', 'HEAD~1', 'HEAD', '--format', 'yaml');
    expect(option.code).toBe(1);
    expect(option.stderr).toContain("argument 'yaml' is invalid");
  });

  test('a version that does not compile is reported with its ref and exit 1', () => {
    cpSync(join(CORPUS, 'clauses', 'head'), join(repo, 'broken'), { recursive: true });
    sh(repo, 'sh', '-c', 'printf "rule \\"X\\" { priority }\\n" >> broken/rules/routing.dist && git add -A && git commit -q -m broken');
    rmSync(join(repo, 'broken'), { recursive: true });
    const r = distIn(repo, 'diff', 'HEAD', 'HEAD', '--project', 'broken');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('`HEAD` does not compile');
    expect(r.stderr).toMatch(/HEAD:rules\/routing\.dist:\d+:\d+ error DIST/);
  });
});
