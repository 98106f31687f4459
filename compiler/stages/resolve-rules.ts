// Resolve, part 7: inside each rule. Checks the status word and the `on` events
// (entity, kind, `updated(…)` fields, one entity per rule), which fixes the
// entity the rule's expressions may read, then queues those expressions as sites.
import type { EventRef, Expr } from '../../language/ast';
import { EVENT_KINDS, RULE_STATUSES, type EventKind } from '../ir';
import {
  brokenField,
  fieldNames,
  fieldType,
  report, reportOn,
  type CompileContext,
  type Expectation,
  type Place,
  type ResolvedEvent,
  type RuleInfo,
} from './context';
import { closest, didYouMean, suggestionData } from '../../language/suggest';
import { FORBIDDEN_NAMES } from './types';
import { listWords } from '../../language/vocabulary';

/** Resolves status and events of a rule and queues its expressions. */
export function resolveRule(ctx: CompileContext, rule: RuleInfo): void {
  resolveStatus(ctx, rule);
  resolveEvents(ctx, rule);
  queueSites(ctx, rule);
}

function resolveStatus(ctx: CompileContext, rule: RuleInfo): void {
  const clause = rule.clauses.Status;
  const word = clause?.value.text ?? 'active';
  if ((RULE_STATUSES as readonly string[]).includes(word)) {
    rule.status = word as RuleInfo['status'];
    return;
  }
  const suggestion = closest(word, RULE_STATUSES);
  const hint = didYouMean(suggestion, (s) => `\`${s}\``, `use ${listWords(RULE_STATUSES)}`);
  reportOn(ctx, 'DIST111', rule.file, clause!, 'value', `unknown status \`${word}\`${hint}`, suggestionData(suggestion, clause!.value));
}

function resolveEvents(ctx: CompileContext, rule: RuleInfo): void {
  const on = rule.clauses.On;
  if (!on) return;
  let ok = true;
  const seen = new Set<string>();
  for (const ref of on.events) {
    const event = resolveEvent(ctx, rule.file, ref);
    if (!event) {
      ok = false;
      continue;
    }
    if (rule.entity === null) rule.entity = event.entity;
    if (event.entity !== rule.entity) {
      const message = `this rule's events name both \`${rule.entity}\` and \`${event.entity}\`; a rule routes one entity, so split it into two rules`;
      reportOn(ctx, 'DIST306', rule.file, ref, 'entity', message);
      ok = false;
      continue;
    }
    const key = `${event.kind}(${event.fields ? [...event.fields].sort().join(',') : '*'})`;
    if (seen.has(key)) {
      report(ctx, 'DIST312', rule.file, ref.span, `this event is listed twice in \`on\`; remove one`);
      continue;
    }
    seen.add(key);
    rule.events.push(event);
  }
  rule.eventsOk = ok;
}

function resolveEvent(ctx: CompileContext, file: string, ref: EventRef): ResolvedEvent | null {
  const entity = ref.entity.text;
  const schema = ctx.schemas.get(entity);
  if (entity === 'user') {
    reportOn(ctx, 'DIST314', file, ref, 'entity', '`user` has no events: rules route records; name a record event such as `lead.created`');
    return null;
  }
  if (!schema) {
    const suggestion = closest(entity, [...ctx.schemas.keys()].filter((e) => e !== 'user'));
    const hint = didYouMean(suggestion, (s) => `\`${s}\``, `declare it with \`schema ${entity} { … }\``);
    reportOn(ctx, 'DIST101', file, ref, 'entity', `unknown entity \`${entity}\`${hint}`, suggestionData(suggestion, ref.entity));
    return null;
  }
  const kind = ref.event.text;
  if (!(EVENT_KINDS as readonly string[]).includes(kind)) {
    const suggestion = closest(kind, EVENT_KINDS);
    const hint = didYouMean(suggestion, (s) => `\`${entity}.${s}\``, `use one of ${EVENT_KINDS.map((k) => `\`${k}\``).join(', ')}`);
    reportOn(ctx, 'DIST108', file, ref, 'event', `unknown event \`${entity}.${kind}\`${hint}`, suggestionData(suggestion, ref.event));
    return null;
  }
  if (ref.fields === null) return { ref, entity, kind: kind as EventKind, fields: null };
  if (kind !== 'updated' || ref.fields.length === 0) {
    const message =
      kind === 'updated'
        ? `\`${entity}.updated()\` names no field; name the fields or drop the parentheses`
        : `only \`updated\` takes a field list; write \`${entity}.${kind}\``;
    report(ctx, 'DIST108', file, ref.span, message);
    return null;
  }
  const fields = new Set<string>();
  let ok = true;
  for (const name of ref.fields) {
    const field = name.text;
    if (FORBIDDEN_NAMES.has(field)) {
      report(ctx, 'DIST113', file, name.span, `\`${field}\` cannot be a field name; name a declared field`);
      ok = false;
    } else if (!fieldType(schema, field)) {
      ok = false;
      if (brokenField(schema, field)) continue;
      const suggestion = closest(field, fieldNames(schema));
      const hint = didYouMean(suggestion, (s) => `\`${s}\``, `declare it in \`schema ${entity}\``);
      report(ctx, 'DIST307', file, name.span, `\`${entity}\` has no field \`${field}\`${hint}`, suggestionData(suggestion, name));
    } else if (fields.has(field)) {
      report(ctx, 'DIST312', file, name.span, `\`${field}\` is listed twice in \`updated(…)\`; remove one`);
    } else fields.add(field);
  }
  return ok ? { ref, entity, kind: 'updated', fields: [...fields] } : null;
}

function queueSites(ctx: CompileContext, rule: RuleInfo): void {
  const { When: when, Assign: assign, Distribute: distribute, Reassign: reassign, Turnover: turnover } = rule.clauses;
  if (when) addSite(ctx, rule, when.condition, 'when', 'bool', '`when`');
  if (assign?.pool.kind === 'UsersPool' && assign.pool.where) addSite(ctx, rule, assign.pool.where, 'user-filter', 'bool', '`users where`');
  const method = distribute?.method;
  if (method?.kind === 'ScoreMethod') addSite(ctx, rule, method.expr, 'user-filter', 'number', '`score`');
  if (method?.kind === 'OrderedMethod') {
    for (const key of method.keys) addSite(ctx, rule, key.expr, 'user-filter', 'ordered', '`ordered by`');
  }
  if (reassign?.when) addSite(ctx, rule, reassign.when, 'when', 'bool', '`reassign … when`');
  if (turnover) addSite(ctx, rule, turnover.value, 'user-filter', 'number', '`turnover`');
}

function addSite(ctx: CompileContext, rule: RuleInfo, expr: Expr, place: Place, expect: Expectation, label: string): void {
  ctx.sites.push({ expr, file: rule.file, place, expect, entity: rule.entity, label });
}
