// How every command reads its PATH: a folder outside any project is one usage
// error (exit 2) with one message for every command; `dist check FILE.dist`
// checks that file within its project, or alone; diagnostics about a folder carry
// no line and column; `dist fmt` skips hidden folders.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dist } from '../helpers/run-dist';

const base = mkdtempSync(path.join(tmpdir(), 'dist-paths-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function write(file: string, text: string): string {
  const full = path.join(base, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
  return full;
}

const SCHEMA = 'schema lead {\n  source: text\n}\n';
const rule = (name: string, priority: number, when: string) =>
  `rule "${name}" {\n  priority ${priority}\n  on lead.created\n  when ${when}\n  assign anyone\n  distribute round_robin\n}\n`;

describe('a folder outside any project', () => {
  const empty = path.join(base, 'empty');
  mkdirSync(empty, { recursive: true });
  const NO_PROJECT = /no project in `.*empty` or above \(a project is a folder with a `dist\.yaml` or a `rules\/` folder\); pass a project folder/;

  it.each([['check'], ['compile'], ['test'], ['serve']])('`dist %s` says there is no project and exits 2', (command) => {
    const run = dist(command, empty);
    expect(run.stderr).toMatch(NO_PROJECT);
    expect(run.stderr).toMatch(new RegExp(`^dist ${command}: `));
    expect(run.code).toBe(2);
  });
});

describe('dist check FILE.dist', () => {
  write('proj/rules/schema.dist', SCHEMA);
  const good = write('proj/rules/good.dist', rule('Good', 1, 'lead.source == "a"'));
  const bad = write('proj/rules/bad.dist', rule('Bad', 2, 'lead.sorce == "a"'));

  it('reports only that file, checked within its project', () => {
    const onGood = dist('check', good);
    expect(onGood.stdout.trim()).toBe('no problems');
    expect(onGood.code).toBe(0);
    const onBad = dist('check', bad);
    expect(onBad.stdout).toMatch(/bad\.dist:4:13 error DIST102 unknown field `lead\.sorce`/);
    expect(onBad.code).toBe(1);
    const whole = dist('check', path.join(base, 'proj'));
    expect(whole.stdout).toMatch(/bad\.dist:4:13 error DIST102/);
  });

  it('checks a file outside any project alone', () => {
    const loose = write('loose/only.dist', SCHEMA + rule('Alone', 1, 'lead.source == "a"'));
    const run = dist('check', loose);
    expect(run.stdout.trim()).toBe('no problems');
    expect(run.code).toBe(0);
  });
});

describe('diagnostics about a folder', () => {
  write('norules/dist.yaml', 'rules: rules\n');
  mkdirSync(path.join(base, 'norules/rules'), { recursive: true });

  it('have no line and column in every format', () => {
    const folder = path.join(base, 'norules');
    const text = dist('check', folder);
    expect(text.stdout).toMatch(/norules\/rules error DIST603 /);
    expect(text.code).toBe(1);
    const json = JSON.parse(dist('check', folder, '--format', 'json').stdout);
    expect(json.diagnostics[0]).not.toHaveProperty('line');
    expect(json.diagnostics[0]).toMatchObject({ code: 'DIST603' });
    expect(dist('check', folder, '--format', 'github').stdout).toMatch(/^::error file=[^,]*norules\/rules,title=DIST603::/);
  });
});

describe('dist fmt', () => {
  it('formats files in plain folders and skips hidden ones', () => {
    const messy = 'rule "M" {\n    priority 1\n  on lead.created\n  assign anyone\n  distribute round_robin\n}\n';
    const visible = write('fmt/rules/a.dist', messy);
    const hidden = write('fmt/.archive/b.dist', messy);
    const run = dist('fmt', path.join(base, 'fmt'));
    expect(run.stdout).toMatch(/formatted .*fmt\/rules\/a\.dist/);
    expect(run.stdout).not.toMatch(/\.archive/);
    expect(readFileSync(visible, 'utf8')).toContain('\n  priority 1\n');
    expect(readFileSync(hidden, 'utf8')).toBe(messy);
  });
});
