// Printing IR conditions as `.dist` text is exact: over generated programs, every
// rule's lowered `when`, printed and put back in place of the original, compiles
// to the same IR.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProject } from '../../compiler/compile';
import { printIrExpr } from '../../compiler/ir-print';
import { stripSpans } from '../../compiler/ir';
import { distFile } from '../format/dist-arbitrary';

function compile(text: string) {
  return compileProject({ sources: [{ file: 'gen.dist', text }] });
}

describe('printIrExpr', () => {
  it('prints conditions that compile back to the same IR', () => {
    let printed = 0;
    fc.assert(
      fc.property(distFile, ({ text }) => {
        const first = compile(text);
        if (!first.program) return;
        const rules = first.program.rules.filter((r) => r.when !== null);
        // Rewrite the `when` clauses back to front so earlier offsets stay valid.
        let rewritten = text;
        for (const rule of [...rules].sort((a, b) => b.when!.span!.start - a.when!.span!.start)) {
          const { start, end } = rule.when!.span!;
          rewritten = rewritten.slice(0, start) + printIrExpr(rule.when!) + rewritten.slice(end);
          printed++;
        }
        const again = compile(rewritten);
        expect(stripSpans(again.program)).toEqual(stripSpans(first.program));
      }),
      { numRuns: 80 },
    );
    expect(printed).toBeGreaterThan(0);
  });
});
