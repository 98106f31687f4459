// How the conditions of a later and an earlier rule relate, from three solver
// questions: is there a record both match, one only the later matches, one only
// the earlier matches? Each answer is exact (with a witness) or "unknown", and
// the relation claims only what the exact answers prove.
import { negate, type Culprit, type Formula } from './formula';
import { solve, type SolveResult } from './solve';
import { witnessRecord, type WitnessRecord } from './witness';

/**
 * `disjoint`: no record matches both · `shadowed`: every record the later matches,
 * the earlier matches too · `covers`: the reverse (the earlier is an exception
 * placed above a broader rule, the intended order) · `overlap`: some record
 * matches both, and the later still matches records of its own · `undecided`:
 * opaque parts (or the step budget) keep the analysis from telling.
 */
export type Relation = 'disjoint' | 'shadowed' | 'covers' | 'overlap' | 'undecided';

/** The answers behind a relation. */
export interface PairFacts {
  relation: Relation;
  /** A record both match, when one was found exactly. */
  both: WitnessRecord | null;
  /** A record only the later matches, when one was found exactly. */
  laterOnly: WitnessRecord | null;
  /** What kept a question open (for `undecided`). */
  culprits: Culprit[];
}

/** Relates the condition of a later rule to that of an earlier one (both over the same entity's records). */
export function relate(later: Formula, earlier: Formula, entity: string): PairFacts {
  const both = solve([later, earlier]);
  if (both.kind === 'unsat') return facts('disjoint', null, null, []);
  const laterOnly = solve([later, negate(earlier)]);
  const bothRecord = recordOf(both, entity);
  if (laterOnly.kind === 'unsat') return facts('shadowed', bothRecord, null, []);
  const laterRecord = recordOf(laterOnly, entity);
  if (laterOnly.kind === 'unknown' || both.kind === 'unknown') return facts('undecided', bothRecord, laterRecord, [...culprits(both), ...culprits(laterOnly)]);
  const earlierOnly = solve([earlier, negate(later)]);
  return facts(earlierOnly.kind === 'unsat' ? 'covers' : 'overlap', bothRecord, laterRecord, []);
}

function facts(relation: Relation, both: WitnessRecord | null, laterOnly: WitnessRecord | null, culpritList: Culprit[]): PairFacts {
  return { relation, both, laterOnly, culprits: culpritList };
}

/** The witness record of an exact answer. */
export function recordOf(result: SolveResult, entity: string): WitnessRecord | null {
  return result.kind === 'sat' ? witnessRecord(result.domains, entity) : null;
}

function culprits(result: SolveResult): Culprit[] {
  return result.kind === 'unknown' ? result.culprits : [];
}
