// The incremental workspace: an edit re-parses only the edited file, the result is
// the same as compiling the project afresh, diagnostics of one file reflect the
// whole project, and the semantic model knows where every name is declared and used.
import { describe, expect, it } from 'vitest';
import { compileProject } from '../../compiler/compile';
import { Workspace } from '../../compiler/workspace';
import { symbolKey } from '../../compiler/workspace-model';

const SCHEMA = 'schema lead {\n  score: number\n  source: choice("web", "phone")\n}\n';
const rule = (name: string, priority: number, body = 'when lead.score > 10\n  assign users "ana@x.test"') =>
  `rule "${name}" {\n  priority ${priority}\n  on lead.created\n  ${body}\n  distribute round_robin\n}\n`;
const DIRECTORY = { file: 'directory.yaml', text: 'users:\n  - id: ana@x.test\n    name: Ana\n    teams: [East]\n  - id: bob@x.test\n    name: Bob\nteams:\n  - name: East\n    members: [ana@x.test]\n' };

const A = rule('A', 1, 'when lead.score > 50\n  assign users "ana@x.test"');

function project(): Workspace {
  return new Workspace(
    [
      { file: 'rules/schema.dist', text: SCHEMA },
      { file: 'rules/a.dist', text: A },
      { file: 'rules/b.dist', text: rule('B', 2) },
    ],
    DIRECTORY,
  );
}

describe('the workspace', () => {
  it('re-parses only the file that changed, and links to what a fresh compile gives', () => {
    const ws = project();
    expect(ws.check().diagnostics).toEqual([]);
    const before = ws.parses;
    ws.setFile('rules/b.dist', rule('B', 1));
    const after = ws.check();
    expect(ws.parses - before).toBe(1);
    const fresh = compileProject({ sources: ws.list().map(({ file, text }) => ({ file, text })), directory: DIRECTORY });
    expect(after.diagnostics).toEqual(fresh.diagnostics);
    expect(after.diagnostics.map((d) => d.code)).toEqual(['DIST309']);
  });

  it('gives the same result when linked twice over the same cached trees', () => {
    const ws = project();
    ws.setFile('rules/b.dist', rule('A', 2, 'when lead.scor > 1\n  assign users "ann@x.test"'));
    const first = ws.check().diagnostics;
    ws.setDirectory({ ...DIRECTORY, text: DIRECTORY.text + '\n' });
    expect(ws.parses).toBe(4);
    expect(ws.check().diagnostics).toEqual(first);
  });

  it('reports a duplicate rule name in the second file, pointing at the first', () => {
    const ws = project();
    ws.setFile('rules/b.dist', rule('A', 2));
    const byFile = ws.check().diagnosticsByFile;
    const [dup] = byFile.get('rules/b.dist') ?? [];
    expect([dup?.code, dup?.related?.[0]?.file]).toEqual(['DIST301', 'rules/a.dist']);
    expect(byFile.has('rules/a.dist')).toBe(false);
  });

  it('drops a deleted file from the project', () => {
    const ws = project();
    ws.setFile('rules/c.dist', rule('A', 3));
    expect(ws.check().diagnostics.map((d) => d.code)).toEqual(['DIST301']);
    ws.deleteFile('rules/c.dist');
    expect(ws.check().diagnostics).toEqual([]);
  });
});

describe('the semantic model', () => {
  it('finds the declaration and every use of a field', () => {
    const { model } = project().check();
    const def = model.definition(symbolKey('field', 'lead.score'));
    expect([def?.file, SCHEMA.slice(def!.span.start, def!.span.end)]).toEqual(['rules/schema.dist', 'score']);
    expect(model.referencesOf(symbolKey('field', 'lead.score')).map((o) => o.file)).toEqual(['rules/a.dist', 'rules/b.dist', 'rules/schema.dist']);
  });

  it('finds users and teams in directory.yaml', () => {
    const { model } = project().check();
    const ana = model.definition(symbolKey('user', 'ana@x.test'));
    expect([ana?.file, DIRECTORY.text.slice(ana!.span.start, ana!.span.end)]).toEqual(['directory.yaml', 'ana@x.test']);
    expect(model.referencesOf(symbolKey('user', 'ana@x.test')).map((o) => [o.file, o.quoted])).toEqual([
      ['directory.yaml', false],
      ['directory.yaml', false],
      ['rules/a.dist', true],
      ['rules/b.dist', true],
    ]);
    expect(model.definition(symbolKey('team', 'East'))?.file).toBe('directory.yaml');
  });

  it('knows the name under an offset and the types of expressions', () => {
    const { model, files } = project().check();
    const text = A;
    const at = model.occurrenceAt('rules/a.dist', text.indexOf('score') + 2);
    expect(at?.key).toBe('field:lead.score');
    const when = files.find((f) => f.file === 'rules/a.dist')!.declarations[0]!;
    const condition = when.kind === 'Rule' ? when.clauses.find((c) => c.kind === 'When') : undefined;
    expect(condition?.kind === 'When' && model.typeOf(condition.condition)).toEqual({ type: 'bool' });
  });
});
