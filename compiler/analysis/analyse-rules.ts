// The rule analysis of a program: conditions that can never hold (any status),
// then, for every active rule in priority order, what its earlier active rules
// do to it (shadowing.ts). Earlier rules are found through the rule index, so
// rules on other events, or pinned to other values of a discriminating field,
// are never compared; a budget on pair comparisons keeps any project bounded.
import type { Program, Rule } from '../ir';
import { anyEventsOverlap } from './event-overlap';
import { fieldTable, TRUE, type FieldTable, type Formula } from './formula';
import { normalise } from './normalise';
import { boundsOf } from './bounds';
import { apart, pinsOf, RuleIndex } from './rule-index';
import { shadowFinding, type AnalysedRule, type ShadowFinding } from './shadowing';
import { plainlySatisfiable, solve } from './solve';

/** A condition that no record satisfies: the rule's `when`, or its `reassign … when`. */
export interface ImpossibleFinding {
  kind: 'impossible';
  rule: Rule;
  clause: 'when' | 'reassign';
  /** The fields whose tests contradict one another. */
  fields: string[];
}

/** The pair budget ran out at this rule: it and the rules after it were not compared. */
export interface StoppedFinding {
  kind: 'stopped';
  rule: Rule;
  pairs: number;
}

export type RuleFinding = ImpossibleFinding | ShadowFinding | StoppedFinding;

export interface AnalyseOptions {
  /** Pair comparisons allowed in all (default 50,000). */
  maxPairs?: number;
}

/** Every finding about the rules of `program`, in priority order. */
export function analyseRules(program: Program, options: AnalyseOptions = {}): RuleFinding[] {
  const maxPairs = options.maxPairs ?? 50_000;
  const findings: RuleFinding[] = [];
  const tables = new Map<string, FieldTable>();
  const tableOf = (entity: string) => {
    let table = tables.get(entity);
    if (!table) tables.set(entity, (table = fieldTable(program, entity)));
    return table;
  };
  const analysed: AnalysedRule[] = [];
  program.rules.forEach((rule, order) => {
    const fields = tableOf(rule.entity);
    if (rule.reassign?.when) {
      const result = solve([normalise(rule.reassign.when, rule.entity, fields)]);
      if (result.kind === 'unsat') findings.push({ kind: 'impossible', rule, clause: 'reassign', fields: [...result.fields] });
    }
    const formula = rule.when ? normalise(rule.when, rule.entity, fields) : TRUE;
    const own = plainlySatisfiable(formula) ? null : solve([formula]);
    if (own?.kind === 'unsat') {
      findings.push({ kind: 'impossible', rule, clause: 'when', fields: [...own.fields] });
      return;
    }
    if (rule.status === 'active') analysed.push(analysedRule(rule, order, formula, () => normalise(rule.when!, rule.entity, fields)));
  });

  const index = new RuleIndex(analysed);
  let pairs = 0;
  for (const later of analysed) {
    const earlier = index.candidates(later).filter((e) => anyEventsOverlap(later.events, e.events) && !apart(later, e));
    pairs += earlier.length;
    if (pairs > maxPairs) {
      findings.push({ kind: 'stopped', rule: later.rule, pairs: maxPairs });
      break;
    }
    const finding = earlier.length > 0 ? shadowFinding(later, earlier) : null;
    if (finding) findings.push(finding);
    index.add(later);
  }
  return findings;
}

/**
 * A rule for the pairwise stage. Its normal form is built again when a pair needs
 * it, rather than kept for every rule: most rules meet no earlier rule, and
 * thousands of retained formulas cost more (in garbage collection) than the few
 * rebuilt ones.
 */
function analysedRule(rule: Rule, order: number, built: Formula, build: () => Formula): AnalysedRule {
  let formula: Formula | null = rule.when ? null : TRUE;
  return {
    rule,
    order,
    events: rule.events,
    pins: pinsOf(built),
    bounds: boundsOf(built),
    get formula() {
      return (formula ??= build());
    },
  };
}
