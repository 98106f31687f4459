// Expression structure: precedence, flat logical levels, comparisons and their forms.
import { describe, expect, it } from 'vitest';
import { condition, p, ruleText, show } from './helpers';

describe('expressions', () => {
  it.each([
    ['lead.a + lead.b * 2 - 1', '((lead.a + (lead.b * 2)) - 1)'],
    ['lead.a - lead.b - lead.c', '((lead.a - lead.b) - lead.c)'],
    ['lead.a / 2 * 3', '((lead.a / 2) * 3)'],
    ['lead.a ?? lead.b + 1', '(lead.a ?? (lead.b + 1))'],
    ['lead.a ?? lead.b ?? 0', '((lead.a ?? lead.b) ?? 0)'],
    ['- lead.a * - - 2', '((- lead.a) * (- (- 2)))'],
    ['lead.a - -1', '(lead.a - (- 1))'],
    ['(lead.a + 1) * 2', '({(lead.a + 1)} * 2)'],
  ])('reads arithmetic `%s`', (text, expected) => {
    expect(show(condition(`${text} > 0`))).toBe(`(${expected} > 0)`);
  });

  it.each([
    ['lead.a == 1 and lead.b == 2 and lead.c', '((lead.a == 1) and (lead.b == 2) and lead.c)'],
    ['lead.a or lead.b or lead.c', '(lead.a or lead.b or lead.c)'],
    ['(lead.a or lead.b) and lead.c', '({(lead.a or lead.b)} and lead.c)'],
    ['not lead.a == 1', '(not (lead.a == 1))'],
    ['not not lead.a', '(not (not lead.a))'],
    ['lead.x between 1 and 5 and lead.y == 2', '((lead.x between 1 and 5) and (lead.y == 2))'],
    ['lead.x between lead.a + 1 and lead.b ?? 9', '(lead.x between (lead.a + 1) and (lead.b ?? 9))'],
    ['lead.x in ["a", "b"]', '(lead.x in ["a", "b"])'],
    ['lead.x not in []', '(lead.x not in [])'],
    ['user.langs contains lead.lang', '(user.langs contains lead.lang)'],
    ['lead.e starts_with "p" or lead.e ends_with "s"', '((lead.e starts_with "p") or (lead.e ends_with "s"))'],
    ['lead.x is set and lead.y is not set', '((lead.x is set) and (lead.y is not set))'],
    ['lower(lead.x) == "a"', '(lower(lead.x) == "a")'],
    ['distance(lead.loc, user.loc) <= 50', '(distance(lead.loc, user.loc) <= 50)'],
    ['f() == true', '(f() == true)'],
    ['payload.contact.email != false', '(payload.contact.email != false)'],
    ['hours_since(lead.created_at) >= 2h', '(hours_since(lead.created_at) >= 2h)'],
    ['[[1], [2, 3]] contains [1]', '([[1], [2, 3]] contains [1])'],
  ])('reads the condition `%s`', (text, expected) => {
    expect(show(condition(text))).toBe(expected);
  });

  it('reports and/or mixed at one level once (DIST004) and keeps every operand', () => {
    const text = ruleText('when lead.a and lead.b or lead.c and lead.d\npriority 1');
    const r = p(text);
    expect(r.diagnostics.map((d) => [d.code, text.slice(d.span.start, d.span.end)])).toEqual([['DIST004', 'or']]);
    const rule = r.ast.declarations[0]!;
    const when = rule.kind === 'Rule' ? rule.clauses[0] : undefined;
    expect(when?.kind === 'When' && show(when.condition)).toBe('(lead.a and lead.b and lead.c and lead.d)');
  });

  it('does not mix levels separated by parentheses', () => {
    expect(show(condition('lead.a and (lead.b or lead.c)'))).toBe('(lead.a and {(lead.b or lead.c)})');
  });

  it('rejects chained comparisons with one message and drops the clause', () => {
    const text = ruleText('when lead.a < lead.b < lead.c\npriority 1');
    const r = p(text);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]!.code).toBe('DIST003');
    expect(text.slice(r.diagnostics[0]!.span.start, r.diagnostics[0]!.span.end)).toBe('<');
    const rule = r.ast.declarations[0]!;
    expect(rule.kind === 'Rule' && [rule.recovered, rule.clauses.map((c) => c.kind)]).toEqual([true, ['Priority']]);
  });

  it('rejects a bare word as a value (DIST003) and drops the clause', () => {
    const r = p(ruleText('when lead.status == New\npriority 1'));
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'expected a value, found the bare word `New`; write a field such as `lead.New` or a string such as `"New"`',
    ]);
  });

  it('never lets an expression swallow the next clause keyword', () => {
    const text = ruleText([
      'priority 1',
      'when lead.a == 1',
      'assign users where user.x == lead.y',
      'distribute score user.a * 10 - user.open_load',
      'reassign after 60m when lead.s == "New" max 2',
      'take 3',
    ].join('\n'));
    const r = p(text);
    expect(r.diagnostics).toEqual([]);
    const rule = r.ast.declarations[0]!;
    expect(rule.kind === 'Rule' && rule.clauses.map((c) => c.kind)).toEqual(['Priority', 'When', 'Assign', 'Distribute', 'Reassign', 'Take']);
    const ordered = p(ruleText('distribute ordered by user.a desc, user.b\ntake 2 min 1\nfallback queue "q" retry every 15m for 24h'));
    expect(ordered.diagnostics).toEqual([]);
    const r2 = ordered.ast.declarations[0]!;
    expect(r2.kind === 'Rule' && r2.clauses.map((c) => c.kind)).toEqual(['Distribute', 'Take', 'Fallback']);
  });
});
