import { type Stage } from './context';
/** Check rule structure, run the clause checks, find priority conflicts. */
export declare const validateStage: Stage;
