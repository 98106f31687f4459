// Re-parsing an edited file (compiler/workspace-reparse.ts) against a parse of the
// whole new text: after random edits (typing, deleting, pasting pieces of rules,
// braces, quotes and comment marks) of a file with schemas, settings, rules and
// comments, the AST and the diagnostics are exactly those of `parse`, and the
// declarations the edit did not touch are the same objects as before.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reparse } from '../../compiler/workspace-reparse';
import { parse } from '../../language/parse';

const FILE = 'rules/a.dist';
const TEXT = `// Routing for the web.
schema lead {
  source: choice("web", "phone")
  score: number
}

settings {
  timezone "Europe/Berlin"
}

/* The first rule. */
rule "Web" {
  priority 10
  on lead.created
  when lead.source == "web" and lead.score > 10 // hot
  assign users "ana@x.test"
  distribute round_robin
  fallback queue "triage"
}

rule "Phone" {
  priority 20
  on lead.created, lead.updated(score)
  when lead.score >= 80
  assign teams "East"
  distribute least_recent
  fallback queue "triage"
}

// The last one.
rule "Zip" {
  priority 30
  on lead.created
  when lead.score in [1, 2]
  assign users "bob@x.test"
  distribute random
  fallback queue "triage"
}
`;

const PIECES = ['x', 'e', ' ', '\n', '1', '0', '"', '}', '{', '(', ')', '/*', '*/', '//', 'priority 5\n  ', 'when ', 'lead.', 'and ', 'rule "New" {\n}\n', '.'];
const edit = fc.record({ at: fc.nat(), cut: fc.nat({ max: 6 }), insert: fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }).map((p) => p.join('')) });

function apply(text: string, { at, cut, insert }: { at: number; cut: number; insert: string }): string {
  const i = at % (text.length + 1);
  return text.slice(0, i) + insert + text.slice(i + cut);
}

describe('re-parsing an edited file', () => {
  it('gives the parse of the whole new text after any sequence of edits', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        let known = { text: TEXT, parsed: parse(TEXT, FILE) };
        for (const e of edits) {
          const text = apply(known.text, e);
          const parsed = reparse(known, text, FILE);
          const whole = parse(text, FILE);
          expect(parsed.ast).toEqual(whole.ast);
          expect(parsed.diagnostics).toEqual(whole.diagnostics);
          known = { text, parsed };
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the declarations an edit inside one rule did not touch', () => {
    const known = { text: TEXT, parsed: parse(TEXT, FILE) };
    const [schema, settings, web, phone, zip] = known.parsed.ast.declarations;
    const same = reparse(known, TEXT.replace('lead.score >= 80', 'lead.score >= 81'), FILE).ast.declarations;
    expect(same[0]).toBe(schema);
    expect(same[1]).toBe(settings);
    expect(same[2]).toBe(web);
    expect(same[3]).not.toBe(phone);
    expect(same[4]).toBe(zip);
    const text = TEXT.replace('lead.score >= 80', 'lead.score >= 800');
    const longer = reparse(known, text, FILE).ast.declarations;
    expect(longer[2]).toBe(web);
    expect(longer[4]!.span.start).toBe(zip!.span.start + 1);
    expect(longer[4]).toEqual(parse(text, FILE).ast.declarations[4]);
  });
});
