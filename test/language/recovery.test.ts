// Error recovery: one mistake gives one message, the broken item becomes an Error
// node in its parent (which is marked recovered), and everything around it comes
// out intact.
import { describe, expect, it } from 'vitest';
import type { RuleDecl } from '../../language/ast';
import { nodeAt } from '../../language/ast-walk';
import { p, ruleText } from './helpers';

const GOOD = 'priority 1\non lead.created\nwhen lead.a == 1\nassign anyone\ndistribute round_robin';

/** Three rules; the middle one has `middle` as its body. */
function three(middle: string): string {
  return ruleText(GOOD, 'first') + ruleText(middle, 'second') + ruleText(GOOD, 'third');
}

function rules(text: string): RuleDecl[] {
  return p(text).ast.declarations.filter((d): d is RuleDecl => d.kind === 'Rule');
}

function kinds(rule: RuleDecl | undefined): string[] {
  return rule?.clauses.map((c) => c.kind) ?? [];
}

const INTACT = ['Priority', 'On', 'When', 'Assign', 'Distribute'];

describe('one mistake, one message', () => {
  it.each([
    ['misspelled clause keyword', 'prioirty 2\non lead.created', 'prioirty', 'expected a clause such as `priority`, `on`, `when`, `assign` or `distribute`, found `prioirty`; did you mean `priority`?'],
    ['missing string after fallback user', 'priority 2\nfallback user\non lead.created', 'on', 'expected a string after `fallback user`, found `on`'],
    ['chained comparison', 'priority 2\nwhen lead.a < lead.b < lead.c', '<', undefined],
    ['single `=`', 'priority 2\nwhen lead.a = 1\non lead.created', '=', 'expected `==` to compare values, found `=`'],
    ['trailing `and`', 'priority 2\nwhen lead.a == 1 and\nassign anyone', 'assign', undefined],
    ['missing value after `==`', 'priority 2\nwhen lead.a ==\ndistribute random', 'distribute', undefined],
    ['unclosed parenthesis', 'priority 2\nwhen (lead.a == 1\non lead.created', 'on', undefined],
    ['missing method', 'priority 2\ndistribute\ntake 3', 'take', undefined],
    ['bad scope', 'scope foo\npriority 2', 'foo', 'expected `global` or `team "T"` after `scope`, found `foo`'],
    ['missing event segment', 'on lead\npriority 2', 'priority', undefined],
    ['missing status value', 'status\npriority 2', 'priority', undefined],
    ['weights not closed', 'distribute weighted { "A": 1\ntake 2', 'take', 'expected `}` to close the weights, found `take`'],
    ['junk in weights', 'distribute weighted { "A": 1, foo, "B": 2 }', 'foo', undefined],
    ['missing `after`', 'reassign 60m', '60m', undefined],
    ['unterminated string', 'description "abc\npriority 2', '"', undefined],
    ['invalid literal', 'take 10q', '10q', undefined],
    ['unexpected character', 'priority 2 #\non lead.created', '#', 'unexpected character `#`'],
  ])('%s', (_what, middle, at, message) => {
    const text = three(middle);
    const result = p(text);
    expect(result.diagnostics).toHaveLength(1);
    const d = result.diagnostics[0]!;
    expect(text.slice(d.span.start, d.span.end)).toBe(at);
    if (message) expect(d.message).toBe(message);
    const [first, second, third] = rules(text);
    expect([first?.name.value, kinds(first), first?.recovered]).toEqual(['first', INTACT, false]);
    expect([third?.name.value, kinds(third), third?.recovered]).toEqual(['third', INTACT, false]);
    expect(second?.name.value).toBe('second');
  });

  it('marks the rule recovered and leaves out only the broken clause', () => {
    const [, second] = rules(three('priority 2\nwhen lead.a == \non lead.created\nassign anyone'));
    expect(second?.recovered).toBe(true);
    expect(kinds(second)).toEqual(['Priority', 'On', 'Assign']);
  });

  it('keeps a rule whose closing brace is missing (recovered) and the next rule intact', () => {
    const text = ruleText(GOOD, 'first') + 'rule "second" {\npriority 2\non lead.created\n' + ruleText(GOOD, 'third');
    const result = p(text);
    expect(result.diagnostics.map((d) => d.message)).toEqual(['expected `}` to close rule `second`, found `rule`']);
    const [first, second, third] = rules(text);
    expect([first?.recovered, second?.recovered, third?.recovered]).toEqual([false, true, false]);
    expect(kinds(second)).toEqual(['Priority', 'On']);
    expect(kinds(third)).toEqual(INTACT);
  });

  it('reports a missing brace at the end of the file with a zero-length span there', () => {
    const text = 'rule "x" {\npriority 1\n';
    const result = p(text);
    expect(result.diagnostics.map((d) => [d.message, d.span])).toEqual([
      ['expected `}` to close rule `x`, found the end of the file', { start: text.length, end: text.length }],
    ]);
  });

  it('resumes at the next declaration after junk at the top level', () => {
    const text = 'garbage here ' + ruleText(GOOD, 'a') + ' } ) ' + ruleText(GOOD, 'b');
    const result = p(text);
    expect(result.diagnostics.map((d) => text.slice(d.span.start, d.span.end))).toEqual(['garbage', '}']);
    expect(rules(text).map((r) => [r.name.value, kinds(r)])).toEqual([['a', INTACT], ['b', INTACT]]);
  });

  it('drops a declaration whose header is broken, silently beyond the first message', () => {
    const text = 'rule 42 {\npriority 1\n}\n' + ruleText(GOOD, 'b');
    const result = p(text);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]!.message).toBe('expected a string after `rule`, found `42`');
    expect(rules(text).map((r) => r.name.value)).toEqual(['b']);
  });
});

