// The clause-by-clause difference of one rule between two versions: every clause
// whose `.dist` text changed, with notes for what the text alone hides (weights
// per key, pool entries added and removed, a rename that restarts rotation
// state), and the rules on the same events it now overtakes or falls behind.
import { anyEventsOverlap } from '../analysis/event-overlap';
import type { Method, Pool, Rule } from '../ir';
import { clauseText, RULE_CLAUSES, type RuleClause } from './clause-text';
import type { ClauseChange } from './diff-model';
import type { RulePair } from './match-rules';

/** The clauses of `pair` that differ, priority first. */
export function clauseChanges(pair: RulePair): ClauseChange[] {
  const { base, head } = pair;
  const changes: ClauseChange[] = [];
  for (const clause of ['priority', ...RULE_CLAUSES] as RuleClause[]) {
    const before = clauseText(base, clause);
    const after = clauseText(head, clause);
    if (before === after) continue;
    changes.push({ clause, before, after, notes: notesFor(clause, base, head) });
  }
  if (pair.renamed && base.id !== head.id) {
    changes.unshift({
      clause: 'name',
      before: JSON.stringify(base.name),
      after: JSON.stringify(head.name),
      notes: methodKeepsState(head.method) ? [`the id changes (\`${base.id}\` → \`${head.id}\`), so its rotation state starts afresh`] : [],
    });
  } else if (pair.renamed) {
    changes.unshift({ clause: 'name', before: JSON.stringify(base.name), after: JSON.stringify(head.name), notes: [] });
  }
  return changes;
}

function notesFor(clause: RuleClause, base: Rule, head: Rule): string[] {
  if (clause === 'distribute') return weightNotes(base.method, head.method);
  if (clause === 'assign') return poolNotes(base.pool, head.pool);
  if (clause === 'priority') return [base.priority < head.priority ? 'runs later' : 'runs earlier'];
  return [];
}

/** `weight of "A": 2 → 3` for weighted methods over the same kind of keys. */
function weightNotes(base: Method, head: Method): string[] {
  if (base.kind !== head.kind) return [`method \`${base.kind}\` → \`${head.kind}\``];
  if ((base.kind !== 'weighted' && base.kind !== 'weighted_by') || (head.kind !== 'weighted' && head.kind !== 'weighted_by')) return [];
  const before = new Map(base.weights.map((w) => [w.key, w.weight]));
  const after = new Map(head.weights.map((w) => [w.key, w.weight]));
  const notes: string[] = [];
  for (const [key, weight] of after) {
    const old = before.get(key);
    if (old === undefined) notes.push(`weight of ${JSON.stringify(key)} added: ${weight}`);
    else if (old !== weight) notes.push(`weight of ${JSON.stringify(key)}: ${old} → ${weight}`);
  }
  for (const [key, weight] of before) if (!after.has(key)) notes.push(`weight of ${JSON.stringify(key)} removed (was ${weight})`);
  return notes;
}

/** Entries added to and removed from a static pool of the same kind. */
function poolNotes(base: Pool, head: Pool): string[] {
  const entries = (pool: Pool) => (pool.kind === 'users' ? pool.users : pool.kind === 'teams' ? pool.teams : pool.kind === 'groups' ? pool.groups : null);
  const before = entries(base);
  const after = entries(head);
  if (base.kind !== head.kind || !before || !after) return base.kind === head.kind ? [] : [`pool kind \`${base.kind}\` → \`${head.kind}\``];
  const notes: string[] = [];
  const added = after.filter((e) => !before.includes(e));
  const removed = before.filter((e) => !after.includes(e));
  if (added.length) notes.push(`adds ${added.map((e) => JSON.stringify(e)).join(', ')}`);
  if (removed.length) notes.push(`removes ${removed.map((e) => JSON.stringify(e)).join(', ')}`);
  if (!added.length && !removed.length) notes.push('same entries in another order');
  return notes;
}

function methodKeepsState(method: Method): boolean {
  return method.kind === 'round_robin' || method.kind === 'weighted' || method.kind === 'weighted_by' || method.kind === 'random';
}

/** For each moved pair: the names of active rules on shared events whose order relative to it flipped. */
export function orderChanges(pairs: readonly RulePair[]): Map<RulePair, { overtakes: string[]; fallsBehind: string[] }> {
  const result = new Map<RulePair, { overtakes: string[]; fallsBehind: string[] }>();
  const baseOrder = rankOf(pairs.map((p) => p.base));
  const headOrder = rankOf(pairs.map((p) => p.head));
  const moved = pairs.filter((p) => p.base.priority !== p.head.priority);
  for (const pair of moved) {
    const overtakes: string[] = [];
    const fallsBehind: string[] = [];
    for (const other of pairs) {
      if (other === pair || other.head.status !== 'active' || !anyEventsOverlap(pair.head.events, other.head.events)) continue;
      const wasBefore = baseOrder.get(pair.base)! < baseOrder.get(other.base)!;
      const isBefore = headOrder.get(pair.head)! < headOrder.get(other.head)!;
      if (!wasBefore && isBefore) overtakes.push(other.head.name);
      if (wasBefore && !isBefore) fallsBehind.push(other.head.name);
    }
    result.set(pair, { overtakes, fallsBehind });
  }
  return result;
}

/** Run order: by priority, then as listed (the IR lists rules in ascending priority). */
function rankOf(rules: readonly Rule[]): Map<Rule, number> {
  const sorted = rules.map((rule, i) => ({ rule, i })).sort((a, b) => a.rule.priority - b.rule.priority || a.i - b.i);
  return new Map(sorted.map((s, rank) => [s.rule, rank]));
}
