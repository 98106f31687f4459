// The `lower` stage: turns a project that checked without errors into the IR
// (ir.ts). Defaults are filled in here (status active, scope global, take 1 min 1,
// reassign max 1, settings defaults), every clause naming a queue gets the
// queue's retry policy (queue-policies.ts), and rules are sorted by ascending
// priority, ties by file and position.
import type { Method as AstMethod, Pool as AstPool, FallbackClause, NumberLit } from '../../language/ast';
import {
  IR_VERSION,
  type Fallback,
  type FieldType,
  type InputMap,
  type Method,
  type Pool,
  type Program,
  type Requirement,
  type RetryWindow,
  type Rule,
  type Schema,
  type Settings,
  type Expectation,
  type VolumePeriod,
  type Workflow,
} from '../ir';
import { hasErrors, type CompileContext, type MapInfo, type RuleInfo, type Stage, type WorkflowInfo } from './context';
import { lowerExpr } from './lower-expr';
import { queueRetry } from './queue-policies';

/** Build the IR, unless an error was reported. */
export const lowerStage: Stage = {
  name: 'lower',
  run(ctx) {
    if (!hasErrors(ctx)) ctx.program = lowerProgram(ctx);
  },
};

function lowerProgram(ctx: CompileContext): Program {
  const rules = [...ctx.rules].sort((a, b) => a.clauses.Priority!.value.value - b.clauses.Priority!.value.value);
  const retryOf = queueRetry(ctx);
  const workflows = ctx.workflows.map(lowerWorkflow);
  return {
    // The lowest version that holds the program (ir.ts): version 1 has no workflows.
    irVersion: workflows.length > 0 ? IR_VERSION : 1,
    settings: lowerSettings(ctx, retryOf),
    schemas: lowerSchemas(ctx),
    rules: rules.map((rule) => lowerCached(ctx, rule, retryOf)),
    maps: ctx.maps.map(lowerMap),
    ...(workflows.length > 0 ? { workflows } : {}),
  };
}

function lowerWorkflow(info: WorkflowInfo): Workflow {
  const { decl } = info;
  return {
    name: decl.name.value,
    description: info.description,
    rules: info.rules.map((r) => r.id),
    take: info.take,
    span: { file: info.file, start: decl.span.start, end: decl.span.end },
  };
}

/** The retry policy of a queue by name. */
type RetryOf = (queue: string) => RetryWindow | null;

function lowerSettings(ctx: CompileContext, retryOf: RetryOf): Settings {
  const s = ctx.settings;
  const queue = s?.entries.UnmatchedSetting?.queue.name.value ?? 'unmatched';
  return {
    timezone: s?.timezone ?? 'UTC',
    trigger: s?.entries.TriggerSetting?.mode.text === 'automation' ? 'automation' : 'entity',
    capacity: s?.entries.CapacitySetting ? lowerExpr(s.entries.CapacitySetting.value) : null,
    quotas: [...(s?.quotas ?? [])].map(([period, q]) => ({ period, limit: lowerExpr(q.limit) })),
    unmatched: { queue, retry: retryOf(queue) },
    ...(s?.entries.ExpectSetting ? { expect: lowerExpect(s.entries.ExpectSetting) } : {}),
    ...(s ? { span: { file: s.file, start: s.decl.span.start, end: s.decl.span.end } } : {}),
  };
}

function lowerSchemas(ctx: CompileContext): Record<string, Schema> {
  const schemas: Record<string, Schema> = {};
  const declared = [...ctx.schemas.values()].filter((info) => info.decl);
  // In the order written (files by path), whatever order `user` entered the table in.
  declared.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.decl!.span.start - b.decl!.span.start));
  for (const info of declared) {
    const entity = info.entity;
    const fields: Record<string, FieldType> = {};
    for (const [name, type] of info.fields) fields[name] = type;
    schemas[entity] = { entity, fields, span: { file: info.file, start: info.decl!.span.start, end: info.decl!.span.end } };
  }
  return schemas;
}

/** A rule's IR, the cached one while its info and its fallback queue's retry policy are the same. */
function lowerCached(ctx: CompileContext, rule: RuleInfo, retryOf: RetryOf): Rule {
  const cache = ctx.caches?.lowered;
  if (!cache) return lowerRule(rule, retryOf);
  const target = rule.clauses.Fallback?.target;
  const retry = target?.kind === 'QueueTarget' ? JSON.stringify(retryOf(target.name.value)) : '';
  const known = cache.get(rule);
  if (known?.retry === retry) return known.rule;
  const lowered = lowerRule(rule, retryOf);
  cache.set(rule, { retry, rule: lowered });
  return lowered;
}

