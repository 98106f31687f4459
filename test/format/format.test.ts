// Unit tests of `dist fmt`: the API contract (broken code untouched, `changed`,
// line endings) and the layout decisions of docs/formatting.md, each on a small case.
import { describe, expect, it } from 'vitest';
import { formatAst, formatSource } from '../../language/format';
import { parse } from '../../language/parse';
import { commentTexts } from './helpers';

const fmt = (text: string): string => formatSource(text, 'test.dist').text;
const rule = (...clauses: string[]): string =>
  `rule "R" {\n${['priority 1', 'on lead.created', ...clauses, 'assign anyone', 'distribute random'].map((c) => `  ${c}\n`).join('')}}\n`;

describe('formatSource', () => {
  it('returns text with syntax errors unchanged, with the diagnostics', () => {
    const broken = 'rule "R" {\n   priority\n  on lead.created\n}\n\n\nschema   lead { a: text }';
    const result = formatSource(broken, 'broken.dist');
    expect(result.text).toBe(broken);
    expect(result.changed).toBe(false);
    expect(result.diagnostics.some((d) => d.severity === 'error' && d.file === 'broken.dist')).toBe(true);
  });

  it('reports whether the text changed', () => {
    const canonical = rule();
    expect(formatSource(canonical, 'a.dist')).toEqual({ text: canonical, changed: false, diagnostics: [] });
    expect(formatSource(canonical.replace('priority 1', 'priority    1'), 'a.dist').changed).toBe(true);
  });

  it('normalises CRLF and lone CR to LF and ends with one newline', () => {
    const text = 'schema lead {\r\n  a: text // x\r\n}\r\n\r\n\r\n';
    expect(fmt(text)).toBe('schema lead {\n  a: text // x\n}\n');
    expect(fmt('schema lead {\r  a: text\r}')).toBe('schema lead {\n  a: text\n}\n');
  });

  it('formats an empty file to nothing and a comment-only file to its comments', () => {
    expect(fmt('')).toBe('');
    expect(fmt('  \n\n')).toBe('');
    expect(fmt('// a\n\n\n/* b */   \n// c   \n')).toBe('// a\n\n/* b */\n// c\n');
  });

  it('formatAst prints a parsed AST', () => {
    const text = 'schema lead{a:text}';
    expect(formatAst(parse(text, 'a.dist').ast, text)).toBe('schema lead {\n  a: text\n}\n');
  });
});

describe('layout', () => {
  it('separates declarations by exactly one empty line', () => {
    expect(fmt('schema a { x: text }\nschema b { y: text }\n\n\n\nschema c { z: text }')).toBe(
      'schema a {\n  x: text\n}\n\nschema b {\n  y: text\n}\n\nschema c {\n  z: text\n}\n',
    );
  });

  it('writes clauses in the clause-table order', () => {
    const text = 'rule "R" { distribute random take 2 assign anyone on lead.created when lead.a == 1 priority 3 }';
    expect(fmt(text)).toBe(
      'rule "R" {\n  priority 3\n  on lead.created\n  when lead.a == 1\n  assign anyone\n  distribute random\n  take 2\n}\n',
    );
  });

  it('writes settings in a fixed order, quotas in their written order', () => {
    const text = 'settings { quota total 9 unmatched queue "q" quota hourly 1 timezone "UTC" quota daily 2 trigger entity }';
    expect(fmt(text)).toBe(
      'settings {\n  timezone "UTC"\n  trigger entity\n  quota total 9\n  quota hourly 1\n  quota daily 2\n  unmatched queue "q"\n}\n',
    );
  });

  it('keeps literals as written and parentheses exactly where written', () => {
    const text = rule('when lead.price_max  >  750_000 and ((lead.s=="a\\"b"))', 'take 03');
    expect(fmt(text)).toContain('  when lead.price_max > 750_000 and ((lead.s == "a\\"b"))\n');
    expect(fmt(text)).toContain('  take 03\n');
  });

  it('keeps a condition of exactly 100 columns on one line and breaks one of 101', () => {
    const fits = `when lead.a == 1 and lead.b == "${'x'.repeat(65)}"`;
    expect(2 + fits.length).toBe(100);
    expect(fmt(rule(fits))).toContain(`  ${fits}\n`);
    const long = fits.replace('"x', '"xx');
    expect(fmt(rule(long))).toContain(`  when lead.a == 1\n    and lead.b == "xx`);
  });

  it('breaks a long chain with the first operand on the clause line, the rest indented', () => {
    const ops = Array.from({ length: 8 }, (_, i) => `lead.field_${i} == "value ${i}"`);
    expect(fmt(rule(`when ${ops.join(' or ')}`))).toContain(
      `  when ${ops[0]}\n${ops.slice(1).map((o) => `    or ${o}\n`).join('')}`,
    );
  });

  it('breaks a long parenthesised chain four columns deeper than its `(` line', () => {
    const ors = Array.from({ length: 5 }, (_, i) => `lead.source == "Source number ${i}"`).join(' or ');
    expect(fmt(rule(`when lead.country == "India" and (${ors})`))).toContain(
      '  when lead.country == "India"\n    and (lead.source == "Source number 0"\n        or lead.source == "Source number 1"\n',
    );
  });

  it('keeps short weights on one line and breaks long ones one entry per line', () => {
    expect(fmt(rule().replace('distribute random', 'distribute weighted {"A":3,\n"B":2}'))).toContain(
      '  distribute weighted { "A": 3, "B": 2 }\n',
    );
    const keys = Array.from({ length: 6 }, (_, i) => `"user-${i}@example.test": ${i + 1}`);
    expect(fmt(rule().replace('distribute random', `distribute weighted { ${keys.join(', ')} }`))).toContain(
      `  distribute weighted {\n${keys.map((k) => `    ${k},\n`).join('')}  }\n`,
    );
  });
});