describe('schemas, settings and maps recover per item', () => {
  it('inserts a missing `:` and keeps the field', () => {
    const result = p('schema lead {\n score number\n status: text\n}');
    expect(result.diagnostics.map((d) => d.message)).toEqual(['expected `:` after `score`, found `number`']);
    const schema = result.ast.declarations[0]!;
    expect(schema.kind === 'Schema' && schema.fields.map((f) => f.name.text)).toEqual(['score', 'status']);
  });

  it('rejects arguments on the wrong types', () => {
    const result = p('schema lead {\n a: choice(text)\n b: list("x")\n c: text(1)\n d: choice("A", "B")\n e: list(list(number))\n}');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['DIST003', 'DIST003', 'DIST003']);
    const schema = result.ast.declarations[0]!;
    expect(schema.kind === 'Schema' && [schema.recovered, schema.fields.map((f) => f.type.kind)]).toEqual([true, ['ChoiceType', 'ListType']]);
  });

  it('closes a schema before the next declaration', () => {
    const result = p('schema lead {\n score: number\n' + ruleText(GOOD));
    expect(result.diagnostics.map((d) => d.message)).toEqual(['expected `}` to close schema `lead`, found `rule`']);
    expect(result.ast.declarations.map((d) => [d.kind, 'recovered' in d && d.recovered])).toEqual([['Schema', true], ['Rule', false]]);
  });

  it('skips a bad setting', () => {
    const result = p('settings {\n timezone "UTC"\n bogus 1\n quota daily 5\n}');
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'expected a setting such as `timezone`, `trigger`, `capacity`, `quota`, `expect` or `unmatched`, found `bogus`',
    ]);
    const s = result.ast.declarations[0]!;
    expect(s.kind === 'Settings' && s.entries.map((e) => e.kind)).toEqual(['TimezoneSetting', 'QuotaSetting']);
  });

  it('skips a bad mapping and reports a missing value once', () => {
    const result = p('map lead from "f" {\n a = payload.a\n b payload.b\n c =\n d = payload.d\n on invalid queue "q"\n}');
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'expected a mapping such as `email = payload.email`, found `b`',
      'expected a value, found `d`, which starts the next mapping',
    ]);
  });
});

describe('the diagnostic cap', () => {
  it('keeps 100 diagnostics and says that it stopped', () => {
    const text = Array.from({ length: 300 }, (_, i) => `rule "r${i}" { prioirty 1 }`).join('\n');
    const result = p(text);
    expect(result.diagnostics).toHaveLength(101);
    expect(result.diagnostics[100]!.message).toBe('too many errors; stopping');
  });
});

describe('error nodes', () => {
  it('leaves an Error node for an unfinished clause, so the cursor has a node to complete', () => {
    const text = 'rule "a" {\n  priority 1\n  when lead.\n}\n';
    const rule = rules(text)[0]!;
    expect(rule.errors.map((e) => [text.slice(e.span.start, e.span.end), e.expected, e.keyword?.text])).toEqual([['when lead.', 'clause', 'when']]);
    const cursor = text.indexOf('lead.') + 'lead.'.length;
    expect(nodeAt(p(text).ast, cursor)?.kind).toBe('Error');
  });

  it('reaches the junk token that follows a clause it belongs to', () => {
    const text = three('priority 2\nwhen lead.a = = 1\non lead.created');
    const second = rules(text)[1]!;
    expect(second.errors.map((e) => text.slice(e.span.start, e.span.end))).toEqual(['when lead.a =']);
    expect(kinds(second)).toEqual(['Priority', 'On']);
  });

  it('leaves file-level Error nodes for declarations whose header is broken, inside the file', () => {
    const text = 'rule 42 {\npriority 1\n}\n' + ruleText(GOOD, 'b');
    const { ast } = p(text);
    expect(ast.errors.map((e) => [e.expected, e.keyword?.text, e.span.start])).toEqual([['declaration', 'rule', 0]]);
  });

  it('keeps Error nodes of schemas, settings and maps', () => {
    const text = 'schema lead {\n a: choice(text)\n}\nsettings {\n bogus 1\n}\n';
    const [schema, settings] = p(text).ast.declarations;
    expect(schema?.kind === 'Schema' && schema.errors.map((e) => e.expected)).toEqual(['field']);
    expect(settings?.kind === 'Settings' && settings.errors.length).toBe(0);
  });
});
