// The rule index: how a record finds its first matching rule without trying them
// all. Rules are grouped by event type, then filed by a discriminating field of
// their `when` (rule-pins.ts): a hash from value to rules for equality and `in`
// on one field, or an interval table for number ranges; a bucket that is still
// large is filed again by another field. A lookup reads the record's value of
// each chosen field, gathers the few lists that can hold a match (its bucket and
// the rules that do not pin the field, each in priority order) and tries them
// merged in priority order, so the first match is exactly the one the linear walk
// over every rule finds — at a cost that does not grow with the rule count.
import type { Expr, Rule } from '../compiler/ir';
import { newPlanCache, planCondition, runPlan, type ConditionPlan, type PlanCache } from './evaluator/condition-plan';
import { compileExpr, type Compiled } from './evaluator/compile-expr';
import type { EvalContext } from './evaluator/context';
import { conjuncts, pinsOf, type Pins } from './rule-pins';

/** A rule as the index tries it. */
export interface IndexedRule<R> {
  /** The caller's rule object (a compiled rule). */
  item: R;
  /** Position in ascending priority among the rules of the event type. */
  order: number;
  /** `updated(f, …)` fields of this event type: null when any change (or any event of a kind without fields) brings the record. */
  fields: ReadonlySet<string> | null;
  when: ConditionPlan | null;
  pins: Pins;
  /** The conjuncts of `when` still to check: a bucket drops those its key makes true. */
  conjuncts: readonly Expr[];
  entity: string;
}

/** A node of the index: a list to try, or a field lookup over sub-nodes. */
type Node<R> =
  | { kind: 'list'; rules: IndexedRule<R>[] }
  /** `byValue` is keyed by the field's value itself: a Map tells `"1"` from `1`, so a lookup builds no key. */
  | { kind: 'hash'; read: Compiled; byValue: Map<Scalar, Node<R>>; unpinned: IndexedRule<R>[] }
  | { kind: 'range'; read: Compiled; bounds: number[]; segments: Node<R>[]; unpinned: IndexedRule<R>[] };

type Scalar = string | number | boolean;

/** Below this many rules a list is tried as it is. */
const SMALL = 8;
/** How many fields deep the index files rules. */
const DEPTH = 3;

/** First-match lookup over the rules of each event type. */
export class RuleIndex<R> {
  private readonly byType = new Map<string, Node<R>>();

  /** `rules` in ascending priority, with the IR rule of each. */
  constructor(rules: readonly R[], ruleOf: (item: R) => Rule) {
    const lists = new Map<string, IndexedRule<R>[]>();
    const plans = newPlanCache();
    for (const item of rules) {
      const rule = ruleOf(item);
      if (rule.status !== 'active') continue;
      const pins = pinsOf(rule.when, rule.entity);
      const when = rule.when ? planCondition(rule.when, rule.entity, plans) : null;
      for (const type of new Set(rule.events.map((e) => `${e.entity}.${e.kind}`))) {
        const specs = rule.events.filter((e) => `${e.entity}.${e.kind}` === type);
        const fields = specs.some((e) => e.fields === null) ? null : new Set(specs.flatMap((e) => e.fields ?? []));
        const list = lists.get(type) ?? [];
        list.push({ item, order: list.length, fields, when, pins, conjuncts: rule.when ? conjuncts(rule.when) : [], entity: rule.entity });
        lists.set(type, list);
      }
    }
    for (const [type, list] of lists) this.byType.set(type, build(list, new Set(), 0, plans));
  }

  /** The first active rule in priority order that the event brings the record to and whose `when` holds; null when none. */
  firstMatch(eventType: string, changed: readonly string[], ctx: EvalContext): R | null {
    let node = this.byType.get(eventType);
    if (!node) return null;
    // Most paths gather one list; a second one starts the merge, so a lookup usually allocates nothing.
    let only: IndexedRule<R>[] | null = null;
    let lists: IndexedRule<R>[][] | null = null;
    for (;;) {
      const list = node.kind === 'list' ? node.rules : node.unpinned;
      if (list.length > 0) {
        if (only === null) only = list;
        else (lists ??= [only]).push(list);
      }
      if (node.kind === 'list') break;
      const next: Node<R> | undefined = node.kind === 'hash' ? hashChild(node, ctx) : rangeChild(node, ctx);
      if (!next) break;
      node = next;
    }
    if (lists !== null) return firstOf(lists, changed, ctx);
    return only === null ? null : firstIn(only, changed, ctx);
  }
}

function hashChild<R>(node: Extract<Node<R>, { kind: 'hash' }>, ctx: EvalContext): Node<R> | undefined {
  const v = node.read(ctx);
  return typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) ? node.byValue.get(v) : undefined;
}

