// What one active rule's earlier rules do to it: the first earlier rule that
// shadows it on every event it sees, else a union of earlier rules that does,
// else an earlier rule that might (its understood part covers the rule, its
// opaque part keeps the analysis from telling), else the first earlier rule it
// partly overlaps. Earlier rules that merely cover it (exceptions placed above a
// broader rule) are the intended order and not reported.
import { eventsOverlap, occurrencesOf, sees, type EventLike, type Occurrence } from './event-overlap';
import { hasOpaque, negate, opaqueAtoms, withoutOpaque, type Culprit, type Formula } from './formula';
import type { Rule } from '../ir';
import { relate, type PairFacts } from './relations';
import type { Indexed } from './rule-index';
import { solve } from './solve';
import { witness, type Witness, type WitnessRecord } from './witness';

/** A rule as the analysis sees it. */
export interface AnalysedRule extends Indexed {
  rule: Rule;
  formula: Formula;
  /** A record the rule matches, when one was found exactly. */
  example: WitnessRecord | null;
}

/** What the analysis found about a rule and its earlier rules. */
export type ShadowFinding =
  | { kind: 'shadowed'; rule: Rule; by: Rule[]; witness: Witness | null }
  | { kind: 'maybe-shadowed'; rule: Rule; by: Rule; culprits: Culprit[] }
  | { kind: 'overlap'; rule: Rule; other: Rule; witness: Witness };

/** More earlier rules than this and the union check is skipped (each is still compared on its own). */
const MAX_UNION = 64;

interface Met {
  other: AnalysedRule;
  facts: PairFacts;
}

/** The finding about `later` given the earlier rules whose events and pins let them meet it. */
export function shadowFinding(later: AnalysedRule, earlier: readonly AnalysedRule[]): ShadowFinding | null {
  const occurrences = occurrencesOf(later.events);
  const met: Met[] = [];
  for (const other of earlier) {
    const facts = relate(later.formula, other.formula, later.rule.entity);
    if (facts.relation === 'disjoint') continue;
    if (facts.relation === 'shadowed' && occurrences.every((o) => sees(other.events, o))) {
      const record = facts.both ?? later.example;
      return { kind: 'shadowed', rule: later.rule, by: [other.rule], witness: record && occurrenceWitness(later, occurrences[0]!, record) };
    }
    met.push({ other, facts });
  }
  return unionShadow(later, occurrences, met) ?? maybeShadow(later, occurrences, met) ?? overlap(later, occurrences, met);
}

function unionShadow(later: AnalysedRule, occurrences: Occurrence[], met: Met[]): ShadowFinding | null {
  if (met.length < 2 || met.length > MAX_UNION) return null;
  let used = met.map((m) => m.other);
  if (!coveredBy(later, occurrences, used)) return null;
  for (const candidate of [...used].reverse()) {
    const without = used.filter((r) => r !== candidate);
    if (coveredBy(later, occurrences, without)) used = without;
  }
  const record = later.example;
  return { kind: 'shadowed', rule: later.rule, by: used.map((r) => r.rule), witness: record && occurrenceWitness(later, occurrences[0]!, record) };
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

function overlap(later: AnalysedRule, occurrences: Occurrence[], met: Met[]): ShadowFinding | null {
  for (const { other, facts } of met) {
    const partlySeen = facts.relation === 'shadowed' && !occurrences.every((o) => sees(other.events, o));
    if ((facts.relation !== 'overlap' && !partlySeen) || !facts.both) continue;
    return { kind: 'overlap', rule: later.rule, other: other.rule, witness: sharedWitness(later.events, other.events, facts.both, later.rule.entity) };
  }
  return null;
}

function occurrenceWitness(rule: AnalysedRule, o: Occurrence, record: WitnessRecord): Witness {
  return witness(rule.rule.entity, o.kind, record, o.changed === null ? [] : [o.changed]);
}

/** The witness on an event both rules see: for two `updated(…)`, a field both name. */
function sharedWitness(a: readonly EventLike[], b: readonly EventLike[], record: WitnessRecord, entity: string): Witness {
  for (const x of a) {
    for (const y of b) {
      if (!eventsOverlap(x, y)) continue;
      const fields = x.fields ?? y.fields;
      const changed = fields === null ? [] : [fields.find((f) => (x.fields ?? fields).includes(f) && (y.fields ?? fields).includes(f))!];
      return witness(entity, x.kind, record, changed);
    }
  }
  return witness(entity, a[0]!.kind, record, null);
}
