// The `parse` stage: every source text becomes an AST (with recovery), and the
// parser's diagnostics join the project's. The workspace answers from its
// per-file cache, so an unchanged text is not parsed again.
import type { Stage } from './context';

/** Parse every source file. */
export const parseStage: Stage = {
  name: 'parse',
  run(ctx) {
    for (const source of ctx.sources) {
      const { ast, diagnostics } = ctx.parseSource(source);
      ctx.files.push(ast);
      ctx.diagnostics.push(...diagnostics);
    }
  },
};