function rangeChild<R>(node: Extract<Node<R>, { kind: 'range' }>, ctx: EvalContext): Node<R> | undefined {
  const v = node.read(ctx);
  if (typeof v !== 'number' || Number.isNaN(v)) return undefined;
  // Segment i holds the values in [bounds[i], bounds[i+1]); the last bound is +Infinity-inclusive.
  const { bounds } = node;
  let lo = 0;
  let hi = bounds.length - 1;
  if (v < bounds[0]!) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bounds[mid]! <= v) lo = mid;
    else hi = mid - 1;
  }
  return node.segments[lo];
}

/** The first rule of one list that holds. */
function firstIn<R>(list: readonly IndexedRule<R>[], changed: readonly string[], ctx: EvalContext): R | null {
  for (const rule of list) if (tries(rule, changed, ctx)) return rule.item;
  return null;
}

/** Tries several lists merged in ascending order. */
function firstOf<R>(lists: IndexedRule<R>[][], changed: readonly string[], ctx: EvalContext): R | null {
  const heads = lists.map(() => 0);
  for (;;) {
    let best = -1;
    let bestOrder = Infinity;
    for (let i = 0; i < lists.length; i++) {
      const rule = lists[i]![heads[i]!];
      if (rule && rule.order < bestOrder) [best, bestOrder] = [i, rule.order];
    }
    if (best < 0) return null;
    const rule = lists[best]![heads[best]!++]!;
    if (tries(rule, changed, ctx)) return rule.item;
  }
}

function tries<R>(rule: IndexedRule<R>, changed: readonly string[], ctx: EvalContext): boolean {
  if (rule.fields !== null && !changed.some((f) => rule.fields!.has(f))) return false;
  return rule.when === null || runPlan(rule.when, ctx);
}

/** Files `rules` (ascending order) by the best field not yet used on this path. */
function build<R>(rules: IndexedRule<R>[], used: ReadonlySet<string>, depth: number, plans: PlanCache): Node<R> {
  if (rules.length <= SMALL || depth >= DEPTH) return { kind: 'list', rules };
  const hash = bestHash(rules, used);
  const range = bestRange(rules, used);
  const best = [hash, range].filter((c) => c !== null).sort((a, b) => a.cost - b.cost)[0];
  if (!best || best.cost >= rules.length * 0.5) return { kind: 'list', rules };
  const deeper = new Set([...used, best.field]);
  const read = compileExpr(best.node);
  if (best.kind === 'hash') {
    const byValue = new Map<Scalar, Node<R>>();
    const narrowed = new Map<IndexedRule<R>, IndexedRule<R>>();
    const narrow = (rule: IndexedRule<R>) => narrowed.get(rule) ?? narrowed.set(rule, withoutPinsOn(rule, best.field, plans)).get(rule)!;
    for (const [key, list] of best.buckets) {
      byValue.set(valueOfKey(key), build(list.map(narrow), deeper, depth + 1, plans));
    }
    return { kind: 'hash', read, byValue, unpinned: best.unpinned };
  }
  return { kind: 'range', read, bounds: best.bounds, segments: best.segments.map((list) => build(list, deeper, depth + 1, plans)), unpinned: best.unpinned };
}

/** The value a key of `valueKey` (rule-pins.ts) stands for. */
function valueOfKey(key: string): Scalar {
  if (key.startsWith('s')) return key.slice(1);
  if (key.startsWith('n')) return Number(key.slice(1));
  return key === 'bt';
}

/**
 * The rule as tried in a bucket of `field`: without the conjuncts that pin
 * `field`, which every record filed there satisfies (a bucket's key is in each of
 * those pins' values), so a lookup reads less of each rule.
 */
function withoutPinsOn<R>(rule: IndexedRule<R>, field: string, plans: PlanCache): IndexedRule<R> {
  const implied = new Set(rule.pins.values.filter((pin) => pin.field.name === field).map((pin) => pin.conjunct));
  const rest = rule.conjuncts.filter((c) => !implied.has(c));
  if (rest.length === rule.conjuncts.length) return rule;
  const when = rest.length === 0 ? null : planCondition(rest.length === 1 ? rest[0]! : { op: 'and', args: rest }, rule.entity, plans);
  return { ...rule, conjuncts: rest, when };
}

interface Candidate<R> {
  field: string;
  node: Parameters<typeof compileExpr>[0];
  unpinned: IndexedRule<R>[];
  /** Expected rules tried for a record that falls in a bucket at random, weighted by bucket size. */
  cost: number;
}

