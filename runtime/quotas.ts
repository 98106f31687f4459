// Quota counters (RUNTIME.md "Availability"): each configured period counts a
// user's assignments in the current calendar window of `settings.timezone`
// (`quotaWindow`), under `quota/<user>/<period>/<window>`. Reading happens once
// per decision for the candidates still in the running (user-state.ts); every
// assignment adds one to each period.
import { quotaWindow } from './calendar';
import type { IndexedUser } from './directory-index';
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

/** The counter keys of every configured quota's window at `now`, per user; null without quotas. */
export function quotaKeys(program: ProgramIndex, now: number): { count: number; keysOf(user: IndexedUser): readonly string[] } | null {
  if (program.quotas.length === 0) return null;
  const windows = windowKeys(program, now);
  const periods = program.quotas.map((q, i) => `${q.period}/${windows[i] as string}`).join(' ');
  // A user's keys for the windows last asked about are kept with the user: the same window runs for hours to months.
  const keysOf = (user: IndexedUser) => {
    const last = user.memo.quotaKeys;
    if (last?.windows === periods) return last.keys;
    const made = program.quotas.map((q, i) => keys.quota(user.user.id, q.period, windows[i] as string));
    user.memo.quotaKeys = { windows: periods, keys: made };
    return made;
  };
  return { count: program.quotas.length, keysOf };
}

/** Counts one assignment of `user` in every configured quota's current window. */
export async function countAssignment(tx: Transaction, program: ProgramIndex, user: string, now: number): Promise<void> {
  const windows = windowKeys(program, now);
  for (const [i, q] of program.quotas.entries()) await addTo(tx, keys.quota(user, q.period, windows[i] as string), 1);
}
