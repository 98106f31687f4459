// Property tests of `dist fmt` (DESIGN principle 7) over generated files with
// random layout and comments between random atoms: the output parses cleanly, is
// a fixed point, keeps every comment exactly once, means the same as the input
// (same AST without spans and comments) and compiles to the same IR.
// FMT_PROPERTY_RUNS=2000 (with --testTimeout=0) runs a longer search.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProject } from '../../compiler/compile';
import { stripSpans } from '../../compiler/ir';
import { formatAst } from '../../language/format';
import { distFile } from './dist-arbitrary';
import { parsed } from './helpers';

const runs = Number(process.env.FMT_PROPERTY_RUNS ?? 60);

/** The IR (without spans) and the diagnostics (without places, in text order: formatting may reorder clauses) of a one-file project. */
function compiled(text: string): { program: unknown; diagnostics: string[] } {
  const result = compileProject({ sources: [{ file: 'gen.dist', text }] });
  return {
    program: stripSpans(result.program),
    diagnostics: result.diagnostics.map((d) => `${d.severity} ${d.code} ${d.message}`).sort(),
  };
}

describe('dist fmt properties', () => {
  it('formatting parses cleanly, is idempotent, keeps every comment and the meaning', () => {
    fc.assert(
      fc.property(distFile, ({ text }) => {
        const before = parsed(text);
        expect(before.errors).toEqual([]); // the generator makes valid files
        const out = formatAst(before.ast, before.text);
        const after = parsed(out);
        expect(after.errors).toEqual([]);
        expect(formatAst(after.ast, out)).toBe(out);
        expect(after.comments).toEqual(before.comments);
        expect(after.meaning).toEqual(before.meaning);
        expect(out).not.toMatch(/[ \t]\n/);
        expect(out.endsWith('\n') && !out.endsWith('\n\n')).toBe(true);
      }),
      { numRuns: runs },
    );
  });

  it('formatting compiles to the same IR and the same diagnostics', () => {
    fc.assert(
      fc.property(distFile, ({ text }) => {
        const before = compiled(text);
        expect(before.program).not.toBeNull(); // the generator makes programs that compile
        const { ast, text: source } = parsed(text);
        expect(compiled(formatAst(ast, source))).toEqual(before);
      }),
      { numRuns: Math.ceil(runs / 3) },
    );
  });
});
