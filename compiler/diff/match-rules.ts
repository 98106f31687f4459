// Pairs the rules of two versions of a program: by stable id first, then by
// exact name, then renames: an unpaired base rule and an unpaired head rule on
// the same entity with the same condition and pool and at least 8 of the 10
// routing clauses equal, the closest pairs first.
import { stripSpans, type Rule } from '../ir';

/** A base rule and its head counterpart. */
export interface RulePair {
  base: Rule;
  head: Rule;
  renamed: boolean;
}

export interface RuleMatching {
  pairs: RulePair[];
  added: Rule[];
  removed: Rule[];
}

const COMPARED = ['status', 'scope', 'events', 'when', 'pool', 'require', 'method', 'take', 'turnover', 'fallback', 'reassign'] as const;
const RENAME_MIN = 8;
/** Indexes in COMPARED of the clauses a rename must keep. */
const KEPT = [COMPARED.indexOf('when'), COMPARED.indexOf('pool')];

/** Pairs `base` and `head` rules (see the top comment). */
export function matchRules(base: readonly Rule[], head: readonly Rule[]): RuleMatching {
  const pairs: RulePair[] = [];
  const headLeft = new Map(head.map((r) => [r.id, r]));
  const baseLeft: Rule[] = [];
  for (const rule of base) {
    const same = headLeft.get(rule.id);
    if (same) {
      pairs.push({ base: rule, head: same, renamed: same.name !== rule.name });
      headLeft.delete(rule.id);
    } else baseLeft.push(rule);
  }
  const byName = new Map([...headLeft.values()].map((r) => [r.name, r]));
  const unnamed: Rule[] = [];
  for (const rule of baseLeft) {
    const same = byName.get(rule.name);
    if (same) {
      pairs.push({ base: rule, head: same, renamed: false });
      headLeft.delete(same.id);
      byName.delete(rule.name);
    } else unnamed.push(rule);
  }
  const renames = matchRenames(unnamed, [...headLeft.values()]);
  for (const pair of renames) headLeft.delete(pair.head.id);
  const renamedBase = new Set(renames.map((p) => p.base.id));
  return {
    pairs: [...pairs, ...renames],
    added: [...headLeft.values()],
    removed: unnamed.filter((r) => !renamedBase.has(r.id)),
  };
}

function matchRenames(base: readonly Rule[], head: readonly Rule[]): RulePair[] {
  if (base.length === 0 || head.length === 0) return [];
  const keys = (rule: Rule) => COMPARED.map((c) => JSON.stringify(stripSpans(rule[c] ?? null)));
  const headKeys = head.map(keys);
  const candidates: { b: number; h: number; score: number }[] = [];
  base.forEach((rule, b) => {
    const own = keys(rule);
    head.forEach((other, h) => {
      if (other.entity !== rule.entity) return;
      const score = own.filter((k, i) => k === headKeys[h]![i]).length;
      if (score >= RENAME_MIN && KEPT.every((i) => own[i] === headKeys[h]![i])) candidates.push({ b, h, score });
    });
  });
  candidates.sort((x, y) => y.score - x.score || x.b - y.b || x.h - y.h);
  const usedB = new Set<number>();
  const usedH = new Set<number>();
  const pairs: RulePair[] = [];
  for (const c of candidates) {
    if (usedB.has(c.b) || usedH.has(c.h)) continue;
    usedB.add(c.b);
    usedH.add(c.h);
    pairs.push({ base: base[c.b]!, head: head[c.h]!, renamed: true });
  }
  return pairs;
}
