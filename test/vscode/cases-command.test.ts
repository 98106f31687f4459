// The pure parts of the extension's client: which project a file belongs to, which
// `dist` runs its cases, the `dist test` command line, and the rule a cursor is in
// (checked against the compiler's own rule ids and spans over every example).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleId } from '../../compiler/stages/rule-id';
import { parse } from '../../language/parse';
import { casesCommandLine, distExecutable, ruleAtLine } from '../../vscode-extension/src/cases-command';
import { projectRoot } from '../../vscode-extension/src/project-root';
import { ROOT } from '../helpers/run-dist';

const fakeFs = (paths: string[]) => (p: string) => paths.includes(p);

describe('projectRoot', () => {
  it('is the nearest folder above the file holding dist.yaml or rules/', () => {
    expect(projectRoot('/w/p/rules/teams/east.dist', '', '/w', fakeFs(['/w/p/rules']))).toBe('/w/p');
    expect(projectRoot('/w/p/rules/teams/east.dist', '', '/w', fakeFs(['/w/p/rules/teams/dist.yaml', '/w/p/rules']))).toBe('/w/p/rules/teams');
    expect(projectRoot('/w/a.dist', '', '/w', fakeFs([]))).toBeNull();
  });

  it('is the setting when set, relative to the workspace folder', () => {
    expect(projectRoot('/w/x/a.dist', 'examples/tour', '/w', fakeFs(['/w/x/rules']))).toBe('/w/examples/tour');
    expect(projectRoot('/w/x/a.dist', '/abs/p', '/w', fakeFs([]))).toBe('/abs/p');
    expect(projectRoot('/w/x/a.dist', '  ', '/w', fakeFs(['/w/dist.yaml']))).toBe('/w');
  });

  it('finds the example projects on the real file system', () => {
    const file = path.join(ROOT, 'examples/tour/rules/teams/east.dist');
    expect(projectRoot(file, '', ROOT, existsSync)).toBe(path.join(ROOT, 'examples/tour'));
  });
});

describe('the dist test command line', () => {
  it('prefers the setting, then the project copy, then the PATH', () => {
    expect(distExecutable(' /opt/dist ', '/p', fakeFs(['/p/node_modules/.bin/dist']))).toBe('/opt/dist');
    expect(distExecutable('', '/p', fakeFs(['/p/node_modules/.bin/dist']), 'linux')).toBe('/p/node_modules/.bin/dist');
    expect(distExecutable('', '/p', fakeFs([]), 'linux')).toBe('dist');
    expect(distExecutable('', '/p', fakeFs([path.join('/p', 'node_modules', '.bin', 'dist.cmd')]), 'win32')).toBe(path.join('/p', 'node_modules', '.bin', 'dist.cmd'));
  });

  it('runs every case, or those that reach one rule, in the project folder', () => {
    expect(casesCommandLine('dist', '/p', null)).toEqual({ command: 'dist', args: ['test'], cwd: '/p' });
    expect(casesCommandLine('dist', '/p', 'high-score-web-leads')).toEqual({ command: 'dist', args: ['test', '--rule', 'high-score-web-leads'], cwd: '/p' });
  });
});

describe('ruleAtLine', () => {
  it('is the enclosing rule, and nothing outside rules', () => {
    const text = 'schema lead {\n  x: text\n}\nrule "Caf\\u00e9 leads" {\n  priority 1\n}\n\nsettings {\n}';
    expect([0, 1, 2].map((l) => ruleAtLine(text, l))).toEqual([null, null, null]);
    expect([3, 4, 5, 6].map((l) => ruleAtLine(text, l))).toEqual(['cafe-leads', 'cafe-leads', 'cafe-leads', 'cafe-leads']);
    expect([7, 8, 50].map((l) => ruleAtLine(text, l))).toEqual([null, null, null]);
  });

  const files = readdirSync(path.join(ROOT, 'examples'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.dist'))
    .map((e) => path.join(e.parentPath, e.name));

  it.each(files.map((f) => path.relative(ROOT, f)))('agrees with the parser on every line of every rule of %s', (file) => {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    const lineOf = (offset: number) => text.slice(0, offset).split('\n').length - 1;
    for (const decl of parse(text, file).ast.declarations) {
      const want = decl.kind === 'Rule' ? ruleId(decl.name.value) : null;
      for (let line = lineOf(decl.span.start); line <= lineOf(decl.span.end); line++) {
        expect(ruleAtLine(text, line), `${file}:${line + 1}`).toBe(want);
      }
    }
  });
});
