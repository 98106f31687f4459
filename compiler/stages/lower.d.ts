import { type Stage } from './context';
/** Build the IR, unless an error was reported. */
export declare const lowerStage: Stage;
