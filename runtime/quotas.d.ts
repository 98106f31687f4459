import type { ProgramIndex } from './program-index';
import type { Transaction } from './state/store';
/** Counts per user, one entry per configured quota (in `settings.quotas` order). */
export type QuotaCounts = ReadonlyMap<string, readonly number[]>;
/** Reads the current window's count of every quota for `users`. */
export declare function loadQuotaCounts(tx: Transaction, program: ProgramIndex, users: readonly string[], now: number): Promise<QuotaCounts>;
/** Counts one assignment of `user` in every configured quota's current window. */
export declare function countAssignment(tx: Transaction, program: ProgramIndex, user: string, now: number): Promise<void>;
