// Property tests: `parse` never throws and always returns a well-formed SourceFile,
// for arbitrary strings and for token soups built from the language's own words.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODES } from '../../language/diagnostics';
import { KEYWORDS } from '../../language/tokens';
import { p, ruleText, spanProblems } from './helpers';

const PUNCTUATION = ['{', '}', '(', ')', '[', ']', ',', '.', ':', '=', '==', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/', '??'];
const PIECES = [
  ...KEYWORDS, ...PUNCTUATION, 'lead', 'user', 'payload', 'x', 'round_robin', 'checked_in', 'created', 'updated',
  '"s"', '"a\\"b"', '"open', '"\\q"', '0', '80', '750_000', '1__0', '0.5', '30s', '2h', '10q', '// c\n', '/* c */', '/*',
  '#', '\u0000', '\n', 'é', '😀', '\uD800',
];

const soup = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).chain((pieces) =>
  fc.array(fc.constantFrom(' ', '', '\n'), { minLength: pieces.length, maxLength: pieces.length }).map((seps) =>
    pieces.map((piece, i) => piece + seps[i]).join(''),
  ),
);

/** Checks every invariant of a parse result. */
function wellFormed(text: string): void {
  const result = p(text);
  expect(result.ast.kind).toBe('SourceFile');
  expect(result.ast.span).toEqual({ start: 0, end: text.length });
  expect(spanProblems(result.ast, text)).toEqual([]);
  expect(result.diagnostics.length).toBeLessThanOrEqual(101);
  for (const d of result.diagnostics) {
    expect(Object.keys(CODES)).toContain(d.code);
    expect(['DIST001', 'DIST002', 'DIST003', 'DIST004', 'DIST005', 'DIST006', 'DIST007']).toContain(d.code);
    expect(0 <= d.span.start && d.span.start <= d.span.end && d.span.end <= text.length).toBe(true);
    expect(d.message).toMatch(/^[^A-Z]/);
  }
}

describe('parse never throws', () => {
  it('for arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => wellFormed(text)), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => wellFormed(text)), { numRuns: 300 });
  });

  it('for token soups of the language', () => {
    fc.assert(fc.property(soup, (text) => wellFormed(text)), { numRuns: 1000 });
  });

  it('for token soups inside a rule and a map', () => {
    fc.assert(
      fc.property(soup, soup, (a, b) => {
        wellFormed(ruleText(`priority 1\n${a}`));
        wellFormed(`map lead from "f" { ${b} }`);
      }),
      { numRuns: 400 },
    );
  });
});

describe('valid conditions parse cleanly', () => {
  const field = fc.constantFrom('lead.score', 'lead.status', 'user.languages', 'payload.a.b');
  const value = fc.oneof(field, fc.constantFrom('1', '0.5', '"x"', 'true', '2h', '["a", "b"]', 'lower(lead.name)'));
  const term: fc.Arbitrary<string> = fc.letrec<{ term: string }>((tie) => ({
    term: fc.oneof(
      { depthSize: 'small' },
      value,
      fc.tuple(tie('term'), fc.constantFrom('+', '-', '*', '/', '??'), tie('term')).map(([l, o, r]) => `${l} ${o} ${r}`),
      tie('term').map((t) => `(${t})`),
      tie('term').map((t) => `-${t}`),
    ),
  })).term;
  const comparison = fc.oneof(
    fc.tuple(term, fc.constantFrom('==', '!=', '<', '<=', '>', '>=', 'in', 'not in', 'contains', 'starts_with', 'ends_with'), term)
      .map(([l, o, r]) => `${l} ${o} ${r}`),
    fc.tuple(term, term, term).map(([v, l, h]) => `${v} between ${l} and ${h}`),
    term.map((t) => `${t} is not set`),
  );
  const condition = fc.tuple(fc.array(comparison, { minLength: 1, maxLength: 4 }), fc.constantFrom(' and ', ' or '), fc.boolean())
    .map(([parts, op, not]) => (not ? 'not ' : '') + parts.join(op));

  it('with no diagnostics', () => {
    fc.assert(
      fc.property(condition, (c) => {
        const text = ruleText(`priority 1\nwhen ${c}\nassign anyone`);
        const result = p(text);
        expect(result.diagnostics).toEqual([]);
        const rule = result.ast.declarations[0];
        expect(rule?.kind === 'Rule' && rule.clauses.map((x) => x.kind)).toEqual(['Priority', 'When', 'Assign']);
        expect(spanProblems(result.ast, text)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
