import type { Stage } from './context';
/** parse → resolve → typecheck → validate → lower. */
export declare const STAGES: readonly Stage[];
