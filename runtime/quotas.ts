// Quota counters (RUNTIME.md "Availability"): each configured period counts a
// user's assignments in the current calendar window of `settings.timezone`
// (`quotaWindow`), under `quota/<user>/<period>/<window>`. Reading happens once
// per decision for every candidate; every assignment adds one to each period.
import { quotaWindow } from './calendar';
import type { ProgramIndex } from './program-index';
import { keys } from './state-keys';
import type { Transaction } from './state/store';
import { addTo } from './user-state';

/** Counts per user, one entry per configured quota (in `settings.quotas` order). */
export type QuotaCounts = ReadonlyMap<string, readonly number[]>;

function windowKeys(program: ProgramIndex, now: number): string[] {
  const zone = program.program.settings.timezone;
  return program.quotas.map((q) => quotaWindow(q.period, zone, now).key);
}

/** Reads the current window's count of every quota for `users`. */
export async function loadQuotaCounts(tx: Transaction, program: ProgramIndex, users: readonly string[], now: number): Promise<QuotaCounts> {
  const counts = new Map<string, number[]>();
  if (program.quotas.length === 0) return counts;
  const windows = windowKeys(program, now);
  const wanted: string[] = [];
  for (const user of users) program.quotas.forEach((q, i) => wanted.push(keys.quota(user, q.period, windows[i] as string)));
  const values = await tx.getMany(wanted);
  users.forEach((user, u) => {
    counts.set(
      user,
      program.quotas.map((_q, i) => {
        const v = values[u * program.quotas.length + i];
        return typeof v === 'number' ? v : 0;
      }),
    );
  });
  return counts;
}

/** Counts one assignment of `user` in every configured quota's current window. */
export async function countAssignment(tx: Transaction, program: ProgramIndex, user: string, now: number): Promise<void> {
  const windows = windowKeys(program, now);
  for (const [i, q] of program.quotas.entries()) await addTo(tx, keys.quota(user, q.period, windows[i] as string), 1);
}
