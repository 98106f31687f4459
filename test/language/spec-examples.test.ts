// Every ```dist block of the normative spec (copied into test/spec-examples/)
// parses without diagnostics, and a few of them produce exactly the AST shapes
// the spec's text describes.
import { describe, expect, it } from 'vitest';
import type { MapDecl, RuleDecl, SourceFile } from '../../language/ast';
import { languageBlocks } from '../helpers/spec-examples';
import { p, show, spanProblems } from './helpers';

const blocks = languageBlocks();

function rule(ast: SourceFile, name: string): RuleDecl {
  const r = ast.declarations.find((d): d is RuleDecl => d.kind === 'Rule' && d.name.value === name);
  if (!r) throw new Error(`no rule ${name}`);
  return r;
}

describe('spec examples of LANGUAGE.md', () => {
  const all = p(blocks.join('\n'));

  it('has dist blocks', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
  });

  it.each(blocks.map((b, i) => [i, b] as const))('block %i parses with no diagnostics and sane spans', (_i, text) => {
    const result = p(text);
    expect(result.diagnostics).toEqual([]);
    expect(result.ast.declarations.length).toBeGreaterThan(0);
    expect(result.ast.declarations.every((d) => !('recovered' in d) || !d.recovered)).toBe(true);
    expect(spanProblems(result.ast, text)).toEqual([]);
  });

  it('reads `weighted by user.grade { … }`', () => {
    const d = rule(all.ast, 'High-score web leads').clauses.find((c) => c.kind === 'Distribute')!;
    expect(d.kind === 'Distribute' && d.method.kind).toBe('WeightedMethod');
    if (d.kind !== 'Distribute' || d.method.kind !== 'WeightedMethod') return;
    expect(d.method.by && show(d.method.by)).toBe('user.grade');
    expect(d.method.weights.map((w) => [w.key.value, show(w.weight)])).toEqual([['A', '50'], ['B', '30'], ['C', '20']]);
  });

  it('reads `between … and …` inside an `and` chain', () => {
    const w = rule(all.ast, 'East renewals').clauses.find((c) => c.kind === 'When')!;
    expect(w.kind === 'When' && show(w.condition)).toBe(
      '((opportunity.stage == "Renewal") and (opportunity.amount between 10_000 and 250_000))',
    );
  });

  it('reads `in user.languages` in a dynamic pool', () => {
    const a = rule(all.ast, 'High-score web leads').clauses.find((c) => c.kind === 'Assign')!;
    if (a.kind !== 'Assign' || a.pool.kind !== 'UsersPool') throw new Error('no users pool');
    expect(a.pool.users).toEqual([]);
    expect(show(a.pool.where!)).toBe('((user.department == "Inside Sales") and (lead.language in user.languages))');
  });

  it('reads the reassign clause', () => {
    const r = rule(all.ast, 'Buyer leads').clauses.find((c) => c.kind === 'Reassign')!;
    if (r.kind !== 'Reassign') throw new Error('no reassign');
    expect(r.after.ms).toBe(3_600_000);
    expect(show(r.when!)).toBe('(lead.status == "New")');
    expect(r.max?.value).toBe(2);
  });

  it('reads `take 3 min 2` and `ordered by … desc`', () => {
    const clauses = rule(all.ast, 'Solar leads').clauses;
    const take = clauses.find((c) => c.kind === 'Take');
    expect(take?.kind === 'Take' && [take.count.value, take.min?.value]).toEqual([3, 2]);
    const d = clauses.find((c) => c.kind === 'Distribute');
    if (d?.kind !== 'Distribute' || d.method.kind !== 'OrderedMethod') throw new Error('no ordered');
    expect(d.method.keys.map((k) => [show(k.expr), k.direction])).toEqual([['user.quality_score', 'desc'], ['user.price', 'desc']]);
  });

  it('reads `lead.updated(status)`', () => {
    const on = rule(all.ast, 'High-score web leads').clauses.find((c) => c.kind === 'On');
    if (on?.kind !== 'On') throw new Error('no on');
    expect(on.events.map((e) => [e.entity.text, e.event.text, e.fields?.map((f) => f.text) ?? null])).toEqual([
      ['lead', 'created', null],
      ['lead', 'updated', ['status']],
    ]);
  });

  it('reads `??` in the map block', () => {
    const map = all.ast.declarations.find((d): d is MapDecl => d.kind === 'Map')!;
    expect(map.entity.text).toBe('lead');
    expect(map.source.value).toBe('website-form');
    const phone = map.items.find((i) => i.kind === 'MapEntry' && i.field.text === 'phone');
    expect(phone?.kind === 'MapEntry' && show(phone.value)).toBe('digits((payload.contact.phone ?? payload.contact.phone_number))');
  });

  it('keeps every comment', () => {
    const comments = all.ast.comments.map((c) => c.text);
    expect(comments).toContain('// rules/schema.dist');
    expect(comments).toContain('// a dropdown field: usable for category weightage');
    expect(all.ast.comments.every((c) => !c.block)).toBe(true);
  });
});
