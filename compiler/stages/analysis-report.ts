// Turns the rule analysis's findings (compiler/analysis) into diagnostics:
// impossible conditions (DIST403), shadowed rules with a "move it above" fix
// (DIST401), overlaps (DIST405) and what the analysis could not decide
// (DIST407); rules of one workflow, which run together, are not reported as
// shadowing or overlapping one another. Messages name the rules, their priorities and a witness record;
// `data.witness` holds the witness as an event would carry it.
import type { Span } from '../../language/ast';
import type { Fix } from '../../language/diagnostics';
import type { RuleFinding } from '../analysis/analyse-rules';
import { anyEventsOverlap } from '../analysis/event-overlap';
import type { Culprit } from '../analysis/formula';
import type { Routed } from '../analysis/shadowing';
import { showRecord } from '../analysis/witness';
import type { Program } from '../ir';
import { report, reportOn, type CompileContext, type RuleInfo } from './context';

/** Reports every finding against the rule's source. */
export function reportFindings(ctx: CompileContext, program: Program, findings: readonly RuleFinding[]): void {
  const infos = new Map(ctx.rules.map((r) => [r.id, r]));
  const workflowOf = new Map((program.workflows ?? []).flatMap((w) => w.rules.map((id) => [id, w.name] as const)));
  // A rule of a workflow runs whenever another of its rules takes the record, so those rules neither shadow nor overlap it.
  const together = (a: string, others: readonly { id: string }[]): boolean =>
    workflowOf.has(a) && others.every((o) => workflowOf.get(o.id) === workflowOf.get(a));
  for (const finding of findings) {
    const info = infos.get(finding.rule.id);
    if (!info) continue;
    if (finding.kind === 'shadowed' && together(info.id, finding.by)) continue;
    if ((finding.kind === 'maybe-shadowed' && together(info.id, [finding.by])) || (finding.kind === 'overlap' && together(info.id, [finding.other]))) continue;
    switch (finding.kind) {
      case 'impossible':
        impossible(ctx, info, finding.clause, finding.fields);
        break;
      case 'shadowed':
        shadowed(ctx, program, info, finding.by.map((r) => infos.get(r.id)!), finding.example);
        break;
      case 'maybe-shadowed': {
        const by = infos.get(finding.by.id)!;
        const because = culpritText(finding.culprits);
        const message = `cannot tell whether rule ${name(info)} ever runs, because ${because}: apart from that, ${name(by)} (priority ${finding.by.priority}) takes every record ${name(info)} matches; add a \`dist test\` case for the records ${name(info)} should take`;
        reportOn(ctx, 'DIST407', info.file, info.decl, 'name', message, { related: [takesFirst(by)] });
        break;
      }
      case 'overlap': {
        const other = infos.get(finding.other.id)!;
        const { witness } = finding.example;
        const message = `rules ${name(other)} (priority ${finding.other.priority}) and ${name(info)} overlap: ${showRecord(witness.record)} matches both and goes to ${name(other)}, which comes first; narrow one condition if ${name(info)} should take such records`;
        reportOn(ctx, 'DIST405', info.file, info.decl, 'name', message, { related: [takesFirst(other)], data: { witness, takenBy: other.decl.name.value } });
        break;
      }
      case 'stopped': {
        const message = `the rule analysis stopped at rule ${name(info)} after comparing ${finding.pairs.toLocaleString('en')} pairs of rules, so this and later rules are not checked for shadowing and overlaps; give rules on the same event a field they test on different values, such as \`lead.zip == "…"\``;
        reportOn(ctx, 'DIST407', info.file, info.decl, 'name', message);
        break;
      }
    }
  }
}

function name(info: RuleInfo): string {
  return `\`${info.decl.name.value}\``;
}

function takesFirst(info: RuleInfo): { file: string; span: Span; message: string } {
  return { file: info.file, span: info.decl.name.span, message: `${name(info)} comes first` };
}

/** "`lead.score * 2` is arithmetic" for the first culprit, naming how many more there are. */
function culpritText(culprits: readonly Culprit[]): string {
  const [first] = culprits;
  if (!first) return 'part of its condition is outside what the analysis decides';
  const more = culprits.length > 1 ? ` (and ${culprits.length - 1} more such part${culprits.length > 2 ? 's' : ''})` : '';
  return `\`${first.text}\` ${first.why}${more}`;
}

function impossible(ctx: CompileContext, info: RuleInfo, clause: 'when' | 'reassign', fields: string[]): void {
  const entity = info.entity ?? 'record';
  const expr = clause === 'when' ? info.clauses.When?.condition : info.clauses.Reassign?.when;
  if (!expr) return;
  const list = fields.map((f) => `\`${entity}.${f}\``);
  const why = list.length === 0 ? '' : `: no value of ${list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`} passes all of its tests`;
  const message =
    clause === 'when'
      ? `this condition can never be true${why}, so rule ${name(info)} never runs; change the condition or remove the rule`
      : `this \`reassign … when\` condition can never be true${why}, so rule ${name(info)} never re-assigns; change the condition or remove it`;
  report(ctx, 'DIST403', info.file, expr.span, message, { data: { fields } });
}

function shadowed(ctx: CompileContext, program: Program, info: RuleInfo, by: RuleInfo[], example: Routed | null): void {
  const names = by.map(name);
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
  const priorities = by.map((b) => b.clauses.Priority!.value.value);
  const first = Math.min(...priorities);
  const takenBy = example?.takenBy ? by.find((b) => b.id === example.takenBy!.id) : undefined;
  const shown = example ? `; e.g. ${showRecord(example.witness.record)}${takenBy ? ` goes to ${name(takenBy)}` : ' goes to an earlier rule'}` : '';
  const fix = moveAbove(program, info, by, first);
  const change = fix ? `move it above ${by.length === 1 ? names[0] : 'them'} (priority ${fix.priority})` : `give it a priority below ${first}`;
  const matches = by.length === 1 ? `${list} (priority ${priorities[0]}) matches every record it matches and comes first` : `every record it matches is matched by ${list} (priority ${priorities.join(', ')}), which come first`;
  const message = `rule ${name(info)} never runs: ${matches}${shown}; ${change}, or narrow ${by.length === 1 ? 'that rule' : 'those rules'}`;
  reportOn(ctx, 'DIST401', info.file, info.decl, 'name', message, {
    related: by.map(takesFirst),
    data: {
      ...(fix ? { fix: fix.fix } : {}),
      shadowedBy: by.map((b) => b.decl.name.value),
      ...(example ? { witness: example.witness, ...(takenBy ? { takenBy: takenBy.decl.name.value } : {}) } : {}),
    },
  });
}

/**
 * The fix that gives `info` the highest free priority below `below`: free means no
 * other active rule with overlapping events has it (that would be DIST309).
 * Null when no priority from 0 up is free.
 */
function moveAbove(program: Program, info: RuleInfo, by: RuleInfo[], below: number): { fix: Fix; priority: number } | null {
  const self = program.rules.find((r) => r.id === info.id)!;
  const taken = new Set(program.rules.filter((r) => r !== self && r.status === 'active' && anyEventsOverlap(r.events, self.events)).map((r) => r.priority));
  let priority = below - 1;
  while (priority >= 0 && taken.has(priority)) priority--;
  if (priority < 0) return null;
  const literal = info.clauses.Priority!.value;
  const target = by.length === 1 ? name(by[0]!) : 'the rules that shadow it';
  return { priority, fix: { title: `move ${name(info)} above ${target} (priority ${priority})`, edits: [{ span: literal.span, newText: String(priority) }] } };
}
