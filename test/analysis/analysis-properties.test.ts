// Property tests of the rule analysis on random conditions (arbitraries.ts),
// judged by the runtime's evaluators (the compiled one and the reference
// interpreter): every witness makes its claim true, and no random record
// contradicts "impossible", "disjoint" or "shadowed" (alone or by a union).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldTable, hasOpaque, negate } from '../../compiler/analysis/formula';
import { normalise } from '../../compiler/analysis/normalise';
import { recordOf, relate } from '../../compiler/analysis/relations';
import { boundsDisjoint, boundsOf } from '../../compiler/analysis/bounds';
import { pinsDisjoint, pinsOf, RuleIndex } from '../../compiler/analysis/rule-index';
import { plainlySatisfiable, solve } from '../../compiler/analysis/solve';
import type { Expr } from '../../compiler/ir';
import { condition, numberCondition, record } from './arbitraries';
import { contextOf, evaluate, schemaProgram } from './helpers';

const program = schemaProgram();
const fields = fieldTable(program, 'lead');
const formula = (e: Expr) => normalise(e, 'lead', fields);
const holds = (e: Expr, r: Record<string, unknown>) => evaluate(e, contextOf(program, r));
const RUNS = { numRuns: 1500 };

describe('rule analysis properties', () => {
  it('a condition is impossible only if no record satisfies it, and its witness satisfies it', () => {
    fc.assert(
      fc.property(condition, fc.array(record, { minLength: 20, maxLength: 20 }), (c, records) => {
        const result = solve([formula(c)]);
        if (result.kind === 'sat') expect(holds(c, recordOf(result, 'lead')!)).toBe(true);
        if (result.kind === 'unsat') for (const r of records) expect(holds(c, r)).toBe(false);
      }),
      RUNS,
    );
  });

  it('witnesses of a pair are confirmed, and disjoint or shadowed pairs are never contradicted', () => {
    fc.assert(
      fc.property(condition, condition, fc.array(record, { minLength: 20, maxLength: 20 }), (later, earlier, records) => {
        const facts = relate(formula(later), formula(earlier), 'lead');
        if (facts.both) {
          expect(holds(later, facts.both)).toBe(true);
          expect(holds(earlier, facts.both)).toBe(true);
        }
        if (facts.laterOnly) {
          expect(holds(later, facts.laterOnly)).toBe(true);
          expect(holds(earlier, facts.laterOnly)).toBe(false);
        }
        for (const r of records) {
          if (facts.relation === 'disjoint') expect(holds(later, r) && holds(earlier, r)).toBe(false);
          if (facts.relation === 'shadowed' && holds(later, r)) expect(holds(earlier, r)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('a union that shadows a condition is never contradicted', () => {
    fc.assert(
      fc.property(condition, condition, condition, fc.array(record, { minLength: 20, maxLength: 20 }), (later, a, b, records) => {
        const result = solve([formula(later), negate(formula(a)), negate(formula(b))]);
        if (result.kind === 'sat') {
          const w = recordOf(result, 'lead')!;
          expect([holds(later, w), holds(a, w), holds(b, w)]).toEqual([true, false, false]);
        }
        if (result.kind === 'unsat') for (const r of records) if (holds(later, r)) expect(holds(a, r) || holds(b, r)).toBe(true);
      }),
      RUNS,
    );
  });

  it('the shortcuts agree with the solver: plain conjunctions are satisfiable, disjoint pins and bounds are disjoint', () => {
    fc.assert(
      fc.property(condition, condition, (a, b) => {
        const [fa, fb] = [formula(a), formula(b)];
        if (plainlySatisfiable(fa)) expect(solve([fa]).kind).toBe('sat');
        if (pinsDisjoint(pinsOf(fa), pinsOf(fb)) || boundsDisjoint(boundsOf(fa), boundsOf(fb))) expect(solve([fa, fb]).kind).toBe('unsat');
      }),
      RUNS,
    );
    fc.assert(
      fc.property(numberCondition, numberCondition, (a, b) => {
        const [fa, fb] = [formula(a), formula(b)];
        if (boundsDisjoint(boundsOf(fa), boundsOf(fb))) expect(solve([fa, fb]).kind).toBe('unsat');
      }),
      RUNS,
    );
  });

  it('the rule index never leaves out an earlier rule that shares a record and an event type', () => {
    // Most rules pin `lead.t` (or `lead.c`) to a value, so that the index has values to tell rules apart by.
    const pinned = fc.tuple(fc.constantFrom('t', 'c'), fc.constantFrom('a', 'b'), condition).map(([name, value, c]): Expr => ({
      op: 'and',
      args: [{ op: 'cmp', operator: '==', left: { op: 'field', entity: 'lead', path: [name] }, right: { op: 'lit', value } }, c],
    }));
    const ruleArb = fc.record({ when: fc.oneof(pinned, pinned, condition), type: fc.constantFrom('created', 'updated') });
    fc.assert(
      fc.property(fc.array(ruleArb, { minLength: 2, maxLength: 8 }), (specs) => {
        const rules = specs.map((s, order) => {
          const f = formula(s.when);
          return { order, formula: f, pins: pinsOf(f), bounds: boundsOf(f), events: [{ entity: 'lead', kind: s.type, fields: null }] };
        });
        const index = new RuleIndex(rules);
        for (const later of rules) {
          const found = new Set(index.candidates(later));
          for (const earlier of rules.slice(0, later.order)) {
            if (earlier.events[0]!.kind !== later.events[0]!.kind || solve([later.formula, earlier.formula]).kind === 'unsat') continue;
            expect(found.has(earlier)).toBe(true);
          }
          index.add(later);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('decides every pair without opaque parts exactly', () => {
    fc.assert(
      fc.property(condition, condition, (later, earlier) => {
        const [l, e] = [formula(later), formula(earlier)];
        fc.pre(!hasOpaque(l) && !hasOpaque(e));
        expect(relate(l, e, 'lead').relation).not.toBe('undecided');
        expect(solve([l]).kind).not.toBe('unknown');
      }),
      RUNS,
    );
  });
});
