// Checks of the `assign` pool: names listed twice, what a team rule may assign,
// and, with a directory, static users outside a team rule's team (DIST404).
// Pools nobody in them can take records from (DIST402) are found by the
// analysis (analysis/dry-pools.ts).
import type { Pool, ScopeClause, StringLit } from '../../language/ast';
import { report, type CompileContext, type RuleInfo } from './context';

/** The names a static pool lists (empty for dynamic pools and `anyone`). */
function poolNames(pool: Pool): StringLit[] {
  if (pool.kind === 'UsersPool') return pool.users;
  if (pool.kind === 'TeamsPool') return pool.teams;
  if (pool.kind === 'GroupsPool') return pool.groups;
  return [];
}

/** Checks a rule's pool against its scope and the directory. */
export function checkPool(ctx: CompileContext, rule: RuleInfo, pool: Pool): void {
  const names = poolNames(pool);
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name.value)) report(ctx, 'DIST312', rule.file, name.span, `\`${name.value}\` is listed twice in \`assign\`; remove one`);
    seen.add(name.value);
  }
  const scope = rule.clauses.Scope;
  const scopeOk = scope?.team ? checkTeamScope(ctx, rule, pool, scope) : true;
  if (scopeOk && ctx.names && names.length > 0 && !names.some((n) => ctx.failed.has(n)) && !(scope?.team && ctx.failed.has(scope.team))) {
    checkAgainstDirectory(ctx, rule, pool);
  }
}

/** Reports what a team rule may not assign; false when something was reported. */
function checkTeamScope(ctx: CompileContext, rule: RuleInfo, pool: Pool, scope: ScopeClause): boolean {
  const team = scope.team!;
  if (pool.kind === 'GroupsPool') {
    const message = `a team rule cannot assign sales groups; assign \`users …\` of team \`${team.value}\` or use \`scope global\``;
    report(ctx, 'DIST310', rule.file, pool.span, message);
    return false;
  }
  if (pool.kind !== 'TeamsPool') return true;
  const others = pool.teams.filter((t) => t.value !== team.value);
  for (const other of others) {
    report(ctx, 'DIST310', rule.file, other.span, `a rule scoped to team \`${team.value}\` cannot assign team \`${other.value}\`; remove it or use \`scope global\``);
  }
  return others.length === 0;
}

function checkAgainstDirectory(ctx: CompileContext, rule: RuleInfo, pool: Pool): void {
  const team = rule.clauses.Scope?.team ?? null;
  if (!team || pool.kind !== 'UsersPool') return;
  const members = new Set(ctx.names!.teams.get(team.value)?.members ?? []);
  for (const user of pool.users) {
    if (members.has(user.value)) continue;
    report(ctx, 'DIST404', rule.file, user.span, `\`${user.value}\` is not a member of team \`${team.value}\`, so this team rule never assigns them; remove the user or add them to the team`);
  }
}
