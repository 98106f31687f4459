// The `analyse` stage: reads the IR that `lower` built and reports what the rule
// analysis (compiler/analysis) finds. Runs only when the project lowered, that
// is, when it has no errors.
import { analyseRules } from '../analysis/analyse-rules';
import { reportFindings } from './analysis-report';
import type { Stage } from './context';

/** Impossible conditions, shadowed and overlapping rules. */
export const analyseStage: Stage = {
  name: 'analyse',
  run(ctx) {
    if (!ctx.program) return;
    reportFindings(ctx, ctx.program, analyseRules(ctx.program));
  },
};
