// The `analyse` stage: reads the IR that `lower` built and reports what the rule
// analysis (compiler/analysis) finds, and, with a directory, pools that run dry.
// Runs only when the project lowered, that is, when it has no errors.
import { analyseRules } from '../analysis/analyse-rules';
import { dryPools } from '../analysis/dry-pools';
import { reportFindings } from './analysis-report';
import type { Stage } from './context';
import { reportDryPools } from './dry-pool-report';

/** Impossible conditions, shadowed and overlapping rules, dry pools. */
export const analyseStage: Stage = {
  name: 'analyse',
  run(ctx) {
    if (!ctx.program) return;
    reportFindings(ctx, ctx.program, analyseRules(ctx.program, { cache: ctx.caches?.analysis }));
    if (ctx.directory) reportDryPools(ctx, dryPools(ctx.program, ctx.directory, ctx.caches?.dryPools));
  },
};
