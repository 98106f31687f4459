// The compiler's stages in order (DESIGN principle 3): a caller can stop after any one.
import type { Stage } from './context';
import { analyseStage } from './analyse';
import { lowerStage } from './lower';
import { parseStage } from './parse-stage';
import { resolveStage } from './resolve';
import { typecheckStage } from './typecheck';
import { validateStage } from './validate';

/** parse → resolve → typecheck → validate → lower → analyse. */
export const STAGES: readonly Stage[] = [parseStage, resolveStage, typecheckStage, validateStage, lowerStage, analyseStage];
