// How the conditions of a later and an earlier rule relate, from three solver
// questions: is there a record both match, one only the later matches, one only
// the earlier matches? Each answer is exact (with a witness) or "unknown", and
// the relation claims only what the exact answers prove.
import { and, negate, TRUE, type Culprit, type Formula } from './formula';
import { solve, type SolveResult } from './solve';
import { witnessRecord, type WitnessRecord } from './witness';

/**
 * `disjoint`: no record matches both · `shadowed`: every record the later matches,
 * the earlier matches too · `covers`: each alternative (`or` branch) of the
 * earlier condition lies within the later one or apart from it, so the earlier
 * rule is a set of exceptions placed above a broader rule, the intended order ·
 * `overlap`: some record matches both, and the later still matches records of its
 * own · `undecided`: opaque parts (or the step budget) keep the analysis from telling.
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
  return facts(exceptionsTo(earlier, later) ? 'covers' : 'overlap', bothRecord, laterRecord, []);
}

/** Branches of the earlier condition beyond this are not expanded (it then counts as overlapping). */
const MAX_BRANCHES = 16;

/** True when every `or` branch of `earlier` lies inside `later` or apart from it. */
function exceptionsTo(earlier: Formula, later: Formula): boolean {
  if (solve([earlier, negate(later)]).kind === 'unsat') return true;
  const list = branches(earlier);
  if (list === null || list.length < 2) return false;
  const notLater = negate(later);
  return list.every((b) => solve([b, later]).kind === 'unsat' || solve([b, notLater]).kind === 'unsat');
}

/** The disjunctive normal form of `f` as a list of conjunctions, or null past MAX_BRANCHES. */
function branches(f: Formula): Formula[] | null {
  switch (f.kind) {
    case 'or': {
      const out: Formula[] = [];
      for (const arg of f.args) {
        const inner = branches(arg);
        if (inner === null || out.length + inner.length > MAX_BRANCHES) return null;
        out.push(...inner);
      }
      return out;
    }
    case 'and': {
      let out: Formula[] = [TRUE];
      for (const arg of f.args) {
        const inner = branches(arg);
        if (inner === null || out.length * inner.length > MAX_BRANCHES) return null;
        out = out.flatMap((a) => inner.map((b) => and([a, b])));
      }
      return out;
    }
    default:
      return [f];
  }
}

function facts(relation: Relation, both: WitnessRecord | null, laterOnly: WitnessRecord | null, culpritList: Culprit[]): PairFacts {
  return { relation, both, laterOnly, culprits: culpritList };
}

/** The witness record of an exact answer. */
export function recordOf(result: SolveResult, entity: string): WitnessRecord | null {
  return result.kind === 'sat' ? witnessRecord(result.domains(), entity) : null;
}

function culprits(result: SolveResult): Culprit[] {
  return result.kind === 'unknown' ? result.culprits : [];
}
