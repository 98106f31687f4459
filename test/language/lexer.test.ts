// Lexing: literals, comments, keywords as names, and lexical diagnostics.
import { describe, expect, it } from 'vitest';
import { lex } from '../../language/lexer';
import { CONTEXTUAL_KEYWORDS, KEYWORDS, RESERVED_WORDS } from '../../language/tokens';
import { clause, condition, p, ruleText, show } from './helpers';

function types(text: string): string[] {
  return lex(text, 'x').tokens.map((t) => `${t.tokenType.name}:${t.image}`);
}

describe('tokens', () => {
  it('lexes keywords with longer_alt, so longer words stay identifiers', () => {
    expect(types('users users_x settings set setx ordered or_else in index')).toEqual([
      'Users:users', 'PlainIdentifier:users_x', 'Settings:settings', 'Set:set', 'PlainIdentifier:setx',
      'Ordered:ordered', 'PlainIdentifier:or_else', 'In:in', 'PlainIdentifier:index',
    ]);
  });

  it('lexes operators longest first', () => {
    expect(types('== = != <= < >= > ?? + - * / . : , ( ) [ ] { }').map((t) => t.slice(t.indexOf(':') + 1))).toEqual(
      ['==', '=', '!=', '<=', '<', '>=', '>', '??', '+', '-', '*', '/', '.', ':', ',', '(', ')', '[', ']', '{', '}'],
    );
  });

  it('exports the keyword lists', () => {
    expect(KEYWORDS).toEqual([...RESERVED_WORDS, ...CONTEXTUAL_KEYWORDS]);
    expect(RESERVED_WORDS).toContain('starts_with');
    expect(CONTEXTUAL_KEYWORDS).toContain('priority');
  });

  it('never lexes a negative literal', () => {
    expect(types('-5')).toEqual(['Minus:-', 'NumberLit:5']);
  });
});

describe('literals', () => {
  it('reads numbers with digit-group underscores', () => {
    expect(show(condition('lead.a == 750_000'))).toBe('(lead.a == 750_000)');
    const c = condition('lead.a == 750_000');
    expect(c.kind === 'Compare' && c.right.kind === 'Number' && c.right.value).toBe(750000);
    const half = condition('lead.a == 0.5');
    expect(half.kind === 'Compare' && half.right.kind === 'Number' && half.right.value).toBe(0.5);
  });

  it.each([['30s', 30_000], ['60m', 3_600_000], ['2h', 7_200_000], ['7d', 604_800_000], ['1.5h', 5_400_000], ['1_000s', 1_000_000]])(
    'reads the duration %s', (raw, ms) => {
      const c = condition(`hours_since(lead.t) > ${raw}`);
      expect(c.kind === 'Compare' && c.right.kind === 'Duration' && [c.right.raw, c.right.ms]).toEqual([raw, ms]);
    },
  );

  it.each(['1__0', '1_', '10q', '1e5', '2hours', '1__0s'])('rejects `%s` with one DIST007', (raw) => {
    const r = p(ruleText(`when lead.a == ${raw}\npriority 1`));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['DIST007']);
    const rule = r.ast.declarations[0];
    expect(rule?.kind === 'Rule' && rule.recovered && rule.clauses.map((c) => c.kind)).toEqual(['Priority']);
  });

  it('decodes JSON escapes and keeps the raw text', () => {
    const d = clause('description "a\\"b\\\\c\\/d\\n\\t\\u00e9\\uD83D\\uDE00"', 'Description');
    expect(d.value.value).toBe('a"b\\c/d\n\té😀');
    expect(d.value.raw).toBe('"a\\"b\\\\c\\/d\\n\\t\\u00e9\\uD83D\\uDE00"');
  });

  it('reports a bad escape once, at the escape', () => {
    const text = ruleText('description "a\\qb\\x"');
    const r = p(text);
    expect(r.diagnostics.map((d) => [d.code, text.slice(d.span.start, d.span.end)])).toEqual([['DIST007', '\\q']]);
  });

  it('reports an unterminated string at its start and goes on', () => {
    const text = ruleText('description "abc\npriority 2');
    const r = p(text);
    expect(r.diagnostics.map((d) => [d.code, d.span.start])).toEqual([['DIST002', text.indexOf('"abc')]]);
    const rule = r.ast.declarations[0];
    expect(rule?.kind === 'Rule' && rule.clauses.map((c) => c.kind)).toEqual(['Priority']);
  });
});

describe('comments', () => {
  it('collects line and block comments with their delimiters', () => {
    const text = '// one\nrule "x" { /* two\n lines */ priority 1 // three\n}';
    const r = p(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.ast.comments.map((c) => [c.text, c.block, text.slice(c.span.start, c.span.end)])).toEqual([
      ['// one', false, '// one'],
      ['/* two\n lines */', true, '/* two\n lines */'],
      ['// three', false, '// three'],
    ]);
  });

  it('reports an unterminated block comment once', () => {
    const r = p('rule "x" { priority 1 /* never closed');
    expect(r.diagnostics.map((d) => [d.code, d.span])).toEqual([['DIST002', { start: 22, end: 24 }]]);
    expect(r.ast.comments).toHaveLength(1);
  });
});

describe('unexpected characters', () => {
  it('merges a run into one DIST001 and shows control characters as U+XXXX', () => {
    const r = p('rule "x" { priority 1 #@; }\n\u0000\u0001');
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['DIST001', 'unexpected characters `#@;`'],
      ['DIST001', 'unexpected characters U+0000 U+0001'],
    ]);
    expect(r.ast.declarations).toHaveLength(1);
  });

  it('reports a lone `!` or `?` but lexes `!=` and `??`', () => {
    expect(p('!').diagnostics.map((d) => d.message)).toEqual(['unexpected character `!`']);
    expect(p('?').diagnostics.map((d) => d.message)).toEqual(['unexpected character `?`']);
    expect(show(condition('lead.a != lead.b ?? 1'))).toBe('(lead.a != (lead.b ?? 1))');
  });
});

describe('keywords as names', () => {
  it('accepts contextual keywords as fields, entities, events and map targets', () => {
    const text = [
      'schema lead { status: text score: number priority: number user: text source: text in: text }',
      'map lead from "f" { status = payload.status on = payload.on score = number(payload.score) }',
      ruleText('on lead.updated(status, score, priority)\nwhen lead.status == "New" and lead.in == "x" and user.score > 1\npriority 1'),
    ].join('\n');
    const r = p(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.ast.declarations.map((d) => d.kind)).toEqual(['Schema', 'Map', 'Rule']);
  });
});
