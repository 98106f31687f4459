// One rule's distribution for one record (RUNTIME.md steps 4–6): resolve the
// pool, load the users' state, apply the eligibility filters, run the method
// `take N` times without replacement, and write the method's new state. Returns
// the chosen users (empty with a reason when the fallback must run) and the
// pool, filter and method traces. When nobody can be assigned, the method runs
// with nobody to choose, so that its state still takes in who is eligible now
// (RUNTIME.md: ineligible users leave the rotation queue at every decision).
import type { Rule } from '../compiler/ir';
import type { DirectoryIndex, IndexedUser } from './directory-index';
import { applyFilters, type Eligibility, type StateFacts } from './eligibility';
import { memoisable, type EligibilityMemos, type UsersState } from './eligibility-memo';
import type { EvalContext, RecordView, UserView } from './evaluator/context';
import { leastRecent, METHODS } from './methods';
import type { DistributionMethod, MethodInput } from './methods/types';
import { poolSource, resolvePool } from './pools';
import type { CompiledRule, ProgramIndex } from './program-index';
import type { RecordState } from './record-state';
import type { StateChanges } from './state-changes';
import { locks } from './state-keys';
import type { Json, Transaction } from './state/store';
import { marketplaceValues, turnoverOf, turnoverShortfall } from './turnover';
import type { FilterTrace, MethodTrace, PoolTrace, TurnoverTrace } from './types';
import { userLimits } from './user-limits';
import { loadUserState, loadUserViews } from './user-state';

/** What a distribution needs besides the rule and the record. */
export interface DistributeEnv {
  program: ProgramIndex;
  dir: DirectoryIndex;
  now: number;
  /** Eligibility kept between decisions (eligibility-memo.ts); given only when the transaction has written nothing yet. */
  memo?: EligibilityMemos | null;
}

/** The result of distributing one record under one rule. */
export interface Distribution {
  /** Chosen users; empty when the fallback must run. */
  assigned: string[];
  /** Why nobody was chosen (null when someone was). */
  reason: string | null;
  pool: PoolTrace;
  filters: FilterTrace[];
  method?: MethodTrace;
  /** What the assignees earn, when the rule has a `turnover` clause. */
  turnover?: TurnoverTrace;
}

/** Users besides the pool whose state a decision under `rule` may change: the record's previous owners and the rule's fallback user. */
export function alsoChanged(record: RecordState, rule: Rule): string[] {
  return rule.fallback?.kind === 'user' ? [...record.loaded, rule.fallback.user] : [...record.loaded];
}

/**
 * Distributes `record` under `compiled`, never choosing a user in `excluded`. The
 * pool's users and `touched` (see `alsoChanged`) are locked in one call.
 */
