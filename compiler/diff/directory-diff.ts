// What a directory change does to the rules: members who joined or left the
// teams and sales groups rules name (pools and `scope team`), and, per rule
// with a static pool (users, teams, groups), who can now or can no longer be
// picked, by compiler/analysis/pool-members.ts's reading of the directory.
import { directoryNames, poolMembers } from '../analysis/pool-members';
import { emptyDirectory, type Directory } from '../directory/model';
import type { Rule } from '../ir';
import type { DirectoryChange, MemberChange, ProjectVersion } from './diff-model';

/** Membership changes of the teams and groups that `head`'s or `base`'s rules name. */
export function directoryChanges(base: ProjectVersion, head: ProjectVersion): DirectoryChange[] {
  const before = base.directory ?? emptyDirectory();
  const after = head.directory ?? emptyDirectory();
  const changes: DirectoryChange[] = [];
  for (const kind of ['team', 'group'] as const) {
    const named = namedBy(kind, [...base.program.rules, ...head.program.rules]);
    const members = (dir: Directory) => new Map((kind === 'team' ? dir.teams : dir.groups).map((t) => [t.name, t.members]));
    const was = members(before);
    const now = members(after);
    for (const name of [...named.keys()].sort()) {
      const old = was.get(name) ?? [];
      const cur = now.get(name) ?? [];
      const joined = cur.filter((u) => !old.includes(u));
      const left = old.filter((u) => !cur.includes(u));
      if (joined.length || left.length) changes.push({ kind, name, joined, left, rules: [...named.get(name)!] });
    }
  }
  return changes;
}

/** Team or group name → the rules naming it (head names win). */
function namedBy(kind: 'team' | 'group', rules: readonly Rule[]): Map<string, Set<string>> {
  const named = new Map<string, Set<string>>();
  const note = (name: string, rule: string) => {
    const set = named.get(name) ?? new Set<string>();
    set.add(rule);
    named.set(name, set);
  };
  for (const rule of rules) {
    if (kind === 'team' && rule.pool.kind === 'teams') for (const t of rule.pool.teams) note(t, rule.name);
    if (kind === 'group' && rule.pool.kind === 'groups') for (const g of rule.pool.groups) note(g, rule.name);
    if (kind === 'team' && rule.scope.kind === 'team') note(rule.scope.team, rule.name);
  }
  return named;
}

/** A function telling who a static pool gains and loses between the versions; null for `where` pools, `anyone`, or no change. */
export function memberDiffer(base: ProjectVersion, head: ProjectVersion): (before: Rule, after: Rule) => MemberChange | null {
  const side = (version: ProjectVersion) => {
    const dir = version.directory ?? emptyDirectory();
    const names = directoryNames(dir);
    return (rule: Rule) => poolMembers(version.program, rule, dir, names).members.map((u) => u.id);
  };
  const beforeIds = side(base);
  const afterIds = side(head);
  return (before, after) => {
    if (!isStatic(before) || !isStatic(after)) return null;
    const was = beforeIds(before);
    const now = afterIds(after);
    const joined = now.filter((u) => !was.includes(u));
    const left = was.filter((u) => !now.includes(u));
    return joined.length || left.length ? { joined, left } : null;
  };
}

function isStatic(rule: Rule): boolean {
  return rule.pool.kind === 'teams' || rule.pool.kind === 'groups' || (rule.pool.kind === 'users' && rule.pool.where === null);
}
