// The rule analysis of a program: conditions that can never hold (any status),
// then, for every active rule in priority order, what its earlier active rules
// do to it (shadowing.ts). Earlier rules are found through the rule index, so
// rules on other events, or pinned to other values of a discriminating field,
// are never compared; a budget on pair comparisons keeps any project bounded.
// With a cache, what is found about one rule (its own conditions, pins, bounds) and
// about a rule and the earlier rules it meets is kept under those rules' IR
// objects, so a re-analysis after an edit redoes only the rules the edit touched.
import type { Program, Rule } from '../ir';
import type { Bounds } from './bounds';
import type { Pins } from './rule-index';
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
  /** Results kept from earlier runs over programs that share rule objects. */
  cache?: AnalysisCache;
}

/** What one rule's conditions are on their own, under the schema of its entity. */
interface RuleFacts {
  schema: string;
  /** The contradicting fields of an impossible `reassign … when` / `when`, else null. */
  reassign: string[] | null;
  when: string[] | null;
  pins: Pins;
  bounds: Bounds;
}

/** The finding about a rule given the earlier rules it met. */
interface PairMemo {
  schema: string;
  earlier: readonly Rule[];
  finding: ShadowFinding | null;
}

/** Results of the analysis kept between runs, under the IR objects of the rules. */
export interface AnalysisCache {
  rules: WeakMap<Rule, RuleFacts>;
  pairs: WeakMap<Rule, PairMemo>;
}

/** An empty cache. */
export function analysisCache(): AnalysisCache {
  return { rules: new WeakMap(), pairs: new WeakMap() };
}

const sameRules = (a: readonly Rule[], b: readonly AnalysedRule[]) => a.length === b.length && a.every((r, i) => r === b[i]!.rule);

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
  const schemas = new Map<string, string>();
  const schemaOf = (entity: string) => {
    let key = schemas.get(entity);
    if (key === undefined) schemas.set(entity, (key = JSON.stringify(Object.prototype.hasOwnProperty.call(program.schemas, entity) ? program.schemas[entity]!.fields : null)));
    return key;
  };
  const cache = options.cache;
  const analysed: AnalysedRule[] = [];
  program.rules.forEach((rule, order) => {
    const fields = tableOf(rule.entity);
    const schema = schemaOf(rule.entity);
    let facts = cache?.rules.get(rule);
    if (facts?.schema !== schema) {
      facts = ruleFacts(rule, fields, schema);
      cache?.rules.set(rule, facts);
    }
    if (facts.reassign) findings.push({ kind: 'impossible', rule, clause: 'reassign', fields: [...facts.reassign] });
    if (facts.when) {
      findings.push({ kind: 'impossible', rule, clause: 'when', fields: [...facts.when] });
      return;
    }
    if (rule.status === 'active') analysed.push(analysedRule(rule, order, facts, () => normalise(rule.when!, rule.entity, fields)));
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
    let finding: ShadowFinding | null = null;
    if (earlier.length > 0) {
      const schema = schemaOf(later.rule.entity);
      const memo = cache?.pairs.get(later.rule);
      if (memo?.schema === schema && sameRules(memo.earlier, earlier)) finding = memo.finding;
      else {
        finding = shadowFinding(later, earlier);
        cache?.pairs.set(later.rule, { schema, earlier: earlier.map((e) => e.rule), finding });
      }
    }
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
function analysedRule(rule: Rule, order: number, facts: RuleFacts, build: () => Formula): AnalysedRule {
  let formula: Formula | null = rule.when ? null : TRUE;
  return {
    rule,
    order,
    events: rule.events,
    pins: facts.pins,
    bounds: facts.bounds,
    get formula() {
      return (formula ??= build());
    },
  };
}

/** What a rule's conditions are on their own: impossible ones (and the fields at fault), pins and bounds. */
function ruleFacts(rule: Rule, fields: FieldTable, schema: string): RuleFacts {
  let reassign: string[] | null = null;
  if (rule.reassign?.when) {
    const result = solve([normalise(rule.reassign.when, rule.entity, fields)]);
    if (result.kind === 'unsat') reassign = [...result.fields];
  }
  const formula = rule.when ? normalise(rule.when, rule.entity, fields) : TRUE;
  const own = plainlySatisfiable(formula) ? null : solve([formula]);
  const when = own?.kind === 'unsat' ? [...own.fields] : null;
  return { schema, reassign, when, pins: pinsOf(formula), bounds: boundsOf(formula) };
}
