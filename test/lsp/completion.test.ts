// Completion at `<|>` cursors: keywords where a clause or setting starts, the words
// each clause takes, fields after `entity.` (also in code that does not parse yet),
// users, teams and groups inside the strings that name them, and choice values.
import { describe, expect, it } from 'vitest';
import { serviceAt } from './fixtures';

const labels = (marked: string) => {
  const { s, uri, position } = serviceAt(marked);
  return s.completion(uri, position).map((i) => i.label);
};

const rule = (body: string) => `rule "R" {\n  priority 5\n  on lead.created\n${body}\n}\n`;

describe('completion', () => {
  it('offers declarations at the top level', () => {
    expect(labels('<|>')).toEqual(['schema', 'settings', 'rule', 'map', 'workflow']);
  });

  it('offers clause keywords at the start of a line in a rule, missing ones first', () => {
    const got = labels(rule('  as<|>'));
    expect(got).toContain('assign');
    expect(got).toContain('distribute');
    const { s, uri, position } = serviceAt(rule('  <|>'));
    const sorted = s.completion(uri, position).sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1)).map((i) => i.label);
    expect(sorted.slice(-2)).toEqual(['priority', 'on']);
  });

  it('offers the fields of an entity after `lead.`, in a clause that does not parse yet', () => {
    expect(labels(rule('  when lead.<|>'))).toEqual(['id', 'owner', 'score', 'source', 'city']);
  });

  it('offers user fields after `user.` in a `users where` filter', () => {
    expect(labels(rule('  assign users where user.<|>'))).toEqual(['id', 'name', 'teams', 'open_load', 'last_assigned_at', 'languages']);
  });

  it('offers event kinds after `on lead.`', () => {
    expect(labels('rule "R" {\n  on lead.<|>\n}\n')).toContain('updated');
  });

  it('offers users, teams and groups inside the strings that name them', () => {
    expect(labels(rule('  assign users "ana@acme.test", "<|>'))).toEqual(['ana@acme.test', 'bob@acme.test']);
    expect(labels(rule('  assign teams "E<|>"'))).toEqual(['East']);
    expect(labels(rule('  assign groups "<|>'))).toEqual(['Closers']);
    expect(labels(rule('  scope team "<|>"'))).toEqual(['East']);
    expect(labels(rule('  fallback user "<|>'))).toEqual(['ana@acme.test', 'bob@acme.test']);
  });

  it('replaces what is typed inside the string', () => {
    const { s, uri, position } = serviceAt(rule('  assign users "an<|>'));
    const ana = s.completion(uri, position).find((i) => i.label === 'ana@acme.test')!;
    expect(ana.textEdit && 'range' in ana.textEdit && [ana.textEdit.range.start.character, ana.textEdit.range.end.character]).toEqual([16, 18]);
    expect(ana.documentation).toBe('Ana Ruiz · teams East');
  });

  it('offers the values of a choice field after a comparison', () => {
    expect(labels(rule('  when lead.source == "<|>'))).toEqual(['web', 'phone', 'partner']);
    expect(labels(rule('  when lead.source in ["web", "<|>'))).toEqual(['web', 'phone', 'partner']);
  });

  it('offers the words a clause takes', () => {
    expect(labels(rule('  distribute <|>'))).toContain('ordered by');
    expect(labels(rule('  status <|>'))).toEqual(['active', 'draft', 'inactive']);
    expect(labels(rule('  require checked_in, <|>'))).toContain('workday');
    expect(labels(rule('  assign <|>'))).toEqual(['users', 'teams', 'groups', 'anyone']);
    expect(labels(rule('  expect 20 per <|>'))).toEqual(['hour', 'day', 'week', 'month']);
  });

  it('offers entities, functions and operators in a condition', () => {
    const got = labels(rule('  when lead.score > 5 and <|>'));
    expect(got).toContain('lead');
    expect(got).toContain('lower');
    expect(got).not.toContain('digits');
    expect(got).not.toContain('priority');
  });

  it('offers settings and their words', () => {
    expect(labels('settings {\n  <|>\n}\n')).toContain('timezone');
    expect(labels('settings {\n  quota <|>\n}\n')).toContain('daily');
  });

  it('offers types after `:` in a schema', () => {
    expect(labels('schema deal {\n  amount: <|>\n}\n')).toContain('choice');
  });
});