describe('comments', () => {
  const keeps = (text: string): string => {
    const out = fmt(text);
    expect(commentTexts(out)).toEqual(commentTexts(text));
    expect(fmt(out)).toBe(out);
    return out;
  };

  it('moves own-line comments with the clause after them', () => {
    const out = keeps('rule "R" {\n  // about distribute\n  distribute random\n  priority 1\n  on lead.created\n  assign anyone\n}\n');
    expect(out).toContain('  assign anyone\n  // about distribute\n  distribute random\n}');
  });

  it('keeps a same-line comment with the construct before it', () => {
    const out = keeps('rule "R" {\n  distribute random // why random\n  priority 1\n  on lead.created\n  assign anyone\n}\n');
    expect(out).toContain('  distribute random // why random\n');
  });

  it('puts a comment between operands on the operand rows and breaks the chain', () => {
    const out = keeps(rule('when lead.a == 1 /* first */ and lead.b == 2'));
    expect(out).toContain('  when lead.a == 1 /* first */\n    and lead.b == 2\n');
  });

  it('moves a comment from inside an operand to the end of its row, or before it', () => {
    expect(keeps(rule('when f(lead.a, // inside\n lead.b) and lead.c'))).toContain(
      '  when f(lead.a, lead.b) and lead.c // inside\n',
    );
    expect(keeps(rule('when f(\n// own line\n lead.a) and lead.c'))).toContain(
      '  // own line\n  when f(lead.a) and lead.c\n',
    );
  });

  it('never lets a `//` comment swallow another comment on its row', () => {
    const out = keeps('rule "R" {\n  priority 1\n  on lead.created\n  assign users "a", // one\n "b" // two\n  distribute random\n}\n');
    expect(out).toContain('  // one\n  assign users "a", "b" // two\n');
    const blocks = keeps('rule "R" {\n  priority 1\n  on lead.created\n  assign users "a", // one\n "b" /* two */\n  distribute random\n}\n');
    expect(blocks).toContain('  assign users "a", "b" /* two */ // one\n');
  });

  it('puts comments at the end of a block before its `}` and keeps end-of-file comments last', () => {
    const out = keeps('schema lead {\n  a: text\n      // end of block\n}\n// end of file\n');
    expect(out).toBe('schema lead {\n  a: text\n  // end of block\n}\n// end of file\n');
  });

  it('keeps one empty line next to a comment, none elsewhere inside blocks', () => {
    const out = keeps('rule "R" {\n\n  priority 1\n\n\n  // group\n\n  on lead.created\n\n  assign anyone\n  distribute random\n\n}\n');
    expect(out).toBe('rule "R" {\n  priority 1\n\n  // group\n\n  on lead.created\n  assign anyone\n  distribute random\n}\n');
  });

  it('trims trailing blanks of line comments only', () => {
    expect(keeps('schema lead { // note   \n  a: text\n}\n')).toBe('schema lead { // note\n  a: text\n}\n');
  });
});
