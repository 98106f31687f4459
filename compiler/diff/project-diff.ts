// The semantic diff of two versions of a project (`dist diff`): rules added,
// removed, renamed and changed clause by clause, priority moves with the rules
// they overtake, settings, workflows, directory changes that reach rule pools, and new or
// vanished analysis findings. Pure: programs and directories in, JSON data out,
// so it runs in the CLI, in CI and in a browser alike.
import type { Rule } from '../ir';
import { ruleLines, settingsLines, workflowLines } from './clause-text';
import type { ClauseChange, DiffSummary, ProjectDiff, ProjectVersion, RuleChange, RuleRef } from './diff-model';
import { directoryChanges, memberDiffer } from './directory-diff';
import { findingChanges } from './findings-diff';
import { matchRules } from './match-rules';
import { clauseChanges, orderChanges } from './rule-diff';

export type * from './diff-model';

/** What changed in meaning from `base` to `head`. */
export function diffProjects(base: ProjectVersion, head: ProjectVersion): ProjectDiff {
  const matching = matchRules(base.program.rules, head.program.rules);
  const order = orderChanges(matching.pairs);
  const members = memberDiffer(base, head);
  const placed: { at: number; change: RuleChange }[] = [];
  const headIndex = new Map(head.program.rules.map((r, i) => [r, i]));
  const baseIndex = new Map(base.program.rules.map((r, i) => [r, i]));
  for (const pair of matching.pairs) {
    const clauses = clauseChanges(pair);
    const moved = order.get(pair) ?? { overtakes: [], fallsBehind: [] };
    const memberChange = members(pair.base, pair.head);
    if (clauses.length === 0 && memberChange === null) continue;
    placed.push({
      at: headIndex.get(pair.head)!,
      change: { change: 'changed', rule: ref(pair.head), before: ref(pair.base), renamed: pair.renamed, clauses, ...moved, members: memberChange },
    });
  }
  for (const rule of matching.added) placed.push({ at: headIndex.get(rule)!, change: { change: 'added', rule: ref(rule), lines: ruleLines(rule) } });
  for (const rule of matching.removed) {
    placed.push({ at: nearestHeadPlace(rule, base.program.rules, baseIndex, matching.pairs, headIndex), change: { change: 'removed', rule: ref(rule), lines: ruleLines(rule) } });
  }
  placed.sort((a, b) => a.at - b.at || kindOrder(a.change) - kindOrder(b.change));
  const rules = placed.map((p) => p.change);
  const settings = lineChanges(settingsLines(base.program.settings), settingsLines(head.program.settings));
  const workflows = lineChanges(workflowLines(base.program), workflowLines(head.program));
  const directory = directoryChanges(base, head);
  const renames = new Map(matching.pairs.filter((p) => p.renamed).map((p) => [p.base.name, p.head.name]));
  const findings = findingChanges(base, head, renames);
  const summary = summarise(rules, settings.length, directory.length, findings, workflows.length);
  return { summary, rules, settings, ...(workflows.length > 0 ? { workflows } : {}), directory, findings };
}

function ref(rule: Rule): RuleRef {
  return { id: rule.id, name: rule.name, priority: rule.priority, file: rule.span?.file ?? null };
}

/** A removed rule is listed where it stood: just after the head place of the closest earlier base rule that survived. */
function nearestHeadPlace(rule: Rule, baseRules: readonly Rule[], baseIndex: Map<Rule, number>, pairs: readonly { base: Rule; head: Rule }[], headIndex: Map<Rule, number>): number {
  const survivors = new Map(pairs.map((p) => [p.base, p.head]));
  for (let i = baseIndex.get(rule)! - 1; i >= 0; i--) {
    const head = survivors.get(baseRules[i]!);
    if (head) return headIndex.get(head)! + 0.5;
  }
  return -0.5;
}

function kindOrder(change: RuleChange): number {
  return change.change === 'removed' ? 0 : change.change === 'changed' ? 1 : 2;
}

/** The lines that differ between two sets of named lines (settings, workflows). */
function lineChanges(before: ReadonlyMap<string, string | null>, after: ReadonlyMap<string, string | null>): ClauseChange[] {
  const names = [...new Set([...before.keys(), ...after.keys()])];
  return names
    .map((clause) => ({ clause, before: before.get(clause) ?? null, after: after.get(clause) ?? null, notes: [] }))
    .filter((c) => c.before !== c.after);
}

function summarise(rules: readonly RuleChange[], settings: number, directory: number, findings: ProjectDiff['findings'], workflows: number): DiffSummary {
  const count = (test: (c: RuleChange) => boolean) => rules.filter(test).length;
  const summary = {
    added: count((c) => c.change === 'added'),
    removed: count((c) => c.change === 'removed'),
    renamed: count((c) => c.change === 'changed' && c.renamed),
    changed: count((c) => c.change === 'changed'),
    settings,
    ...(workflows > 0 ? { workflows } : {}),
    directory,
    findingsNew: findings.added.length,
    findingsGone: findings.removed.length,
  };
  const unchanged = rules.length === 0 && settings === 0 && workflows === 0 && directory === 0 && findings.added.length === 0 && findings.removed.length === 0;
  return { ...summary, unchanged };
}
