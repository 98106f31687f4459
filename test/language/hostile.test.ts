// Hostile inputs: deep nesting, long prefix runs, huge chains, control characters,
// a lone comment opener, invalid UTF-8. Each gives diagnostics, never a throw or a hang.
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../language/decode';
import { p, ruleText } from './helpers';

function codes(text: string): string[] {
  return p(text).diagnostics.map((d) => d.code);
}

describe('hostile inputs', () => {
  it('refuses 10,000 nested parentheses with one DIST005', () => {
    const text = ruleText(`when ${'('.repeat(10_000)}lead.a${')'.repeat(10_000)}`);
    const result = p(text);
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['DIST005', 'nesting is deeper than 64 levels; simplify the expression'],
    ]);
    expect(result.ast.declarations).toEqual([]);
    expect(text[result.diagnostics[0]!.span.start]).toBe('(');
  });

  it('parses 64 nested parentheses and brackets', () => {
    expect(codes(ruleText(`when ${'('.repeat(62)}lead.a${')'.repeat(62)}`))).toEqual([]);
    expect(codes(ruleText(`when lead.a in ${'['.repeat(62)}1${']'.repeat(62)}`))).toEqual([]);
  });

  it.each([
    ['10,000 `not`', `when ${'not '.repeat(10_000)}lead.a`],
    ['10,000 `-`', `when ${'- '.repeat(10_000)}lead.a > 0`],
    ['10,000 `- -` mixed with `not`', `when ${'not - '.repeat(5_000)}lead.a`],
  ])('refuses %s with one DIST005', (_what, body) => {
    expect(codes(ruleText(body))).toEqual(['DIST005']);
  });

  it('refuses a 20,000-term chain as too deep an expression and drops the clause', () => {
    const result = p(ruleText(`priority 1\nwhen ${Array(20_000).fill('lead.a').join(' + ')} > 0`));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['DIST005']);
    const rule = result.ast.declarations[0]!;
    expect(rule.kind === 'Rule' && [rule.recovered, rule.clauses.map((c) => c.kind)]).toEqual([true, ['Priority']]);
  });

  it('keeps a 20,000-operand flat `and` (it is shallow)', () => {
    const result = p(ruleText(`when ${Array(20_000).fill('lead.a').join(' and ')}`));
    expect(result.diagnostics).toEqual([]);
  });

  it('reports NUL bytes and other control characters', () => {
    const result = p('\u0000rule "x" {\u0000 priority 1 }\u0007');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['DIST001', 'DIST001', 'DIST001']);
    expect(result.ast.declarations).toHaveLength(1);
  });

  it('handles lone surrogates and astral characters', () => {
    const result = p('rule "\uD800" { description "😀" } \uDC00 😀');
    expect(result.diagnostics.map((d) => d.message)).toEqual(['unexpected character U+DC00', 'unexpected character `😀`']);
  });

  it('handles a lone `/*`, a lone `"` and an empty file', () => {
    expect(codes('/*')).toEqual(['DIST002']);
    expect(codes('"')).toEqual(['DIST002']);
    expect(codes('')).toEqual([]);
    expect(codes('rule')).toEqual(['DIST003']);
  });

  it('parses a 10 MB file of junk quickly', () => {
    const junk = 'x = ( } @ rule "r" { when ] priority ; '.repeat(250_000);
    const started = Date.now();
    const result = p(junk);
    expect(result.diagnostics).toHaveLength(101);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe('decodeSource', () => {
  const bytes = (...values: number[]) => Uint8Array.from(values);

  it('decodes UTF-8 and strips a BOM', () => {
    expect(decodeSource(bytes(0xef, 0xbb, 0xbf, 0x61, 0xc3, 0xa9), 'f')).toEqual({ text: 'aé', diagnostics: [] });
    expect(decodeSource(new TextEncoder().encode('rule "😀"'), 'f').text).toBe('rule "😀"');
  });

  it('reports the first invalid byte once, where its U+FFFD lands', () => {
    // "a😀" then a truncated sequence, then "b", then another invalid byte.
    const input = bytes(0xef, 0xbb, 0xbf, 0x61, 0xf0, 0x9f, 0x98, 0x80, 0xe2, 0x82, 0x62, 0xff);
    const { text, diagnostics } = decodeSource(input, 'rules/x.dist');
    expect(text).toBe('a😀\uFFFDb\uFFFD');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'DIST006', file: 'rules/x.dist', span: { start: 3, end: 4 } });
    expect(text[diagnostics[0]!.span.start]).toBe('\uFFFD');
  });

  it.each([
    [[0x80]], [[0xc0, 0x80]], [[0xed, 0xa0, 0x80]], [[0xf4, 0x90, 0x80, 0x80]], [[0xf5]], [[0xe0, 0x80, 0x80]], [[0x61, 0xc3]],
  ])('rejects %j', (values) => {
    const { text, diagnostics } = decodeSource(bytes(...values), 'f');
    expect(diagnostics.map((d) => d.code)).toEqual(['DIST006']);
    expect(text[diagnostics[0]!.span.start]).toBe('\uFFFD');
  });

  it('lets the rest of the file be checked', () => {
    const { text } = decodeSource(bytes(...new TextEncoder().encode('rule "a'), 0xff, ...new TextEncoder().encode('" { priority 1 }')), 'f');
    expect(p(text).diagnostics).toEqual([]);
  });
});
