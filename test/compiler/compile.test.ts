// Unit tests of compileProject where the golden files and the invalid corpus are
// awkward: rule order, defaults, spans on every IR node, stopping after a stage,
// file order, priority overlap edge cases, and prototype-safe name tables.
import { describe, expect, test } from 'vitest';
import { compileProject, type CompileInput } from '../../compiler/compile';
import { Program, type Expr } from '../../compiler/ir';

const SCHEMA = `schema lead {
  source: text
  score: number
  status: text
  email: text
  phone: text
}
`;

function rule(name: string, priority: number, extra = '', on = 'lead.created'): string {
  return `rule "${name}" {\n  priority ${priority}\n  on ${on}\n${extra}  assign anyone\n  distribute round_robin\n}\n`;
}

function compile(files: Record<string, string>): ReturnType<typeof compileProject> {
  return compileProject({ sources: Object.entries(files).map(([file, text]) => ({ file, text })) });
}

function codes(result: ReturnType<typeof compileProject>): string[] {
  return result.diagnostics.map((d) => d.code);
}

/** Every expression node of an IR value. */
function expressions(value: unknown, found: Expr[] = []): Expr[] {
  if (Array.isArray(value)) value.forEach((v) => expressions(v, found));
  else if (value && typeof value === 'object') {
    if ('op' in value) found.push(value as Expr);
    for (const [key, v] of Object.entries(value)) if (key !== 'span') expressions(v, found);
  }
  return found;
}

describe('compileProject', () => {
  test('sorts rules by priority, then file, then position', () => {
    const result = compile({
      'rules/b.dist': rule('B1', 5, '  status draft\n') + rule('B2', 1),
      'rules/a.dist': rule('A1', 5) + rule('A2', 5, '  status inactive\n'),
      'rules/schema.dist': SCHEMA,
    });
    // B2 and A1 both take every lead; B2 comes first, so A1 is shadowed (and only A1: the others are not active).
    expect(result.diagnostics.map((d) => `${d.code} ${d.file}`)).toEqual(['DIST401 rules/a.dist']);
    expect(result.program!.rules.map((r) => r.name)).toEqual(['B2', 'A1', 'A2', 'B1']);
  });

  test('lowers `expect` in a rule and in the settings, and leaves it out where it is not written', () => {
    const result = compile({
      'rules/a.dist': `${SCHEMA}settings {\n  expect 500 per week\n}\n${rule('A', 1, '  expect 200 per day\n')}${rule('B', 2, '', 'lead.updated')}`,
    });
    expect(codes(result)).toEqual([]);
    const program = Program.parse(result.program);
    expect(program.settings.expect).toEqual({ count: 500, per: 'week' });
    expect(program.rules.map((r) => r.expect)).toEqual([{ count: 200, per: 'day' }, undefined]);
    expect('expect' in program.rules[1]!).toBe(false);
  });

  test('fills in defaults', () => {
    const result = compile({
      'rules/a.dist': SCHEMA + rule('R', 1, '  take 2\n  reassign after 1h\n'),
    });
    const program = Program.parse(result.program);
    expect(program.settings).toEqual({
      timezone: 'UTC',
      trigger: 'entity',
      capacity: null,
      quotas: [],
      unmatched: { queue: 'unmatched', retry: null },
    });
    const [r] = program.rules;
    expect(r).toMatchObject({
      id: 'r',
      status: 'active',
      scope: { kind: 'global' },
      description: null,
      when: null,
      take: { count: 2, min: 1 },
      reassign: { afterMs: 3_600_000, when: null, max: 1 },
      fallback: null,
      require: [],
    });
  });

  test('gives every IR expression, event and declaration a span', () => {
    const result = compile({
      'rules/a.dist':
        SCHEMA +
        rule('R', 1, '  when (lead.score > 1 and lead.source in ["a", "b"]) or not (lead.status is set)\n') +
        'map lead from "web" {\n  email = lower(trim(payload.email))\n  phone = payload.phone ?? payload.mobile ?? "none"\n}\n',
    });
    const program = result.program!;
    const exprs = expressions(program);
    expect(exprs.length).toBeGreaterThan(10);
    for (const e of exprs) expect(e.span).toEqual({ start: expect.any(Number), end: expect.any(Number) });
    expect(program.rules[0]!.span).toMatchObject({ file: 'rules/a.dist' });
    expect(program.rules[0]!.events[0]!.span).toBeDefined();
    expect(program.maps[0]!.span).toMatchObject({ file: 'rules/a.dist' });
    expect(program.schemas.lead!.span).toMatchObject({ file: 'rules/a.dist' });
    expect(program.maps[0]!.fields[1]!.expr).toMatchObject({ op: 'coalesce', args: [{}, {}, {}] });
  });

  test('does not depend on the order files are given in', () => {
    const files = { 'rules/a.dist': rule('A', 1), 'rules/b.dist': rule('B', 2), 'rules/s.dist': SCHEMA };
    const reversed = Object.fromEntries(Object.entries(files).reverse());
    expect(compile(reversed)).toEqual(compile(files));
  });

  test('stops after a stage', () => {
    const input: CompileInput = { sources: [{ file: 'rules/a.dist', text: rule('R', 1, '  when lead.nope > 1\n') + 'rule {' }] };
    expect(codes(compileProject(input, { stopAfter: 'parse' }))).toEqual(['DIST003']);
    expect(codes(compileProject(input, { stopAfter: 'resolve' }))).toContain('DIST101');
    const clean: CompileInput = { sources: [{ file: 'rules/a.dist', text: SCHEMA + rule('R', 1) }] };
    expect(compileProject(clean, { stopAfter: 'validate' }).program).toBeNull();
    expect(compileProject(clean).program).not.toBeNull();
  });

  test('updated() field lists that do not intersect do not conflict', () => {
    const result = compile({
      'rules/a.dist': SCHEMA + rule('A', 1, '', 'lead.updated(score)') + rule('B', 1, '', 'lead.updated(status, email)'),
    });
    expect(result.diagnostics).toEqual([]);
  });

  test('updated without fields overlaps every updated, and drafts never conflict', () => {
    const result = compile({
      'rules/a.dist':
        SCHEMA + rule('A', 1, '', 'lead.updated(score)') + rule('B', 1, '', 'lead.updated') + rule('C', 1, '  status draft\n', 'lead.updated'),
    });
    expect(result.diagnostics.map((d) => [d.code, d.related?.[0]?.message])).toEqual([['DIST309', '`A` has the same priority']]);
  });

  test('names like __proto__ never reach an object prototype', () => {
    const result = compile({
      'rules/a.dist':
        'schema lead {\n  __proto__: text\n  constructor: number\n  toString: text\n}\n' +
        rule('R', 1, '  when lead.toString == "x" and lead.hasOwnProperty == "y"\n') +
        'map lead from "x" {\n  __proto__ = payload.__proto__\n}\n',
    });
    expect(codes(result)).toEqual(['DIST113', 'DIST113', 'DIST102', 'DIST113']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.toString.call([])).toBe('[object Array]');
  });

  test('a record field named like a built-in user field is fine on a record', () => {
    const result = compile({ 'rules/a.dist': 'schema lead {\n  name: text\n  teams: list(text)\n}\n' + rule('R', 1) });
    expect(result.diagnostics).toEqual([]);
  });
});
