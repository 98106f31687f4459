import type { Stage } from './context';
/** Parse every source file. */
export declare const parseStage: Stage;
