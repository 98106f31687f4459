// weighted { k: w } and weighted by user.F { v: w }: interleaved weighted round
// robin. Weights are divided by their greatest common divisor; round r of a
// cycle holds, in the order the keys are written, every key whose weight is at
// least r (A3 B2 C1 → A B C A B A). A cursor into the cycle is kept in state; a
// key with no eligible user now is skipped. A key that is a team or group, or a
// choice value, holds several users: the round robin of round-robin.ts runs
// inside it, with its own rotation per key.
import type { Rule } from '../../compiler/ir';
import { own } from '../../language/own';
import { keys } from '../state-keys';
import type { Json } from '../state/store';
import { rotate, storedQueue } from './round-robin';
import type { DistributionMethod, MethodInput, MethodResult } from './types';

/** The interleaved cycle of keys for `weights` (in written order). */
export function buildCycle(weights: readonly { key: string; weight: number }[]): string[] {
  const divisor = weights.reduce((g, w) => gcd(g, w.weight), 0) || 1;
  const reduced = weights.map((w) => ({ key: w.key, weight: w.weight / divisor }));
  const rounds = Math.max(0, ...reduced.map((w) => w.weight));
  const cycle: string[] = [];
  for (let r = 1; r <= rounds; r++) for (const w of reduced) if (w.weight >= r) cycle.push(w.key);
  return cycle;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** How a rule's weight keys map to users: one user each, or a rotation among several. */
type KeyKind = 'user' | 'team' | 'group' | 'value';

function keyKind(rule: Rule): KeyKind {
  if (rule.method.kind === 'weighted_by') return 'value';
  return rule.pool.kind === 'teams' ? 'team' : rule.pool.kind === 'groups' ? 'group' : 'user';
}

function weightsOf(rule: Rule): { key: string; weight: number }[] {
  return rule.method.kind === 'weighted' || rule.method.kind === 'weighted_by' ? rule.method.weights : [];
}

/** The rotation level of one key. */
function levelKey(rule: Rule, kind: KeyKind, key: string): string {
  return keys.rotation(rule.id, `${kind === 'value' ? 'value' : 'key'}:${key}`);
}

/**
 * The eligible users behind each key, per candidate list: the engine keeps a
 * rule's candidate list between decisions while nobody's eligibility changes
 * (eligibility-memo.ts), and the same member list then lets round-robin.ts
 * recognise a rotation that is normal already.
 */
const membersByCandidates = new WeakMap<readonly string[], Map<string, readonly string[]>>();

/** The eligible users behind a key, in pool (or member) order. */
function membersOf(input: MethodInput, kind: KeyKind, key: string, eligible: () => ReadonlySet<string>): readonly string[] {
  let byKey = membersByCandidates.get(input.candidates);
  if (!byKey) membersByCandidates.set(input.candidates, (byKey = new Map()));
  const name = `${kind}:${key}`;
  let members = byKey.get(name);
  if (!members) byKey.set(name, (members = findMembers(input, kind, key, eligible())));
  return members;
}

function findMembers(input: MethodInput, kind: KeyKind, key: string, eligible: ReadonlySet<string>): string[] {
  switch (kind) {
    case 'user':
      return eligible.has(key) ? [key] : [];
    case 'team':
      return (input.dir.teams.get(key) ?? []).filter((u) => eligible.has(u));
    case 'group':
      return (input.dir.groups.get(key) ?? []).filter((u) => eligible.has(u));
    case 'value': {
      const field = input.rule.method.kind === 'weighted_by' ? input.rule.method.field : '';
      return input.candidates.filter((u) => own(input.views.get(u)?.fields ?? {}, field) === key);
    }
  }
}

export const weighted: DistributionMethod = {
  stateKeys(rule) {
    const kind = keyKind(rule);
    const levels = kind === 'user' ? [] : weightsOf(rule).map((w) => levelKey(rule, kind, w.key));
    return [keys.cursor(rule.id), ...levels];
  },
  run(input): MethodResult {
    const { rule } = input;
    const kind = keyKind(rule);
    const cycle = buildCycle(weightsOf(rule));
    const cursorKey = keys.cursor(rule.id);
    const stored = input.state.get(cursorKey);
    let position = typeof stored === 'number' && Number.isInteger(stored) && stored >= 0 ? stored % cycle.length : 0;
    let eligibleSet: ReadonlySet<string> | null = null;
    const eligible = () => (eligibleSet ??= new Set(input.candidates));
    const chosen: string[] = [];
    const state = new Map<string, Json>();
    const read = (key: string) => (state.has(key) ? state.get(key) : input.state.get(key));
    while (chosen.length < input.count) {
      let picked = false;
      for (let step = 0; step < cycle.length && !picked; step++) {
        const slot = (position + step) % cycle.length;
        const key = cycle[slot] as string;
        const found = membersOf(input, kind, key, eligible);
        const members = kind === 'user' ? found.filter((u) => !chosen.includes(u)) : found;
        if (members.length === 0) continue;
        if (kind === 'user') chosen.push(members[0] as string);
        else {
          const level = levelKey(rule, kind, key);
          const turn = rotate(level, storedQueue(read(level)), members, new Set(chosen));
          if (turn.chosen === null) continue;
          chosen.push(turn.chosen);
          state.set(level, turn.queue);
        }
        position = (slot + 1) % cycle.length;
        picked = true;
      }
      if (!picked) break;
    }
    state.set(cursorKey, position);
    return { chosen, state };
  },
};
