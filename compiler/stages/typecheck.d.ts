import { type Stage } from './context';
/** Type every expression and check it against its site. */
export declare const typecheckStage: Stage;
