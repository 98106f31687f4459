// Satisfiability of a conjunction of formulas, with a witness. A depth-first
// search over the `or`s (literals and `and`s are applied first, so a conflict is
// found before any branching), keeping one domain per field (field-domain.ts).
// A branch that reaches the end without an opaque literal is an exact witness:
// any record in its domains makes the formula true. A branch that needs opaque
// literals only says "maybe", so the search goes on looking for an exact one.
// The search is bounded by a step budget; running out is "unknown", never a claim.
import { fieldDomain, applyTest, satisfiable, type FieldDomain } from './field-domain';
import { hasOpaque, type Culprit, type Formula } from './formula';

/** The search's answer. */
export type SolveResult =
  /** `domains()`: what each tested field may be in the witness's branch (built on demand). */
  | { kind: 'sat'; domains: () => ReadonlyMap<string, FieldDomain> }
  /** `fields`: the fields whose tests conflicted. */
  | { kind: 'unsat'; fields: ReadonlySet<string> }
  /** Only branches that need opaque atoms (`culprits`), or the budget ran out (`exhausted`). */
  | { kind: 'unknown'; culprits: Culprit[]; exhausted: boolean };

/** Steps one check may take (a literal applied or a branch tried) before it answers "unknown". */
export const DEFAULT_BUDGET = 20_000;

/** An immutable list, so that a choice point keeps its agenda without copying. */
type List = { head: Formula; tail: List } | null;

/** Immutable association lists (the newest entry for a key wins): a branch extends its parent's in O(1). */
type Domains = { name: string; domain: FieldDomain; next: Domains } | null;
type Opaque = { key: string; positive: boolean; culprit: Culprit; next: Opaque } | null;

interface Branch {
  domains: Domains;
  /** Opaque atoms assigned on this branch. */
  opaque: Opaque;
  /** Literals and `and`s still to apply. */
  units: List;
  /** `or`s still to choose in. */
  ors: List;
}

interface Choice {
  at: Branch;
  alternatives: Formula[];
  next: number;
}

/** Is there a record for which every formula of `all` holds? */
export function solve(all: readonly Formula[], budget = DEFAULT_BUDGET): SolveResult {
  let steps = 0;
  const conflicts = new Set<string>();
  const maybe = new Map<string, Culprit>();
  const choices: Choice[] = [];
  let units: List = null;
  for (let i = all.length - 1; i >= 0; i--) units = { head: all[i]!, tail: units };
  let branch: Branch | null = { domains: null, opaque: null, units, ors: null };

  while (true) {
    if (++steps > budget) return { kind: 'unknown', culprits: [...maybe.values()], exhausted: true };
    if (branch === null) {
      branch = backtrack(choices);
      if (branch === null) break;
      continue;
    }
    if (branch.units) {
      branch = step(branch, branch.units.head, branch.units.tail, conflicts);
      continue;
    }
    if (branch.ors) {
      const or = branch.ors.head as Formula & { args: Formula[] };
      const at: Branch = { ...branch, ors: branch.ors.tail };
      const alternatives = ordered(or.args);
      choices.push({ at, alternatives, next: 1 });
      branch = { ...at, units: { head: alternatives[0]!, tail: null } };
      continue;
    }
    if (branch.opaque === null) {
      const found = branch.domains;
      return { kind: 'sat', domains: () => toMap(found) };
    }
    for (let o: Opaque = branch.opaque; o; o = o.next) if (!maybe.has(o.key)) maybe.set(o.key, o.culprit);
    branch = null;
  }
  return maybe.size > 0 ? { kind: 'unknown', culprits: [...maybe.values()], exhausted: false } : { kind: 'unsat', fields: conflicts };
}

/**
 * A shortcut for the common shape of a rule's condition: a conjunction whose
 * parts each test one field, no field in two parts, with no opaque atom. Such a
 * formula holds for some record exactly when each part can hold on its own, so
 * no search is needed. False means "not shown here": ask `solve`.
 */
