// Hover, go to definition and find references at `<|>` cursors, across the
// project's `.dist` files and directory.yaml.
import { describe, expect, it } from 'vitest';
import { DIRECTORY, SCHEMA, WEB, cursor, service, serviceAt, slice, uri } from './fixtures';

const hoverText = (marked: string) => {
  const { s, uri: at, position } = serviceAt(marked);
  const h = s.hover(at, position);
  return h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : null;
};

describe('hover', () => {
  it('shows a field with its type', () => {
    expect(hoverText('rule "R" {\n  when lead.sc<|>ore > 1\n}\n')).toBe('`lead.score: number`\n\ndeclared in `schema lead`');
  });

  it('shows a built-in user field', () => {
    expect(hoverText('rule "R" {\n  assign users where user.open_lo<|>ad < 3\n}\n')).toBe('`user.open_load: number`\n\nbuilt-in field of every user');
  });

  it('shows a user from the directory', () => {
    expect(hoverText('rule "R" {\n  assign users "an<|>a@acme.test"\n}\n')).toBe('user `ana@acme.test`\n\nAna Ruiz · teams East');
  });

  it('shows a team with its members', () => {
    expect(hoverText('rule "R" {\n  assign teams "Ea<|>st"\n}\n')).toBe('team `East`\n\n1 member: ana@acme.test');
  });

  it('shows the vocabulary doc of a keyword, by context', () => {
    expect(hoverText('rule "R" {\n  distri<|>bute round_robin\n}\n')).toMatch(/^`distribute` \(clause\)\n\nThe distribution method/);
    expect(hoverText('rule "R" {\n  distribute least_re<|>cent\n}\n')).toMatch(/^`least_recent` \(method\)/);
    expect(hoverText('settings {\n  expe<|>ct 20 per day\n}\n')).toMatch(/^`expect` \(setting\)/);
    expect(hoverText('rule "R" {\n  when low<|>er(lead.city) == "x"\n}\n')).toMatch(/^`lower` \(function\)/);
  });

  it('shows the type of an expression', () => {
    expect(hoverText('rule "R" {\n  on lead.created\n  when lead.score * 2 ><|> 1\n}\n')).toBe('`bool`');
  });

  it('shows a rule with its priority and id', () => {
    expect(hoverText('rule "Ot<|>her" {\n  priority 3\n}\n')).toBe('rule `Other` · priority 3 · active · id `other`');
  });
});

describe('definition and references', () => {
  it('goes from a field use to its declaration in another file', () => {
    const { s, uri: at, position } = serviceAt('rule "R" {\n  when lead.ci<|>ty == "x"\n}\n');
    const loc = s.definition(at, position)!;
    expect([loc.uri, slice(SCHEMA, loc.range)]).toEqual([uri('rules/schema.dist'), 'city']);
  });

  it('goes from a user in a pool to directory.yaml', () => {
    const { s, uri: at, position } = serviceAt('rule "R" {\n  fallback user "bo<|>b@acme.test"\n}\n');
    const loc = s.definition(at, position)!;
    expect([loc.uri, slice(DIRECTORY, loc.range), loc.range.start.line]).toEqual([uri('directory.yaml'), 'bob@acme.test', 4]);
  });

  it('goes from a team member in directory.yaml to the user', () => {
    const { text, position } = cursor(DIRECTORY.replace('members: [ana', 'members: [a<|>na'));
    const s = service({ 'directory.yaml': text });
    expect(s.definition(uri('directory.yaml'), position)?.range.start.line).toBe(1);
  });

  it('finds every use of a field, with or without its declaration', () => {
    const { text, position } = cursor(SCHEMA.replace('score:', 'sc<|>ore:'));
    const s = service({ 'rules/schema.dist': text, 'rules/more.dist': 'rule "M" {\n  when lead.score < 3\n}\n' });
    const all = s.references(uri('rules/schema.dist'), position, true);
    expect(all.map((l) => l.uri.slice(uri('').length))).toEqual(['rules/more.dist', 'rules/schema.dist', 'rules/web.dist']);
    expect(s.references(uri('rules/schema.dist'), position, false)).toHaveLength(2);
  });

  it('finds every rule that names a user', () => {
    const { text, position } = cursor(WEB.replace('"bob@', '"b<|>ob@'));
    const s = service({ 'rules/web.dist': text });
    expect(s.references(uri('rules/web.dist'), position).map((l) => l.uri.slice(uri('').length))).toEqual(['directory.yaml', 'directory.yaml', 'rules/web.dist']);
  });
});

describe('symbols', () => {
  it('outlines a file', () => {
    const s = service();
    expect(s.documentSymbols(uri('rules/schema.dist')).map((d) => [d.name, d.children?.map((c) => c.name)])).toEqual([
      ['schema lead', ['score', 'source', 'city']],
      ['schema user', ['languages']],
    ]);
  });

  it('finds symbols across the project by name', () => {
    const s = service();
    expect(s.workspaceSymbols('web').map((w) => [w.name, w.containerName])).toEqual([['Web leads', 'rule']]);
    expect(s.workspaceSymbols('acme').map((w) => w.name)).toEqual(['ana@acme.test', 'bob@acme.test']);
  });
});

describe('formatting', () => {
  it('formats a file as one edit, and refuses a file that does not parse', () => {
    const s = service({ 'rules/messy.dist': 'rule "M" {\npriority   3\n    on lead.created\n}' });
    const { edits, refused } = s.formatting(uri('rules/messy.dist'));
    expect([edits[0]?.newText, refused]).toEqual(['rule "M" {\n  priority 3\n  on lead.created\n}\n', null]);
    s.setFile('rules/messy.dist', 'rule "M" {\n  priority\n}');
    const broken = s.formatting(uri('rules/messy.dist'));
    expect(broken.edits).toEqual([]);
    expect(broken.refused).toMatch(/^rules\/messy.dist is not formatted: DIST003 at line 3: /);
  });
});
