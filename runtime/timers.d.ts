import { type EngineEnv } from './decide';
import type { Timer, Transaction } from './state/store';
import type { Decision } from './types';
/** Runs one due timer (already deleted by the caller); null when it had nothing to do. */
export declare function runTimer(env: EngineEnv, tx: Transaction, timer: Timer): Promise<Decision | null>;