export function plainlySatisfiable(f: Formula): boolean {
  const parts = f.kind === 'and' ? f.args : [f];
  const seen = new Set<string>();
  for (const part of parts) {
    const field = soleField(part);
    if (field === null || seen.has(field)) return false;
    seen.add(field);
    const literals = part.kind === 'or' ? part.args : [part];
    if (!literals.some(canHold)) return false;
  }
  return true;
}

/** Whether a literal on a field can hold on its own: a negation always can (the field unset), except on `id`. */
function canHold(l: Formula): boolean {
  if (l.kind !== 'lit' || l.atom.kind !== 'field') return false;
  if (!l.positive && l.atom.field.builtin !== 'id') return true;
  return satisfiable(applyTest(fieldDomain(l.atom.field), l.atom.test, l.positive));
}

/** The one field a literal, or an `or` of literals, tests; null otherwise. */
function soleField(f: Formula): string | null {
  const literals = f.kind === 'or' ? f.args : [f];
  let field: string | null = null;
  for (const l of literals) {
    if (l.kind !== 'lit' || l.atom.kind !== 'field' || (field !== null && l.atom.field.name !== field)) return null;
    field = l.atom.field.name;
  }
  return field;
}

/** Applies one unit; null on a conflict. */
function step(branch: Branch, f: Formula, rest: List, conflicts: Set<string>): Branch | null {
  switch (f.kind) {
    case 'const':
      return f.value ? { ...branch, units: rest } : null;
    case 'and': {
      let units = rest;
      for (let i = f.args.length - 1; i >= 0; i--) units = { head: f.args[i]!, tail: units };
      return { ...branch, units };
    }
    case 'or':
      return { ...branch, units: rest, ors: { head: f, tail: branch.ors } };
    case 'lit': {
      const atom = f.atom;
      if (atom.kind === 'opaque') {
        let known: Opaque = branch.opaque;
        while (known && known.key !== atom.key) known = known.next;
        if (known) return known.positive === f.positive ? { ...branch, units: rest } : null;
        return { ...branch, opaque: { key: atom.key, positive: f.positive, culprit: atom.culprit, next: branch.opaque }, units: rest };
      }
      const name = atom.field.name;
      let current: Domains = branch.domains;
      while (current && current.name !== name) current = current.next;
      const next = applyTest(current ? current.domain : fieldDomain(atom.field), atom.test, f.positive);
      if (!satisfiable(next)) {
        conflicts.add(name);
        return null;
      }
      return { ...branch, domains: { name, domain: next, next: branch.domains }, units: rest };
    }
  }
}

/** The newest domain of each field (one entry per field). */
function toMap(domains: Domains): Map<string, FieldDomain> {
  const newestFirst: [string, FieldDomain][] = [];
  const seen = new Set<string>();
  for (let d = domains; d; d = d.next) {
    if (!seen.has(d.name)) newestFirst.push([d.name, d.domain]);
    seen.add(d.name);
  }
  return new Map(newestFirst.reverse());
}

function backtrack(choices: Choice[]): Branch | null {
  while (choices.length > 0) {
    const top = choices[choices.length - 1]!;
    if (top.next >= top.alternatives.length) {
      choices.pop();
      continue;
    }
    const alternative = top.alternatives[top.next++]!;
    return { ...top.at, units: { head: alternative, tail: null } };
  }
  return null;
}

const orderCache = new WeakMap<readonly Formula[], Formula[]>();

/** The alternatives of an `or`, those without opaque atoms first (they can give an exact witness). */
function ordered(args: readonly Formula[]): Formula[] {
  let sorted = orderCache.get(args);
  if (!sorted) {
    sorted = [...args].sort((a, b) => Number(hasOpaque(a)) - Number(hasOpaque(b)));
    orderCache.set(args, sorted);
  }
  return sorted;
}
