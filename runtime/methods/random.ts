// random: uniform among the eligible users, drawn without replacement from a
// seeded generator whose state lives in `seed/<ruleId>`, so a decision is
// reproducible from the state. The generator is mulberry32 (32-bit state, full
// period 2^32); a rule's first seed is the FNV-1a hash of its id.
import { keys } from '../state-keys';
import type { DistributionMethod } from './types';

/** One mulberry32 step: the next state and a float in [0, 1). */
export function mulberry32(state: number): { state: number; value: number } {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { state: next, value: ((t ^ (t >>> 14)) >>> 0) / 4294967296 };
}

/** 32-bit FNV-1a hash of a string. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export const random: DistributionMethod = {
  stateKeys: (rule) => [keys.seed(rule.id)],
  run(input) {
    const key = keys.seed(input.rule.id);
    const stored = input.state.get(key);
    let seed = typeof stored === 'number' ? stored >>> 0 : fnv1a(input.rule.id);
    const remaining = [...input.candidates];
    const chosen: string[] = [];
    while (chosen.length < input.count && remaining.length > 0) {
      const step = mulberry32(seed);
      seed = step.state;
      const [user] = remaining.splice(Math.floor(step.value * remaining.length), 1) as [string];
      chosen.push(user);
    }
    return { chosen, state: new Map([[key, seed]]) };
  },
};
