// The reporters over one hand-made run: the text summary line, the JSON shape,
// JUnit XML that parses and escapes `<&"`, and the TAP plan and lines.
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { renderJsonReport } from '../../scenario/reporters/json';
import { renderJunitReport, xml } from '../../scenario/reporters/junit';
import type { RunReport } from '../../scenario/reporters/report';
import { renderTapReport } from '../../scenario/reporters/tap';
import { renderTextReport } from '../../scenario/reporters/text';

const REPORT: RunReport = {
  suites: [
    {
      file: 'tests/a.test.yaml',
      errors: [],
      cases: [
        { name: 'passes', line: 3, passed: true, durationMs: 1.5 },
        {
          name: 'weights <A&B> "quoted" # hash',
          line: 7,
          passed: false,
          durationMs: 2,
          failure: {
            step: 2,
            stepLine: 12,
            check: 'assigned',
            message: 'the last decision assigned other users',
            expected: ['a@x.test'],
            actual: ['b@x.test'],
            ruleLocation: 'rules/x.dist:4',
            explain: 'decision d-1: lead.created lead r1\noutcome: assigned → b@x.test\n',
          },
        },
      ],
    },
    {
      file: 'tests/bad.test.yaml',
      errors: [{ file: 'tests/bad.test.yaml', line: 2, column: 5, message: 'unknown key `evnt` in a case' }],
      cases: [],
    },
  ],
  coverage: [],
};

describe('text reporter', () => {
  const text = renderTextReport(REPORT);
  it('prints one line per case, details indented, and the plain summary last', () => {
    const lines = text.split('\n');
    expect(lines).toContain('  ✓ passes');
    expect(lines).toContain('  ✗ weights <A&B> "quoted" # hash');
    expect(lines).toContain('      tests/a.test.yaml:12: step 2, assigned: the last decision assigned other users');
    expect(lines).toContain('      expected: ["a@x.test"]');
    expect(lines).toContain('      actual:   ["b@x.test"]');
    expect(lines).toContain('        outcome: assigned → b@x.test');
    expect(lines).toContain('      tests/bad.test.yaml:2:5: unknown key `evnt` in a case');
    expect(lines.at(-1)).toBe('1 passed, 2 failed');
  });
});

describe('json reporter', () => {
  it('has the documented shape', () => {
    const json = JSON.parse(renderJsonReport(REPORT));
    expect(Object.keys(json)).toEqual(['version', 'summary', 'suites']);
    expect(json.summary).toEqual({ passed: 1, failed: 2, invalidSuites: 1 });
    expect(json.suites[0]).toMatchObject({ file: 'tests/a.test.yaml', valid: true, errors: [] });
    expect(json.suites[0].cases[0]).toEqual({ name: 'passes', line: 3, status: 'passed', durationMs: 1.5 });
    expect(json.suites[0].cases[1].failure).toMatchObject({
      step: 2,
      stepLine: 12,
      check: 'assigned',
      expected: ['a@x.test'],
      actual: ['b@x.test'],
      ruleLocation: 'rules/x.dist:4',
      decision: null,
    });
    expect(json.suites[1]).toMatchObject({ valid: false, cases: [], errors: [{ line: 2, column: 5 }] });
  });
});

describe('junit reporter', () => {
  const output = renderJunitReport(REPORT);
  it('is well-formed XML with suites, cases, a failure and an error', () => {
    expect(output.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    expect(wellFormed(output)).toBe(true);
    expect(wellFormed('<a x="1"><b>&</b></a>')).toBe(false);
    expect(output).toMatch(/<testsuites name="dist test" tests="3" failures="1" errors="1"/);
    expect(output.match(/<testsuite /g)).toHaveLength(2);
    expect(output.match(/<testcase /g)).toHaveLength(3);
    expect(output).toContain('<failure message="assigned: the last decision assigned other users" type="assigned">');
    expect(output).toContain('<error message="tests/bad.test.yaml:2:5: unknown key `evnt` in a case" type="invalid-suite">');
  });

  it('escapes markup and quotes', () => {
    expect(output).toContain('name="weights &lt;A&amp;B&gt; &quot;quoted&quot; # hash"');
    expect(xml(`<&"'\u0001>`)).toBe('&lt;&amp;&quot;&apos;&gt;');
  });
});

describe('tap reporter', () => {
  const lines = renderTapReport(REPORT).split('\n');
  it('has the version, the plan and one line per test point', () => {
    expect(lines.slice(0, 2)).toEqual(['TAP version 14', '1..3']);
    expect(lines).toContain('ok 1 - tests/a.test.yaml > passes');
    expect(lines).toContain('not ok 2 - tests/a.test.yaml > weights <A&B> "quoted" \\# hash');
    expect(lines).toContain('not ok 3 - tests/bad.test.yaml > (load suite)');
    expect(lines.at(-1)).toBe('# 1 passed, 2 failed');
  });

  it('adds a YAML diagnostic block after a failure', () => {
    const start = lines.indexOf('not ok 2 - tests/a.test.yaml > weights <A&B> "quoted" \\# hash') + 1;
    const end = lines.indexOf('  ...', start);
    expect(lines[start]).toBe('  ---');
    const block = parseDocument(lines.slice(start + 1, end).map((l) => l.slice(2)).join('\n')).toJS();
    expect(block).toMatchObject({ message: 'the last decision assigned other users', at: 'tests/a.test.yaml:12', expected: ['a@x.test'] });
  });
});

/** A light well-formedness check: balanced tags, quoted attributes, no raw `<` or `&` in text. */
function wellFormed(document: string): boolean {
  const body = document.replace(/^<\?xml[^>]*\?>\s*/, '');
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z]+)((?:\s+[a-z]+="[^"<&]*(?:&(?:amp|lt|gt|quot|apos);[^"<&]*)*")*)\s*(\/?)>/g;
  let last = 0;
  for (let match = tag.exec(body); match; match = tag.exec(body)) {
    if (/[<]|&(?!(amp|lt|gt|quot|apos);)/.test(body.slice(last, match.index))) return false;
    last = tag.lastIndex;
    const [, closing, name, , selfClosing] = match;
    if (closing) {
      if (stack.pop() !== name) return false;
    } else if (!selfClosing) stack.push(name!);
  }
  return stack.length === 0 && body.slice(last).trim() === '';
}
