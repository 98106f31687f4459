// Resolve, part 6: the directory. Loads directory.yaml once `schema user` and the
// time zone are known, indexes it, and checks every user, team and group a rule
// names (pools, `scope team`, `fallback user`) against it. Without a directory,
// or with one that failed to load, these checks are skipped.
import type { StringLit } from '../../language/ast';
import type { DiagnosticCode } from '../../language/diagnostics';
import type { DirectoryUser, Team } from '../directory/model';
import type { FieldType } from '../ir';
import { report, type CompileContext, type RuleInfo } from './context';
import { closest, didYouMean, suggestionData } from '../../language/suggest';

/** The directory by name: users by id, teams and groups by name. */
export interface DirectoryIndex {
  users: Map<string, DirectoryUser>;
  teams: Map<string, Team>;
  groups: Map<string, Team>;
}

/** Loads `ctx.directorySource` (if any) into `ctx.directory` and `ctx.names`. */
export function loadProjectDirectory(ctx: CompileContext): void {
  const source = ctx.directorySource;
  if (!source) return;
  const user = ctx.schemas.get('user');
  // A `schema user` with a broken field cannot judge user fields: skip that check rather than cascade.
  let userSchema: Record<string, FieldType> | null = null;
  if (user?.decl && user.complete) {
    userSchema = Object.create(null) as Record<string, FieldType>;
    for (const [name, type] of user.fields) userSchema[name] = type;
  }
  const timezone = ctx.settings?.timezone ?? 'UTC';
  const { directory, diagnostics } = ctx.loadDirectory(source.text, source.file, { userSchema, timezone }, source.value);
  ctx.diagnostics.push(...diagnostics);
  ctx.directory = directory;
  if (!directory) return;
  ctx.names = {
    users: new Map(directory.users.map((u) => [u.id, u])),
    teams: new Map(directory.teams.map((t) => [t.name, t])),
    groups: new Map(directory.groups.map((g) => [g.name, g])),
  };
}

const KINDS = {
  user: { code: 'DIST106', table: 'users' },
  team: { code: 'DIST104', table: 'teams' },
  group: { code: 'DIST105', table: 'groups' },
} as const satisfies Record<string, { code: DiagnosticCode; table: keyof DirectoryIndex }>;

/** Checks the users, teams and groups a rule names against the directory. */
export function checkDirectoryNames(ctx: CompileContext, rule: RuleInfo): void {
  if (!ctx.names) return;
  const { Assign: assign, Scope: scope, Fallback: fallback } = rule.clauses;
  if (scope?.team) checkName(ctx, rule.file, 'team', scope.team);
  if (fallback?.target.kind === 'FallbackUser') checkName(ctx, rule.file, 'user', fallback.target.user);
  const pool = assign?.pool;
  if (pool?.kind === 'UsersPool') pool.users.forEach((u) => checkName(ctx, rule.file, 'user', u));
  if (pool?.kind === 'TeamsPool') pool.teams.forEach((t) => checkName(ctx, rule.file, 'team', t));
  if (pool?.kind === 'GroupsPool') pool.groups.forEach((g) => checkName(ctx, rule.file, 'group', g));
}

function checkName(ctx: CompileContext, file: string, kind: keyof typeof KINDS, lit: StringLit): void {
  const table = ctx.names?.[KINDS[kind].table];
  if (!table || table.has(lit.value)) return;
  const suggestion = closest(lit.value, table.keys());
  const where = ctx.directorySource?.file ?? 'the directory';
  const hint = didYouMean(suggestion, (s) => `\`${s}\``, `add it to \`${where}\` or fix the name`);
  report(ctx, KINDS[kind].code, file, lit.span, `unknown ${kind} \`${lit.value}\`${hint}`, suggestionData(suggestion, lit));
  ctx.failed.add(lit);
}
