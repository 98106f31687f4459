// The names of every key the engine keeps in the state store, in one place, so
// that stores, tools and tests agree on them (see state/store.ts).
import type { QuotaPeriod } from '../compiler/ir';

export const keys = {
  /** Rotation queue of a rule at a level (`pool`, `key:<team>`, `value:<choice>`). */
  rotation: (ruleId: string, level: string) => `rr/${ruleId}/${level}`,
  /** Position in a weighted rule's cycle. */
  cursor: (ruleId: string) => `cursor/${ruleId}`,
  /** State of a rule's random generator. */
  seed: (ruleId: string) => `seed/${ruleId}`,
  lastAssignedAt: (userId: string) => `user/${userId}/last_assigned_at`,
  /** Order of a user's latest assignment (breaks ties between equal `last_assigned_at`). */
  lastAssignedSeq: (userId: string) => `user/${userId}/last_assigned_seq`,
  /** The engine's own count of a user's open records (the directory's load adds to it). */
  openLoad: (userId: string) => `user/${userId}/open_load`,
  quota: (userId: string, period: QuotaPeriod, windowKey: string) => `quota/${userId}/${period}/${windowKey}`,
  record: (entity: string, recordId: string) => `record/${entity}/${recordId}`,
} as const;

/**
 * The user whose own state (`user/<id>/…`) or quota counter (`quota/<id>/<period>/<window>`)
 * `key` is; null for any other key. Periods and window keys hold no `/`; user ids may.
 */
export function userOfStateKey(key: string): string | null {
  if (key.startsWith('user/')) {
    const end = key.lastIndexOf('/');
    return end > 5 ? key.slice(5, end) : null;
  }
  if (key.startsWith('quota/')) {
    const window = key.lastIndexOf('/');
    const period = window > 6 ? key.lastIndexOf('/', window - 1) : -1;
    return period > 6 ? key.slice(6, period) : null;
  }
  return null;
}

/** Lock names (state/store.ts "Isolation"), in their class order. */
export const locks = {
  event: (eventId: string) => `event/${eventId}`,
  record: (entity: string, recordId: string) => `record/${entity}/${recordId}`,
  rule: (ruleId: string) => `rule/${ruleId}`,
  user: (userId: string) => `user/${userId}`,
} as const;