export async function distribute(
  env: DistributeEnv,
  tx: Transaction,
  compiled: CompiledRule,
  record: RecordView,
  excluded: ReadonlySet<string>,
  touched: readonly string[] = [],
): Promise<Distribution> {
  const { program, dir, now } = env;
  const rule = compiled.rule;
  await tx.lock([locks.rule(rule.id)]);
  const ctx: EvalContext = { entity: rule.entity, record, user: null, payload: null, now };

  const early = compiled.poolWhereReadsState
    ? await loadUserViews(tx, dir, poolSource(compiled, dir).users)
    : (new Map() as ReadonlyMap<string, UserView>);
  const pool = resolvePool(compiled, dir, ctx, (u) => early.get(u.user.id) ?? u.base);
  await tx.lock(touched.length === 0 ? userLocks(pool.users) : [...userLocks(pool.users), ...touched.map(locks.user)]);

  // Read once locked (another process may have changed them since `early`), for the users the filters get to.
  const read = async (users: readonly IndexedUser[]): Promise<UsersState> => {
    const state = await loadUserState(tx, dir, program, users, now, compiled.readsUserState);
    const { capacity, quotaLimits } = userLimits(program, ctx, users, state.views, program.capacity !== null && compiled.readsUserState);
    return { views: state.views, facts: { capacity, quotaLimits, quotaCounts: state.quotaCounts } };
  };
  let views: ReadonlyMap<string, UserView> = new Map();
  let eligibility: Eligibility & { facts: StateFacts };
  let changes: StateChanges | undefined;
  if (env.memo && pool.shared && excluded.size === 0 && memoisable(compiled)) {
    const found = await env.memo.eligibility({ compiled, program, dir, pool: pool.entries, now, read });
    views = found.views;
    changes = found.changes;
    eligibility = found;
  } else {
    const loadState = async (users: readonly IndexedUser[]): Promise<StateFacts> => {
      const state = await read(users);
      views = state.views;
      return state.facts;
    };
    eligibility = await applyFilters({ compiled, program, dir, pool: pool.entries, loadState, excluded, now });
  }
  const capacity = program.capacity ? eligibility.facts.capacity : null;
  const { candidates, filters } = eligibility;
  const min = rule.take.min;
  const later = eligibility.bucket !== null && eligibility.bucket > 0;
  const method: DistributionMethod = later ? leastRecent : METHODS[rule.method.kind];
  const stateKeys = method.stateKeys(rule);
  const stored = await tx.getMany(stateKeys);
  const state = new Map(stateKeys.map((k, i) => [k, stored[i]]));
  const methodTrace = (after: ReadonlyMap<string, Json>): MethodTrace => ({
    method: later ? `least_recent (bucket ${eligibility.bucket}D of \`workday within\`)` : rule.method.kind,
    before: snapshot(stateKeys, state),
    after: snapshot(stateKeys, new Map([...state, ...after])),
  });
  // The marketplace's values (null for other methods), and those of `score` and `ordered by`, evaluated when the method asks.
  const market = later ? null : marketplaceValues(compiled, program, ctx, views, candidates, { limits: eligibility.facts.quotaLimits, counts: eligibility.facts.quotaCounts });
  const ranked = !later && (compiled.score !== null || compiled.orderKeys.length > 0);
  const evaluated = new Map<string, readonly unknown[]>();
  const valuesOf = (id: string): readonly unknown[] | undefined => {
    const given = market?.get(id);
    if (given || !ranked) return given;
    let values = evaluated.get(id);
    if (!values) {
      ctx.user = views.get(id) ?? null;
      values = compiled.score ? [compiled.score(ctx)] : compiled.orderKeys.map((k) => k.value(ctx));
      ctx.user = null;
      evaluated.set(id, values);
    }
    return values;
  };
  // Kept candidates whose values read only the user let a ranking keep its order between decisions (methods/ranking.ts).
  const kept = changes && !later && market === null && (!ranked || compiled.valuesReadOnlyUser) ? { changes } : {};
  const input: MethodInput = { rule, candidates, count: rule.take.count, views, capacity, valuesOf, dir, state, ...kept };
  // Nobody is assigned: the method still takes in who is eligible now (ineligible users leave a rotation), and nothing moves on.
  const none = async (reason: string): Promise<Distribution> => {
    const settled = [...method.run({ ...input, count: 0 }).state].filter(([key, value]) => state.get(key) !== undefined && JSON.stringify(value) !== JSON.stringify(state.get(key)));
    for (const [key, value] of settled) await tx.put(key, value);
    const base = { assigned: [], reason, pool: pool.trace, filters };
    return settled.length > 0 ? { ...base, method: methodTrace(new Map(settled)) } : base;
  };
  if (candidates.length === 0) return none(eligibility.reason ?? 'no eligible user');
  if (candidates.length < min) return none(`fewer than ${min} eligible users`);

  const result = method.run(input);
  if (result.chosen.length < min) return none(min > 1 ? `fewer than ${min} eligible users` : 'no eligible user');
  const turnover = turnoverOf(compiled, ctx, views, result.chosen);
  const shortfall = turnoverShortfall(turnover);
  if (shortfall) return none(shortfall);

  for (const [key, value] of result.state) await tx.put(key, value);
  const trace = methodTrace(result.state);
  if (result.ranking) trace.ranking = result.ranking;
  return { assigned: result.chosen, reason: null, pool: pool.trace, filters, method: trace, ...(turnover ? { turnover } : {}) };
}

/** The lock names of a pool's users, kept per resolved list (pools.ts shares a list between decisions when nothing per record narrows it). */
const poolLocks = new WeakMap<readonly string[], readonly string[]>();

function userLocks(users: readonly string[]): readonly string[] {
  let found = poolLocks.get(users);
  if (!found) poolLocks.set(users, (found = users.map(locks.user)));
  return found;
}

function snapshot(stateKeys: readonly string[], state: ReadonlyMap<string, Json | undefined>): Record<string, Json> | null {
  if (stateKeys.length === 0) return null;
  return Object.fromEntries(stateKeys.map((k) => [k, state.get(k) ?? null]));
}