function expectedCost(sizes: Iterable<number>, unpinned: number): number {
  let sum = 0;
  let squares = 0;
  for (const n of sizes) {
    sum += n;
    squares += n * n;
  }
  return (sum === 0 ? 0 : squares / sum) + unpinned;
}

function bestHash<R>(rules: IndexedRule<R>[], used: ReadonlySet<string>): (Candidate<R> & { kind: 'hash'; buckets: Map<string, IndexedRule<R>[]> }) | null {
  const fields = new Map<string, Parameters<typeof compileExpr>[0]>();
  for (const rule of rules) for (const pin of rule.pins.values) if (!used.has(pin.field.name)) fields.set(pin.field.name, pin.field.node);
  let best: (Candidate<R> & { kind: 'hash'; buckets: Map<string, IndexedRule<R>[]> }) | null = null;
  for (const [field, node] of fields) {
    const buckets = new Map<string, IndexedRule<R>[]>();
    const unpinned: IndexedRule<R>[] = [];
    for (const rule of rules) {
      const keys = keysFor(rule.pins, field);
      if (!keys) unpinned.push(rule);
      else for (const key of keys) (buckets.get(key) ?? buckets.set(key, []).get(key)!).push(rule);
    }
    const cost = expectedCost([...buckets.values()].map((b) => b.length), unpinned.length);
    if (!best || cost < best.cost) best = { kind: 'hash', field, node, buckets, unpinned, cost };
  }
  return best;
}

/** The keys a rule allows for `field`: the intersection of every value pin on it; null when none. */
function keysFor(pins: Pins, field: string): ReadonlySet<string> | null {
  const on = pins.values.filter((pin) => pin.field.name === field);
  if (on.length === 0) return null;
  if (on.length === 1) return on[0]!.keys;
  return new Set([...on[0]!.keys].filter((key) => on.every((pin) => pin.keys.has(key))));
}

function bestRange<R>(
  rules: IndexedRule<R>[],
  used: ReadonlySet<string>,
): (Candidate<R> & { kind: 'range'; bounds: number[]; segments: IndexedRule<R>[][] }) | null {
  const fields = new Map<string, Parameters<typeof compileExpr>[0]>();
  for (const rule of rules) for (const pin of rule.pins.ranges) if (!used.has(pin.field.name)) fields.set(pin.field.name, pin.field.node);
  let best: (Candidate<R> & { kind: 'range'; bounds: number[]; segments: IndexedRule<R>[][] }) | null = null;
  for (const [field, node] of fields) {
    const intervals = new Map<IndexedRule<R>, [number, number]>();
    const unpinned: IndexedRule<R>[] = [];
    for (const rule of rules) {
      const interval = intervalFor(rule.pins, field);
      if (interval) intervals.set(rule, interval);
      else unpinned.push(rule);
    }
    // Elementary segments: every low bound starts one, every high bound ends one just after it.
    const points = new Set<number>();
    for (const [low, high] of intervals.values()) {
      points.add(low);
      if (high !== Infinity) points.add(nextUp(high));
    }
    const bounds = [...points].sort((a, b) => a - b);
    const spans = [...intervals].map(([rule, [low, high]]) => [rule, segmentOf(bounds, low), high === Infinity ? bounds.length : segmentOf(bounds, nextUp(high))] as const);
    const total = spans.reduce((n, [, from, to]) => n + Math.max(0, to - from), 0);
    if (total > 8 * rules.length + 1024) continue;
    const segments: IndexedRule<R>[][] = bounds.map(() => []);
    for (const [rule, from, to] of spans) for (let s = from; s < to; s++) segments[s]!.push(rule);
    const cost = expectedCost(segments.map((s) => s.length), unpinned.length);
    if (!best || cost < best.cost) best = { kind: 'range', field, node, bounds, segments, unpinned, cost };
  }
  return best;
}

/** The interval a rule allows for `field`: the intersection of its range pins; null when none. */
function intervalFor(pins: Pins, field: string): [number, number] | null {
  let out: [number, number] | null = null;
  for (const pin of pins.ranges) {
    if (pin.field.name !== field) continue;
    out = out === null ? [pin.low, pin.high] : [Math.max(out[0], pin.low), Math.min(out[1], pin.high)];
  }
  return out;
}

/** The index of `point` among the sorted `bounds` (it is one of them). */
function segmentOf(bounds: readonly number[], point: number): number {
  let lo = 0;
  let hi = bounds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bounds[mid]! < point) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The smallest double above `x`. */
function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const bits = buf.getBigInt64(0);
  buf.setBigInt64(0, x > 0 ? bits + 1n : bits - 1n);
  return buf.getFloat64(0);
}
