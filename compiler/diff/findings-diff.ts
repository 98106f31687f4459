// The analysis findings (compiler/analysis: impossible conditions, shadowed and
// overlapping rules, dry pools) of two versions, keyed by what they are about
// (code, rule, the other rules involved) rather than by their witness records,
// so a finding that only found another example is not reported as new.
import { analyseRules, type RuleFinding } from '../analysis/analyse-rules';
import { dryPools, type DryFinding } from '../analysis/dry-pools';
import type { ProjectVersion, FindingChange } from './diff-model';

/**
 * Findings present in `head` and not in `base`, and the other way round; `renames`
 * maps base rule names to head names, so a renamed rule keeps its findings.
 */
export function findingChanges(base: ProjectVersion, head: ProjectVersion, renames: ReadonlyMap<string, string>): { added: FindingChange[]; removed: FindingChange[] } {
  const before = findingsOf(base, (name) => renames.get(name) ?? name);
  const after = findingsOf(head, (name) => name);
  return {
    added: [...after].filter(([key]) => !before.has(key)).map(([, f]) => f),
    removed: [...before].filter(([key]) => !after.has(key)).map(([, f]) => f),
  };
}

/** Every finding of a version, by its key. */
function findingsOf(version: ProjectVersion, canonical: (name: string) => string): Map<string, FindingChange> {
  const found = new Map<string, FindingChange>();
  const add = (key: string[], finding: FindingChange) => found.set([finding.code, ...key.map(canonical)].join('|'), finding);
  for (const f of analyseRules(version.program)) ruleFinding(f, add);
  if (version.directory) for (const f of dryPools(version.program, version.directory)) dryFinding(f, add);
  return found;
}

const q = (name: string) => `\`${name}\``;

function ruleFinding(f: RuleFinding, add: (key: string[], finding: FindingChange) => void): void {
  const rule = f.rule.name;
  switch (f.kind) {
    case 'impossible': {
      const what = f.clause === 'when' ? 'its condition' : 'its `reassign … when` condition';
      add([rule, `clause ${f.clause}`], { code: 'DIST403', rule, text: `${what} can never be true, so rule ${q(rule)} never ${f.clause === 'when' ? 'runs' : 're-assigns'}` });
      return;
    }
    case 'shadowed': {
      const by = f.by.map((r) => r.name);
      add([rule, ...by], { code: 'DIST401', rule, text: `rule ${q(rule)} is shadowed by ${by.map(q).join(', ')}: it never takes a record` });
      return;
    }
    case 'maybe-shadowed':
      add([rule, f.by.name], { code: 'DIST407', rule, text: `cannot tell whether rule ${q(rule)} ever runs: ${q(f.by.name)} comes first and may take all its records` });
      return;
    case 'overlap':
      add([rule, f.other.name], { code: 'DIST405', rule, text: `rules ${q(f.other.name)} and ${q(rule)} overlap; ${q(f.other.name)} comes first` });
      return;
    case 'stopped':
      add([rule], { code: 'DIST407', rule, text: `the rule analysis stops at rule ${q(rule)} (too many pairs of rules to compare)` });
  }
}

function dryFinding(f: DryFinding, add: (key: string[], finding: FindingChange) => void): void {
  if (f.kind === 'empty-pool') {
    add([f.rule.name], { code: 'DIST402', rule: f.rule.name, text: `nobody in the pool of rule ${q(f.rule.name)} can take records` });
    return;
  }
  const rule = f.rule?.name ?? null;
  const whose = rule === null ? 'the project' : `rule ${q(rule)}`;
  add([rule ?? '', `quota ${f.quota}`], {
    code: 'DIST406',
    rule,
    text: `${f.quota} quotas cannot take the expected volume of ${whose} (${f.expect.count} per ${f.expect.per})`,
  });
}
