// The index that keeps pairwise analysis away from n²: rules are grouped by event
// type, and within a group by the values of a discriminating field — a field the
// conditions pin to a few values (`lead.zip == "…"`, `lead.source in […]`) in
// every record they match. Two rules pinned to disjoint values of one field are
// disjoint without a solver call, so a rule meets only the earlier rules of its
// own value (and those that do not pin the field).
import { boundsDisjoint, type Bounds } from './bounds';
import type { EventLike } from './event-overlap';
import type { Formula, Scalar } from './formula';

/** For each field a formula pins: the keys of the values it may have in every matching record. */
export type Pins = ReadonlyMap<string, ReadonlySet<string>>;

const NO_PINS: Pins = new Map();

/** The fields `f` pins (an unsatisfiable formula pins nothing, as it is never asked about). */
export function pinsOf(f: Formula): Pins {
  if (f.kind === 'const') return NO_PINS;
  const out = new Map<string, ReadonlySet<string>>();
  addPins(f, out);
  return out;
}

/** Adds what `f` pins to the pins of an `and` it is part of (each field's values intersected). */
function addPins(f: Formula, out: Map<string, ReadonlySet<string>>): void {
  if (f.kind === 'and') {
    for (const arg of f.args) addPins(arg, out);
    return;
  }
  for (const [field, keys] of f.kind === 'lit' ? literalPins(f) : f.kind === 'or' ? orPins(f.args) : NO_PINS) {
    const known = out.get(field);
    out.set(field, known ? new Set([...known].filter((k) => keys.has(k))) : keys);
  }
}

function literalPins(f: Extract<Formula, { kind: 'lit' }>): Pins {
  if (!f.positive || f.atom.kind !== 'field') return NO_PINS;
  const test = f.atom.test;
  if (test.kind === 'eq') return new Map([[f.atom.field.name, new Set([valueKey(test.value)])]]);
  if (test.kind === 'in') return new Map([[f.atom.field.name, new Set(test.values.map(valueKey))]]);
  return NO_PINS;
}

/** The fields every alternative pins, with the values of all of them. */
function orPins(args: readonly Formula[]): Pins {
  const [first, ...rest] = args.map(pinsOf);
  const out = new Map<string, ReadonlySet<string>>();
  for (const [field, keys] of first!) {
    if (!rest.every((p) => p.has(field))) continue;
    out.set(field, new Set([...keys, ...rest.flatMap((p) => [...p.get(field)!])]));
  }
  return out;
}

/** The same key for values the runtime finds equal. */
function valueKey(v: Scalar): string {
  return `${typeof v}:${String(v)}`;
}

/** True when the pins prove that no record matches both. */
export function pinsDisjoint(a: Pins, b: Pins): boolean {
  for (const [field, keys] of a) {
    const other = b.get(field);
    if (other && ![...keys].some((k) => other.has(k))) return true;
  }
  return false;
}

/** What the index needs to know about a rule. */
export interface Indexed {
  /** Position in priority order. */
  order: number;
  events: readonly EventLike[];
  pins: Pins;
  bounds: Bounds;
}

/** True when pins or number bounds prove that two rules match no record in common. */
export function apart(a: Indexed, b: Indexed): boolean {
  return pinsDisjoint(a.pins, b.pins) || boundsDisjoint(a.bounds, b.bounds);
}

interface Group<T> {
  field: string | null;
  byValue: Map<string, T[]>;
  unpinned: T[];
}

/** Earlier rules that may overlap a rule, found through its event types and discriminating field. */
export class RuleIndex<T extends Indexed> {
  private readonly groups = new Map<string, Group<T>>();
  private readonly types = new Map<T, readonly string[]>();

  /** `all`: every rule that will be added, to choose each group's discriminating field. */
  constructor(all: readonly T[]) {
    const byType = new Map<string, T[]>();
    for (const rule of all) {
      const types = [...new Set(rule.events.map((e) => `${e.entity}.${e.kind}`))];
      this.types.set(rule, types);
      for (const type of types) {
        const list = byType.get(type);
        if (list) list.push(rule);
        else byType.set(type, [rule]);
      }
    }
    for (const [type, rules] of byType) this.groups.set(type, { field: bestField(rules), byValue: new Map(), unpinned: [] });
  }

  /** Earlier rules (already added) that share an event type with `rule` and are not told apart by the field; in priority order. */
  candidates(rule: T): T[] {
    const found = new Set<T>();
    for (const type of this.types.get(rule) ?? []) {
      const group = this.groups.get(type);
      if (!group) continue;
      const keys = group.field === null ? undefined : rule.pins.get(group.field);
      for (const other of group.unpinned) found.add(other);
      if (keys) for (const key of keys) for (const other of group.byValue.get(key) ?? []) found.add(other);
      else for (const list of group.byValue.values()) for (const other of list) found.add(other);
    }
    // Most rules meet nobody: answer those without sorting.
    return found.size === 0 ? [] : [...found].sort((a, b) => a.order - b.order);
  }

  add(rule: T): void {
    for (const type of this.types.get(rule) ?? []) {
      const group = this.groups.get(type);
      if (!group) continue;
      const keys = group.field === null ? undefined : rule.pins.get(group.field);
      if (!keys) group.unpinned.push(rule);
      else {
        for (const key of keys) {
          const list = group.byValue.get(key);
          if (list) list.push(rule);
          else group.byValue.set(key, [rule]);
        }
      }
    }
  }
}

/**
 * The field that leaves the fewest pairs to compare: each value's rules meet one
 * another, and rules that do not pin the field meet everyone. Null when no field
 * is pinned by two rules.
 */
function bestField(rules: readonly Indexed[]): string | null {
  const perField = new Map<string, { pinned: number; counts: Map<string, number> }>();
  for (const rule of rules) {
    for (const [field, keys] of rule.pins) {
      let entry = perField.get(field);
      if (!entry) perField.set(field, (entry = { pinned: 0, counts: new Map() }));
      entry.pinned++;
      for (const key of keys) entry.counts.set(key, (entry.counts.get(key) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  let bestCost = rules.length * rules.length;
  for (const [field, { pinned, counts }] of perField) {
    if (pinned < 2) continue;
    let cost = (rules.length - pinned) * rules.length;
    for (const n of counts.values()) cost += n * n;
    if (cost < bestCost) [best, bestCost] = [field, cost];
  }
  return best;
}
