// The AST of each declaration and clause form, and exact spans on a few nodes.
import { describe, expect, it } from 'vitest';
import { clause, p, ruleText, spanProblems } from './helpers';

describe('clauses', () => {
  it('reads scope, status, description and priority', () => {
    expect(clause('scope global', 'Scope').team).toBeNull();
    expect(clause('scope team "Sales East"', 'Scope').team?.value).toBe('Sales East');
    expect(clause('status draft', 'Status').value.text).toBe('draft');
    expect(clause('priority 10', 'Priority').value.value).toBe(10);
  });

  it('reads every pool form', () => {
    const pool = (text: string) => clause(`assign ${text}`, 'Assign').pool;
    expect(pool('users "a", "b"')).toMatchObject({ kind: 'UsersPool', users: [{ value: 'a' }, { value: 'b' }], where: null });
    expect(pool('users "a" where user.x == 1')).toMatchObject({ kind: 'UsersPool', users: [{ value: 'a' }], where: { kind: 'Compare' } });
    expect(pool('users where user.x == 1')).toMatchObject({ kind: 'UsersPool', users: [], where: { kind: 'Compare' } });
    expect(pool('teams "T1", "T2"')).toMatchObject({ kind: 'TeamsPool', teams: [{ value: 'T1' }, { value: 'T2' }] });
    expect(pool('groups "G"')).toMatchObject({ kind: 'GroupsPool', groups: [{ value: 'G' }] });
    expect(pool('anyone')).toMatchObject({ kind: 'AnyonePool' });
  });

  it('reads requirements with windows', () => {
    const items = clause('require checked_in, workday within 120h, capacity', 'Require').items;
    expect(items.map((i) => [i.name.text, i.within?.ms ?? null])).toEqual([['checked_in', null], ['workday', 432_000_000], ['capacity', null]]);
  });

  it('reads events with and without field lists', () => {
    const events = clause('on lead.updated(status, score), lead.created, opportunity.updated(stage)', 'On').events;
    expect(events.map((e) => [e.entity.text, e.event.text, e.fields?.map((f) => f.text) ?? null])).toEqual([
      ['lead', 'updated', ['status', 'score']],
      ['lead', 'created', null],
      ['opportunity', 'updated', ['stage']],
    ]);
  });

  it('reads every method form', () => {
    const method = (text: string) => clause(`distribute ${text}`, 'Distribute').method;
    expect(method('round_robin')).toMatchObject({ kind: 'SimpleMethod', name: { text: 'round_robin' } });
    expect(method('whatever_else')).toMatchObject({ kind: 'SimpleMethod', name: { text: 'whatever_else' } });
    expect(method('weighted { "A": 2 "B": -1, }')).toMatchObject({
      kind: 'WeightedMethod', by: null, weights: [{ key: { value: 'A' } }, { key: { value: 'B' }, weight: { kind: 'Unary' } }],
    });
    expect(method('weighted {\n "A": 2\n "B": 0.5\n}')).toMatchObject({ kind: 'WeightedMethod', weights: [{}, {}] });
    expect(method('score user.a')).toMatchObject({ kind: 'ScoreMethod', expr: { kind: 'Path' } });
    expect(method('ordered by user.a, user.b asc')).toMatchObject({
      kind: 'OrderedMethod', keys: [{ direction: null }, { direction: 'asc' }],
    });
  });

  it('reads fallback forms', () => {
    expect(clause('fallback user "u"', 'Fallback').target).toMatchObject({ kind: 'FallbackUser', user: { value: 'u' } });
    expect(clause('fallback queue "q"', 'Fallback').target).toMatchObject({ kind: 'QueueTarget', name: { value: 'q' }, retry: null });
    expect(clause('fallback queue "q" retry every 15m for 24h', 'Fallback').target).toMatchObject({
      kind: 'QueueTarget', retry: { every: { ms: 900_000 }, for: { ms: 86_400_000 } },
    });
  });

  it('reads reassign without its options', () => {
    expect(clause('reassign after 2h', 'Reassign')).toMatchObject({ after: { raw: '2h' }, when: null, max: null });
    expect(clause('take 1', 'Take')).toMatchObject({ count: { value: 1 }, min: null });
  });

  it('keeps clauses in source order', () => {
    const r = p(ruleText('take 1\npriority 2\nwhen lead.a\non lead.created\ndescription "d"\nassign anyone'));
    const rule = r.ast.declarations[0]!;
    expect(rule.kind === 'Rule' && rule.clauses.map((c) => c.kind)).toEqual(['Take', 'Priority', 'When', 'On', 'Description', 'Assign']);
  });
});

