// What one active rule's earlier rules do to it: the first earlier rule that
// shadows it on every event it sees, else a union of earlier rules that does,
// else an earlier rule that might (its understood part covers the rule, its
// opaque part keeps the analysis from telling), else the first earlier rule it
// partly overlaps. Earlier rules that merely cover it (exceptions placed above a
// broader rule) are the intended order and not reported.
import { occurrencesOf, sees, sharedOccurrence, type Occurrence } from './event-overlap';
import { hasOpaque, negate, opaqueAtoms, withoutOpaque, type Culprit, type Formula } from './formula';
import type { Rule } from '../ir';
import { recordOf, relate, type PairFacts } from './relations';
import type { Indexed } from './rule-index';
import { solve } from './solve';
import { witness, type Witness, type WitnessRecord } from './witness';

/** A rule as the analysis sees it. */
export interface AnalysedRule extends Indexed {
  rule: Rule;
  formula: Formula;
}

/** A witness and the earlier rule the engine gives it to (null when the analysis could not pin that down). */
export interface Routed {
  witness: Witness;
  takenBy: Rule | null;
}

/** What the analysis found about a rule and its earlier rules. */
export type ShadowFinding =
  | { kind: 'shadowed'; rule: Rule; by: Rule[]; example: Routed | null }
  | { kind: 'maybe-shadowed'; rule: Rule; by: Rule; culprits: Culprit[] }
  | { kind: 'overlap'; rule: Rule; other: Rule; example: Routed };

/** More earlier rules than this and the union check is skipped (each is still compared on its own). */
const MAX_UNION = 64;

interface Met {
  other: AnalysedRule;
  facts: PairFacts;
}

/** The finding about `later` given the earlier rules whose events and pins let them meet it (in priority order). */
export function shadowFinding(later: AnalysedRule, earlier: readonly AnalysedRule[]): ShadowFinding | null {
  const occurrences = occurrencesOf(later.events);
  const met: Met[] = [];
  for (const other of earlier) {
    const facts = relate(later.formula, other.formula, later.rule.entity);
    if (facts.relation === 'disjoint') continue;
    if (facts.relation === 'shadowed' && occurrences.every((o) => sees(other.events, o))) {
      return { kind: 'shadowed', rule: later.rule, by: [other.rule], example: exampleOf(later, occurrences[0]!, [other], met) };
    }
    met.push({ other, facts });
  }
  return unionShadow(later, occurrences, met) ?? maybeShadow(later, occurrences, met) ?? overlap(later, met);
}

function unionShadow(later: AnalysedRule, occurrences: Occurrence[], met: Met[]): ShadowFinding | null {
  if (met.length < 2 || met.length > MAX_UNION) return null;
  let used = met.map((m) => m.other);
  if (!coveredBy(later, occurrences, used)) return null;
  for (const candidate of [...used].reverse()) {
    const without = used.filter((r) => r !== candidate);
    if (coveredBy(later, occurrences, without)) used = without;
  }
  return { kind: 'shadowed', rule: later.rule, by: used.map((r) => r.rule), example: exampleOf(later, occurrences[0]!, used, met) };
}

/** True when, on each occurrence, the rules that see it match every record `later` matches. */
function coveredBy(later: AnalysedRule, occurrences: Occurrence[], rules: AnalysedRule[]): boolean {
  return occurrences.every((o) => {
    const seers = rules.filter((r) => sees(r.events, o));
    return seers.length > 0 && solve([later.formula, ...seers.map((r) => negate(r.formula))]).kind === 'unsat';
  });
}

function maybeShadow(later: AnalysedRule, occurrences: Occurrence[], met: Met[]): ShadowFinding | null {
  for (const { other, facts } of met) {
    if (facts.relation !== 'undecided' || !hasOpaque(other.formula) || !occurrences.every((o) => sees(other.events, o))) continue;
    const understood = withoutOpaque(other.formula);
    // A condition that is all opaque says nothing the analysis understands.
    if (understood.kind === 'const' || solve([later.formula, negate(understood)]).kind !== 'unsat') continue;
    return { kind: 'maybe-shadowed', rule: later.rule, by: other.rule, culprits: [...opaqueAtoms(other.formula).values()] };
  }
  return null;
}

function overlap(later: AnalysedRule, met: Met[]): ShadowFinding | null {
  for (const { other, facts } of met) {
    // A rule shadowed on some of its events only (the rest reach it) overlaps the earlier one.
    if (facts.relation !== 'overlap' && facts.relation !== 'shadowed') continue;
    const shared = sharedOccurrence(later.events, other.events);
    const example = shared && routed(later, shared, other, met);
    if (example) return { kind: 'overlap', rule: later.rule, other: other.rule, example };
  }
  return null;
}

/**
 * A record `later` matches on occurrence `o` that the engine gives to the first of
 * `takers` able to take it, with every earlier rule that sees `o` ruled out.
 * Falls back to any record `later` matches, without naming who takes it.
 */
function exampleOf(later: AnalysedRule, o: Occurrence, takers: AnalysedRule[], met: Met[]): Routed | null {
  for (const taker of takers) {
    const found = routed(later, o, taker, met);
    if (found) return found;
  }
  const record = recordOf(solve([later.formula]), later.rule.entity);
  return record && { witness: occurrenceWitness(later, o, record), takenBy: null };
}

/** A record both `later` and `taker` match on `o`, and no rule met before `taker` that sees `o`; null when none is found exactly. */
function routed(later: AnalysedRule, o: Occurrence, taker: AnalysedRule, met: Met[]): Routed | null {
  const before = met.filter((m) => m.other.order < taker.order && sees(m.other.events, o)).map((m) => negate(m.other.formula));
  const record = recordOf(solve([later.formula, taker.formula, ...before]), later.rule.entity);
  return record && { witness: occurrenceWitness(later, o, record), takenBy: taker.rule };
}

function occurrenceWitness(rule: AnalysedRule, o: Occurrence, record: WitnessRecord): Witness {
  return witness(rule.rule.entity, o.kind, record, o.changed === null ? [] : [o.changed]);
}
