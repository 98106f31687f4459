// round_robin (RUNTIME.md "Methods"): a rotation queue that never resets. Each
// decision, users of the queue who are not eligible now leave it, eligible users
// not in it join at the end in pool order, and the head is assigned and moves to
// the end. `rotate` is the one implementation of that rule: the weighted methods
// use it inside teams, groups and choice values.
import { keys } from '../state-keys';
import { isSharedJson, shareNames } from '../state/json-copy';
import type { Json } from '../state/store';
import type { DistributionMethod, MethodResult } from './types';

/** Level name of a rule's own rotation (teams and values have their own levels). */
const POOL_LEVEL = 'pool';

/** A rotation queue as it stands for `eligible` (pool order): ineligible users leave it, eligible users not in it join at the end. */
export function normaliseQueue(queue: readonly string[], eligible: readonly string[]): string[] {
  // Who may still join: each user leaves the set when placed, so a repeated name is placed once.
  const unplaced = new Set(eligible);
  const next: string[] = [];
  for (const user of queue) if (unplaced.delete(user)) next.push(user);
  for (const user of eligible) if (unplaced.delete(user)) next.push(user);
  return next;
}

/**
 * The queues last made normal for an eligible list, by state key. The engine
 * keeps the eligible list of a rule between decisions while nobody's
 * eligibility changes (eligibility-memo.ts): a stored queue equal to the one
 * last made for that list (the very list, on a store that keeps shared values
 * by reference) is normal already, and is only copied.
 */
const normalQueues = new WeakMap<readonly string[], Map<string, readonly string[]>>();

/** `normaliseQueue` for the queue stored under `key`, answered from `normalQueues` when it can be. */
function normalQueue(key: string, queue: readonly string[], eligible: readonly string[]): string[] {
  let byKey = normalQueues.get(eligible);
  const known = byKey?.get(key);
  // A spread, not `slice`: V8 copies a frozen (shared) list much faster so.
  const next = known && (queue === known || sameUsers(queue, known)) ? [...queue] : normaliseQueue(queue, eligible);
  if (!byKey) normalQueues.set(eligible, (byKey = new Map()));
  // The turns taken next change `next` in place; then it is shared (`turned`), and is what the store keeps.
  byKey.set(key, next);
  return next;
}

function sameUsers(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * One turn of the rotation stored under `key`: normalises `queue` against
 * `eligible` (pool order), then assigns the first user not in `skip` (already
 * chosen in this decision) and moves them to the end. `chosen` is null when
 * every eligible user is skipped.
 */
export function rotate(key: string, queue: readonly string[], eligible: readonly string[], skip: ReadonlySet<string>): { chosen: string | null; queue: string[] } {
  const next = normalQueue(key, queue, eligible);
  const chosen = takeTurn(next, skip);
  return { chosen, queue: turned(next) };
}

/**
 * A queue whose turns are taken: frozen and shared (state/json-copy.ts), so the
 * store, the decision's trace and the log keep this one list, and the next
 * decision knows it for normal by identity.
 */
function turned(queue: string[]): string[] {
  return shareNames(queue);
}

/** The turn of an already normalised queue, in place: its first user not in `skip` moves to the end and is returned (null: none). */
function takeTurn(queue: string[], skip: ReadonlySet<string>): string | null {
  const at = skip.size === 0 ? (queue.length > 0 ? 0 : -1) : queue.findIndex((user) => !skip.has(user));
  if (at < 0) return null;
  const [chosen] = queue.splice(at, 1) as [string];
  queue.push(chosen);
  return chosen;
}

/** Reads a stored rotation queue (anything else counts as empty). */
export function storedQueue(value: Json | undefined): readonly string[] {
  if (!Array.isArray(value)) return [];
  // A queue the engine wrote holds only names: it is used as it is (the rotation copies before it turns).
  if (isSharedJson(value)) return value as readonly string[];
  return value.every((v) => typeof v === 'string') ? (value as string[]) : value.filter((v): v is string => typeof v === 'string');
}

/** Runs `count` turns (none: only normalises) of the rotation stored under `key`, skipping users already chosen. */
function rotateMany(
  key: string,
  stored: Json | undefined,
  eligible: readonly string[],
  chosen: string[],
  count: number,
): MethodResult['state'] {
  const queue = normalQueue(key, storedQueue(stored), eligible);
  const skip = new Set(chosen);
  for (let i = 0; i < count; i++) {
    const turn = takeTurn(queue, skip);
    if (turn === null) break;
    chosen.push(turn);
    skip.add(turn);
  }
  return new Map([[key, turned(queue)]]);
}

export const roundRobin: DistributionMethod = {
  stateKeys: (rule) => [keys.rotation(rule.id, POOL_LEVEL)],
  run(input) {
    const key = keys.rotation(input.rule.id, POOL_LEVEL);
    const chosen: string[] = [];
    const state = rotateMany(key, input.state.get(key), input.candidates, chosen, input.count);
    return { chosen, state };
  },
};
