import type { Stage } from './context';
/** Collect declarations, load the directory, resolve names. */
export declare const resolveStage: Stage;
