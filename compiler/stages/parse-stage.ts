// The `parse` stage: every source text becomes an AST (with recovery), and the
// parser's diagnostics join the project's.
import { parse } from '../../language/parse';
import type { Stage } from './context';

/** Parse every source file. */
export const parseStage: Stage = {
  name: 'parse',
  run(ctx) {
    for (const source of ctx.sources) {
      const { ast, diagnostics } = parse(source.text, source.file);
      ctx.files.push(ast);
      ctx.diagnostics.push(...diagnostics);
    }
  },
};
