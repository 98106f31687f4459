// Rename at `<|>` cursors: every occurrence across the `.dist` files and
// directory.yaml changes, quotes are kept where they were, and a renamed rule
// keeps its state through an `id` clause.
import { describe, expect, it } from 'vitest';
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { TextPositions } from '../../lsp/service/positions';
import { DIRECTORY, SCHEMA, WEB, cursor, service, uri } from './fixtures';

/** The texts after applying `edit` to the files it names. */
function applied(edit: WorkspaceEdit, texts: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [target, edits] of Object.entries(edit.changes ?? {})) {
    const file = target.slice(uri('').length);
    const text = texts[file]!;
    const p = new TextPositions(text);
    result[file] = [...edits]
      .sort((a, b) => p.offset(b.range.start) - p.offset(a.range.start))
      .reduce((t, e) => t.slice(0, p.offset(e.range.start)) + e.newText + t.slice(p.offset(e.range.end)), text);
  }
  return result;
}

function renameAt(file: string, marked: string, newName: string) {
  const { text, position } = cursor(marked);
  const texts: Record<string, string> = { 'rules/schema.dist': SCHEMA, 'rules/web.dist': WEB, 'directory.yaml': DIRECTORY, [file]: text };
  const s = service({ [file]: text });
  const outcome = s.rename(uri(file), position, newName);
  return { outcome, s, position, texts: 'edit' in outcome ? applied(outcome.edit, texts) : {} };
}

describe('rename', () => {
  it('renames a field in its schema and every rule that reads it', () => {
    const { texts } = renameAt('rules/schema.dist', SCHEMA.replace('score:', 'sco<|>re:'), 'rating');
    expect(Object.keys(texts).sort()).toEqual(['rules/schema.dist', 'rules/web.dist']);
    expect(texts['rules/schema.dist']).toContain('  rating: number');
    expect(texts['rules/web.dist']).toContain('lead.rating > 50');
  });

  it('renames a user in directory.yaml and in the pools that name it', () => {
    const { texts } = renameAt('rules/web.dist', WEB.replace('"ana@', '"an<|>a@'), 'ana.ruiz@acme.test');
    expect(texts['rules/web.dist']).toContain('assign users "ana.ruiz@acme.test", "bob@acme.test"');
    expect(texts['directory.yaml']).toContain('  - id: ana.ruiz@acme.test\n');
    expect(texts['directory.yaml']).toContain('members: [ana.ruiz@acme.test]');
  });

  it('renames a rule where a workflow lists it too', () => {
    const other = 'rule "Web rest" {\n  priority 20\n  on lead.created\n  assign anyone\n  distribute round_robin\n}\n\nworkflow "Web" {\n  rules "Web leads", "Web rest"\n}\n';
    const { texts } = renameAt('rules/web.dist', WEB.replace('"Web leads"', '"Web<|> leads"') + '\n' + other, 'Website leads');
    expect(texts['rules/web.dist']).toContain('  rules "Website leads", "Web rest"\n');
    expect(texts['rules/web.dist']).toMatch(/^rule "Website leads" \{\n {2}id "web-leads"\n/);
  });

  it('keeps a renamed rule on its old id', () => {
    const { texts } = renameAt('rules/web.dist', WEB.replace('"Web leads"', '"Web<|> leads"'), 'Website leads');
    expect(texts['rules/web.dist']).toMatch(/^rule "Website leads" \{\n {2}id "web-leads"\n {2}priority 10\n/);
  });

  it('keeps an id clause that is there already', () => {
    const marked = WEB.replace('"Web leads"', '"Web<|> leads"').replace('  priority 10\n', '  priority 10\n  id "first-web"\n');
    const { texts } = renameAt('rules/web.dist', marked, 'Website leads');
    expect(texts['rules/web.dist']!.match(/id "/g)).toHaveLength(1);
    expect(texts['rules/web.dist']).toContain('rule "Website leads" {');
  });

  it('offers the name without its quotes, and refuses built-in names and bad field names', () => {
    const { s, position } = renameAt('rules/web.dist', WEB.replace('"ana@', '"an<|>a@'), 'x');
    const range = s.prepareRename(uri('rules/web.dist'), position)!;
    expect([range.start.character, range.end.character]).toEqual([16, 29]);
    expect(renameAt('rules/web.dist', WEB.replace('lead.score', 'lead.sc<|>ore'), 'not a name').outcome).toEqual({
      error: '`not a name` is not a valid name; use letters, digits and `_`, starting with a letter',
    });
    const builtin = renameAt('rules/edit.dist', 'rule "B" {\n  when lead.ow<|>ner == "x"\n}\n', 'boss').outcome;
    expect(builtin).toEqual({ error: '`lead.owner` is not declared in the project (a built-in name or a misspelling), so it cannot be renamed' });
  });
});
