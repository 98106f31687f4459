// The shape every distribution method shares: a pure function from the eligible
// candidates, the per-user values it ranks by, and its own state (read from the
// store by the engine, keyed by state-keys.ts) to the chosen users, the new
// state and, for ranking methods, the ranking shown in the trace.
import type { Rule } from '../../compiler/ir';
import type { DirectoryIndex } from '../directory-index';
import type { UserView } from '../evaluator/context';
import type { StateChanges } from '../state-changes';
import type { Json } from '../state/store';

/** What a method sees. */
export interface MethodInput {
  rule: Rule;
  /** Eligible users, in pool order. */
  candidates: readonly string[];
  /** How many to pick (`take N`), without replacement. */
  count: number;
  views: ReadonlyMap<string, UserView>;
  /** Available capacity per user (undefined: no limit); null when no capacity is configured. */
  capacity: ReadonlyMap<string, number | undefined> | null;
  /** Values of `score EXPR` / `ordered by` keys (in clause order), or the marketplace values, of a candidate; evaluated when asked. */
  valuesOf(user: string): readonly unknown[] | undefined;
  /**
   * Set when the candidate list, the views and the values stay what they were
   * between decisions but for the users listed here since a reader's position
   * (eligibility-memo.ts kept them, and the values read nothing but the user):
   * ranking.ts then keeps its order and moves those users alone.
   */
  changes?: StateChanges;
  dir: DirectoryIndex;
  /** The method's state, by key (see `stateKeys`). */
  state: ReadonlyMap<string, Json | undefined>;
}

/** What a method decided. */
export interface MethodResult {
  /** Chosen users, in order; fewer than `count` when not enough could be had. */
  chosen: string[];
  /** State keys to write (only those that changed). */
  state: Map<string, Json>;
  ranking?: { user: string; value: unknown }[];
}

/** A distribution method. */
export interface DistributionMethod {
  /** The state keys the method reads for `rule` (loaded before `run`). */
  stateKeys(rule: Rule): string[];
  run(input: MethodInput): MethodResult;
}
