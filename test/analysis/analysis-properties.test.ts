// Property tests of the rule analysis on random conditions (arbitraries.ts),
// judged by the runtime's evaluators (the compiled one and the reference
// interpreter): every witness makes its claim true, and no random record
// contradicts "impossible", "disjoint" or "shadowed" (alone or by a union).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldTable, hasOpaque, negate } from '../../compiler/analysis/formula';
import { normalise } from '../../compiler/analysis/normalise';
import { recordOf, relate } from '../../compiler/analysis/relations';
import { solve } from '../../compiler/analysis/solve';
import type { Expr } from '../../compiler/ir';
import { condition, record } from './arbitraries';
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
