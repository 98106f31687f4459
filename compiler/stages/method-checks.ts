// Checks of the `distribute` clause: the method's name, and for `weighted` its
// keys (the pool's users, teams or groups, each with a weight) or, for `weighted
// by user.F`, the choice field and its options. Weights are positive whole numbers.
import type { DistributeClause, Path, Pool, StringLit, WeightEntry, WeightedMethod } from '../../language/ast';
import { brokenField, fieldNames, fieldType, report, reportOn, type CompileContext, type RuleInfo } from './context';
import { closest, didYouMean, suggestionData } from '../../language/suggest';
import { FORBIDDEN_NAMES, showType } from './types';
import { METHODS, namesOf } from '../../language/vocabulary';

const SIMPLE_METHODS: readonly string[] = METHODS.filter((m) => m.simple).map((m) => m.name);
const ALL_METHODS: readonly string[] = namesOf(METHODS);

/** Checks a rule's `distribute` clause. */
export function checkDistribute(ctx: CompileContext, rule: RuleInfo, clause: DistributeClause): void {
  const method = clause.method;
  if (method.kind === 'SimpleMethod' && !SIMPLE_METHODS.includes(method.name.text)) {
    const name = method.name.text;
    const suggestion = closest(name, ALL_METHODS);
    const hint = didYouMean(suggestion, (s) => `\`${s}\``, `use one of ${ALL_METHODS.map((m) => `\`${m}\``).join(', ')}`);
    reportOn(ctx, 'DIST110', rule.file, method, 'name', `unknown distribution method \`${name}\`${hint}`, suggestionData(suggestion, method.name));
  }
  if (method.kind !== 'WeightedMethod') return;
  const keys = checkEntries(ctx, rule.file, method.weights);
  if (method.by) checkWeightedBy(ctx, rule.file, method.by, keys);
  else if (rule.clauses.Assign) checkWeightedPool(ctx, rule.file, method, rule.clauses.Assign.pool, keys);
}

/** Reports duplicate keys and bad weights; returns the first entry of each key. */
function checkEntries(ctx: CompileContext, file: string, entries: WeightEntry[]): Map<string, StringLit> {
  const keys = new Map<string, StringLit>();
  for (const entry of entries) {
    const w = entry.weight;
    if (w.kind !== 'Number' || !Number.isSafeInteger(w.value) || w.value < 1) {
      report(ctx, 'DIST206', file, w.span, `the weight of \`${entry.key.raw}\` must be a positive whole number, e.g. \`2\``);
    }
    if (keys.has(entry.key.value)) {
      reportOn(ctx, 'DIST312', file, entry, 'key', `\`${entry.key.raw}\` has two weights; keep one`);
    } else keys.set(entry.key.value, entry.key);
  }
  return keys;
}

/** The keyword `weighted`, where pool-level mistakes are reported. */
function keyword(method: WeightedMethod): { start: number; end: number } {
  return { start: method.span.start, end: method.span.start + 'weighted'.length };
}

function checkWeightedPool(ctx: CompileContext, file: string, method: WeightedMethod, pool: Pool, keys: Map<string, StringLit>): void {
  const members = pool.kind === 'UsersPool' ? pool.users : pool.kind === 'TeamsPool' ? pool.teams : pool.kind === 'GroupsPool' ? pool.groups : [];
  if (members.length === 0) {
    const message = '`weighted { … }` weighs the users, teams or groups a pool names; for this pool use `weighted by user.FIELD { … }`';
    report(ctx, 'DIST205', file, keyword(method), message);
    return;
  }
  const what = pool.kind === 'UsersPool' ? 'user' : pool.kind === 'TeamsPool' ? 'team' : 'group';
  const names = new Set(members.map((m) => m.value));
  let strays = 0;
  for (const [key, lit] of keys) {
    if (names.has(key)) continue;
    strays++;
    const suggestion = closest(key, names);
    const hint = didYouMean(suggestion, (s) => `\`${JSON.stringify(s)}\``, `weigh only the ${what}s this rule assigns`);
    report(ctx, 'DIST205', file, lit.span, `\`${lit.raw}\` is not a ${what} of this rule's pool${hint}`, suggestionData(suggestion, lit));
  }
  const missing = [...names].filter((n) => !keys.has(n));
  // A misspelt key already explains the member it leaves without a weight.
  if (missing.length === 0 || strays > 0) return;
  const list = missing.map((m) => `\`${JSON.stringify(m)}\``).join(', ');
  report(ctx, 'DIST205', file, keyword(method), `${list} ${missing.length === 1 ? 'has' : 'have'} no weight; give every ${what} of the pool a weight`, {
    data: { missing },
  });
}

function checkWeightedBy(ctx: CompileContext, file: string, by: Path, keys: Map<string, StringLit>): void {
  const forbidden = [by.head, ...by.segments].find((n) => FORBIDDEN_NAMES.has(n.text));
  if (forbidden) {
    report(ctx, 'DIST113', file, forbidden.span, `\`${forbidden.text}\` cannot be a field name; name a declared field`);
    return;
  }
  const [field, extra] = by.segments;
  if (by.head.text !== 'user' || !field || extra) {
    report(ctx, 'DIST204', file, by.span, '`weighted by` needs a `user.` field of type `choice`, e.g. `weighted by user.grade`');
    return;
  }
  const user = ctx.schemas.get('user')!;
  const type = fieldType(user, field.text);
  if (!type) {
    if (brokenField(user, field.text)) return;
    const suggestion = closest(field.text, fieldNames(user));
    const hint = didYouMean(suggestion, (s) => `\`user.${s}\``, 'declare it in `schema user`');
    report(ctx, 'DIST102', file, field.span, `unknown field \`user.${field.text}\`${hint}`, suggestionData(suggestion, field));
    return;
  }
  if (type.type !== 'choice') {
    const message = `\`user.${field.text}\` is \`${showType(type)}\`, but \`weighted by\` needs a \`choice(…)\` field; declare it as \`choice("A", "B", …)\``;
    report(ctx, 'DIST204', file, by.span, message);
    return;
  }
  for (const [key, lit] of keys) {
    if (type.options.includes(key)) continue;
    const suggestion = closest(key, type.options);
    const options = type.options.map((o) => `\`${JSON.stringify(o)}\``).join(', ');
    const hint = didYouMean(suggestion, (s) => `\`${JSON.stringify(s)}\``, `use one of ${options}`);
    report(ctx, 'DIST208', file, lit.span, `\`${lit.raw}\` is not an option of \`user.${field.text}\`${hint}`, suggestionData(suggestion, lit));
  }
}
