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
  /** `domains`: what each tested field may be in the witness's branch. */
  | { kind: 'sat'; domains: ReadonlyMap<string, FieldDomain> }
  /** `fields`: the fields whose tests conflicted. */
  | { kind: 'unsat'; fields: ReadonlySet<string> }
  /** Only branches that need opaque atoms (`culprits`), or the budget ran out (`exhausted`). */
  | { kind: 'unknown'; culprits: Culprit[]; exhausted: boolean };

/** Steps one check may take (a literal applied or a branch tried) before it answers "unknown". */
export const DEFAULT_BUDGET = 20_000;

/** An immutable list, so that a choice point keeps its agenda without copying. */
type List = { head: Formula; tail: List } | null;

interface Branch {
  domains: ReadonlyMap<string, FieldDomain>;
  /** Opaque atoms assigned on this branch (key → polarity). */
  opaque: ReadonlyMap<string, { positive: boolean; culprit: Culprit }>;
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
  let branch: Branch | null = { domains: new Map(), opaque: new Map(), units, ors: null };

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
    if (branch.opaque.size === 0) return { kind: 'sat', domains: branch.domains };
    for (const [key, { culprit }] of branch.opaque) if (!maybe.has(key)) maybe.set(key, culprit);
    branch = null;
  }
  return maybe.size > 0 ? { kind: 'unknown', culprits: [...maybe.values()], exhausted: false } : { kind: 'unsat', fields: conflicts };
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
        const known = branch.opaque.get(atom.key);
        if (known) return known.positive === f.positive ? { ...branch, units: rest } : null;
        const opaque = new Map(branch.opaque).set(atom.key, { positive: f.positive, culprit: atom.culprit });
        return { ...branch, opaque, units: rest };
      }
      const name = atom.field.name;
      const next = applyTest(branch.domains.get(name) ?? fieldDomain(atom.field), atom.test, f.positive);
      if (!satisfiable(next)) {
        conflicts.add(name);
        return null;
      }
      return { ...branch, domains: new Map(branch.domains).set(name, next), units: rest };
    }
  }
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
