// Rendering of diagnostics at the CLI edge: the text layout with the source line and
// a caret underline (windowed on long lines, control characters made visible), the
// JSON shape with positions, and GitHub annotations with escaping.
import { describe, expect, it } from 'vitest';
import { renderGithub, renderJson, renderText } from '../../cli/render-diagnostics';
import { diagnostic } from '../../language/diagnostics';

const plain = (_style: string, text: string) => text;
const texts = (files: Record<string, string>) => (file: string) => files[file];

describe('renderText', () => {
  it('prints file:line:col, severity, code, message, the source line and a caret under the span', () => {
    const text = 'rule "x" {\n  when lead.scroe >= 80\n}\n';
    const start = text.indexOf('lead.scroe');
    const d = diagnostic('DIST102', 'rules/a.dist', { start, end: start + 10 }, 'unknown field `lead.scroe`');
    expect(renderText([d], texts({ 'rules/a.dist': text }), plain)).toBe(
      [
        'rules/a.dist:2:8 error DIST102 unknown field `lead.scroe`',
        '  |',
        '2 |   when lead.scroe >= 80',
        '  |        ^^^^^^^^^^',
        '',
        '1 error',
      ].join('\n'),
    );
  });

  it('shows a window of a long line around the problem, and control characters as symbols', () => {
    const line = `${'('.repeat(500)}\u0000x`;
    const d = diagnostic('DIST001', 'a.dist', { start: 500, end: 501 }, 'unexpected character U+0000');
    const [, , source, caret] = renderText([d], texts({ 'a.dist': line }), plain).split('\n');
    expect(source!.length).toBeLessThan(110);
    expect(source).toContain('␀x');
    expect(source!.startsWith('1 | …')).toBe(true);
    expect(caret!.indexOf('^')).toBe(source!.indexOf('␀'));
  });

  it('says `no problems` when there are none', () => {
    expect(renderText([], texts({}), plain)).toBe('no problems');
  });
});

describe('machine formats', () => {
  const text = 'a\nbb, c\n';
  const d = diagnostic('DIST003', 'dir/x, y.dist', { start: 2, end: 4 }, 'expected `:`\nfound `,` at 100%');

  it('json carries 1-based positions and counts', () => {
    const out = JSON.parse(renderJson([d], texts({ 'dir/x, y.dist': text })));
    expect(out.diagnostics[0]).toMatchObject({ line: 2, column: 1, endLine: 2, endColumn: 3, code: 'DIST003', severity: 'error' });
    expect(out).toMatchObject({ errors: 1, warnings: 0 });
  });

  it('github escapes properties and data', () => {
    expect(renderGithub([d], texts({ 'dir/x, y.dist': text }))).toBe(
      '::error file=dir/x%2C y.dist,line=2,col=1,endLine=2,endColumn=3,title=DIST003::expected `:`%0Afound `,` at 100%25',
    );
  });
});