function lowerRule(rule: RuleInfo, retryOf: RetryOf): Rule {
  const c = rule.clauses;
  const reassign = c.Reassign;
  return {
    id: rule.id,
    name: rule.decl.name.value,
    priority: c.Priority!.value.value,
    description: c.Description?.value.value ?? null,
    status: rule.status!,
    scope: c.Scope?.team ? { kind: 'team', team: c.Scope.team.value } : { kind: 'global' },
    entity: rule.entity!,
    events: rule.events.map((e) => ({ entity: e.entity, kind: e.kind, fields: e.fields, span: { ...e.ref.span } })),
    when: c.When ? lowerExpr(c.When.condition) : null,
    pool: lowerPool(c.Assign!.pool),
    require: (c.Require?.items ?? []).map((i) => ({ flag: i.name.text as Requirement, withinMs: i.within?.ms ?? null, ...(i.within ? { within: i.within.raw } : {}) })),
    method: lowerMethod(c.Distribute!.method),
    take: { count: c.Take?.count.value ?? 1, min: c.Take?.min?.value ?? 1 },
    ...(c.Turnover ? { turnover: { expr: lowerExpr(c.Turnover.value), min: c.Turnover.min?.value ?? null } } : {}),
    fallback: c.Fallback ? lowerFallback(c.Fallback, retryOf) : null,
    reassign: reassign
      ? { afterMs: reassign.after.ms, when: reassign.when ? lowerExpr(reassign.when) : null, max: reassign.max?.value ?? 1 }
      : null,
    ...(c.Expect ? { expect: lowerExpect(c.Expect) } : {}),
    span: { file: rule.file, start: rule.decl.span.start, end: rule.decl.span.end },
  };
}

function lowerExpect(e: { count: NumberLit; period: { text: string } }): Expectation {
  return { count: e.count.value, per: e.period.text as VolumePeriod };
}

function lowerPool(pool: AstPool): Pool {
  switch (pool.kind) {
    case 'UsersPool':
      if (pool.users.length === 0) return { kind: 'dynamic', where: lowerExpr(pool.where!) };
      return { kind: 'users', users: pool.users.map((u) => u.value), where: pool.where ? lowerExpr(pool.where) : null };
    case 'TeamsPool':
      return { kind: 'teams', teams: pool.teams.map((t) => t.value) };
    case 'GroupsPool':
      return { kind: 'groups', groups: pool.groups.map((g) => g.value) };
    case 'AnyonePool':
      return { kind: 'anyone' };
  }
}

function lowerMethod(method: AstMethod): Method {
  switch (method.kind) {
    case 'SimpleMethod':
      return { kind: method.name.text as 'round_robin' | 'least_recent' | 'load_balance' | 'random' | 'max_turnover' | 'max_lead_count' };
    case 'WeightedMethod': {
      const weights = method.weights.map((w) => ({ key: w.key.value, weight: (w.weight as NumberLit).value }));
      return method.by ? { kind: 'weighted_by', field: method.by.segments[0]!.text, weights } : { kind: 'weighted', weights };
    }
    case 'ScoreMethod':
      return { kind: 'score', expr: lowerExpr(method.expr) };
    case 'OrderedMethod':
      return { kind: 'ordered', keys: method.keys.map((k) => ({ expr: lowerExpr(k.expr), direction: k.direction ?? 'asc' })) };
  }
}

function lowerFallback(clause: FallbackClause, retryOf: RetryOf): Fallback {
  const t = clause.target;
  if (t.kind === 'FallbackUser') return { kind: 'user', user: t.user.value };
  return { kind: 'queue', queue: t.name.value, retry: retryOf(t.name.value) };
}

function lowerMap(map: MapInfo): InputMap {
  return {
    entity: map.entity!,
    source: map.decl.source.value,
    fields: map.entries.map((e) => ({ name: e.field.text, expr: lowerExpr(e.value) })),
    invalidQueue: map.invalidQueue?.queue.value ?? null,
    span: { file: map.file, start: map.decl.span.start, end: map.decl.span.end },
  };
}
