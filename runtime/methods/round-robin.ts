// round_robin (RUNTIME.md "Methods"): a rotation queue that never resets. Each
// decision, users of the queue who are not eligible now leave it, eligible users
// not in it join at the end in pool order, and the head is assigned and moves to
// the end. `rotate` is the one implementation of that rule: the weighted methods
// use it inside teams, groups and choice values.
import { keys } from '../state-keys';
import type { Json } from '../state/store';
import type { DistributionMethod, MethodResult } from './types';

/** Level name of a rule's own rotation (teams and values have their own levels). */
const POOL_LEVEL = 'pool';

/** A rotation queue as it stands for `eligible` (pool order): ineligible users leave it, eligible users not in it join at the end. */
export function normaliseQueue(queue: readonly string[], eligible: readonly string[]): string[] {
  const allowed = new Set(eligible);
  const next: string[] = [];
  const inQueue = new Set<string>();
  for (const user of queue) {
    if (allowed.has(user) && !inQueue.has(user)) {
      next.push(user);
      inQueue.add(user);
    }
  }
  for (const user of eligible) {
    if (!inQueue.has(user)) {
      next.push(user);
      inQueue.add(user);
    }
  }
  return next;
}

/**
 * One turn of a rotation: normalises `queue` against `eligible` (pool order),
 * then assigns the first user not in `skip` (already chosen in this decision)
 * and moves them to the end. `chosen` is null when every eligible user is skipped.
 */
export function rotate(queue: readonly string[], eligible: readonly string[], skip: ReadonlySet<string>): { chosen: string | null; queue: string[] } {
  const next = normaliseQueue(queue, eligible);
  const at = next.findIndex((user) => !skip.has(user));
  if (at < 0) return { chosen: null, queue: next };
  const [chosen] = next.splice(at, 1) as [string];
  next.push(chosen);
  return { chosen, queue: next };
}

/** Reads a stored rotation queue (anything else counts as empty). */
export function storedQueue(value: Json | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Runs `count` turns (none: only normalises) of the rotation stored under `key`, skipping users already chosen. */
function rotateMany(
  key: string,
  stored: Json | undefined,
  eligible: readonly string[],
  chosen: string[],
  count: number,
): MethodResult['state'] {
  let queue = normaliseQueue(storedQueue(stored), eligible);
  const skip = new Set(chosen);
  for (let i = 0; i < count; i++) {
    const turn = rotate(queue, eligible, skip);
    queue = turn.queue;
    if (turn.chosen === null) break;
    chosen.push(turn.chosen);
    skip.add(turn.chosen);
  }
  return new Map([[key, queue]]);
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