describe('settings and maps', () => {
  it('reads every setting', () => {
    const r = p('settings {\n timezone "UTC"\n trigger automation\n capacity 5\n quota weekly user.cap\n unmatched queue "t" retry every 1h for 1d\n}');
    expect(r.diagnostics).toEqual([]);
    const s = r.ast.declarations[0]!;
    expect(s.kind === 'Settings' && s.entries).toMatchObject([
      { kind: 'TimezoneSetting', value: { value: 'UTC' } },
      { kind: 'TriggerSetting', mode: { text: 'automation' } },
      { kind: 'CapacitySetting', value: { kind: 'Number' } },
      { kind: 'QuotaSetting', period: { text: 'weekly' }, limit: { kind: 'Path' } },
      { kind: 'UnmatchedSetting', queue: { name: { value: 't' }, retry: { every: { ms: 3_600_000 } } } },
    ]);
  });

  it('reads a map with `on invalid`', () => {
    const r = p('map contact from "portal" {\n email = lower(trim(payload.email))\n on invalid queue "bad"\n}');
    expect(r.diagnostics).toEqual([]);
    expect(r.ast.declarations[0]).toMatchObject({
      kind: 'Map', entity: { text: 'contact' }, source: { value: 'portal' }, recovered: false,
      items: [{ kind: 'MapEntry', field: { text: 'email' }, value: { kind: 'Call' } }, { kind: 'OnInvalid', queue: { value: 'bad' } }],
    });
  });
});

describe('spans', () => {
  const text = ruleText('priority 10\nwhen lead.score >= 80 and lead.name == "A\\"B"\nassign users where user.x in [1, 2]', 'Spans');
  const result = p(text);
  const rule = result.ast.declarations[0]!;

  it('are well formed and nested', () => {
    expect(result.diagnostics).toEqual([]);
    expect(spanProblems(result.ast, text)).toEqual([]);
    expect(result.ast.span).toEqual({ start: 0, end: text.length });
  });

  it('cover exactly the source of each node', () => {
    if (rule.kind !== 'Rule') throw new Error('no rule');
    const slice = (s: { start: number; end: number }) => text.slice(s.start, s.end);
    expect(slice(rule.span)).toBe(text.trimEnd());
    expect(slice(rule.name.span)).toBe('"Spans"');
    const when = rule.clauses[1]!;
    if (when.kind !== 'When' || when.condition.kind !== 'Logical') throw new Error('no when');
    expect(slice(when.span)).toBe('when lead.score >= 80 and lead.name == "A\\"B"');
    const [compare, equals] = when.condition.operands;
    expect(slice(compare!.span)).toBe('lead.score >= 80');
    if (equals?.kind !== 'Compare' || equals.right.kind !== 'String') throw new Error('no string');
    expect(slice(equals.right.span)).toBe(equals.right.raw);
    expect(equals.right.value).toBe('A"B');
    if (compare?.kind !== 'Compare' || compare.left.kind !== 'Path') throw new Error('no path');
    expect(slice(compare.left.segments[0]!.span)).toBe('score');
    expect(slice(rule.clauses[2]!.span)).toBe('assign users where user.x in [1, 2]');
  });

  it('count UTF-16 code units', () => {
    const t = '// é😀\nrule "😀" { description "ü" }';
    const r = p(t);
    const d = r.ast.declarations[0]!;
    expect(d.kind === 'Rule' && t.slice(d.clauses[0]!.span.start, d.clauses[0]!.span.end)).toBe('description "ü"');
    expect(spanProblems(r.ast, t)).toEqual([]);
  });
});
