// The replay part of `dist diff --replay`, as text and as markdown: how many
// events change rule, outcome or assignees, a table of flows (where records went
// before → after, with counts) and examples with both explain traces.
import type { ReplayExample, ReplayReport } from '../runtime/replay';
import type { Style } from './output';
import { cell, code } from './render-diff-markdown';

type Paint = (style: Style, text: string) => string;

const n = (count: number) => count.toLocaleString('en');

/** `37 of 1,000 replayed events change (rule 30, outcome 12, assignees 37)`. */
export function replaySummaryLine(r: ReplayReport): string {
  if (r.changed === 0) return `all ${n(r.events)} replayed events decide the same under both versions`;
  return `${n(r.changed)} of ${n(r.events)} replayed events change (rule ${n(r.ruleChanged)}, outcome ${n(r.outcomeChanged)}, assignees ${n(r.assigneeChanged)})`;
}

/** The replay report as terminal text. */
export function renderReplayText(r: ReplayReport, file: string, paint: Paint): string {
  const lines = ['', paint('bold', `replay of ${file}: ${replaySummaryLine(r)}`)];
  if (r.rejected.base || r.rejected.head) lines.push(`  rejected as invalid: ${n(r.rejected.base)} before, ${n(r.rejected.head)} after`);
  if (r.flows.length || r.sameDestination.count) {
    const rows = r.flows.map((f) => [f.from, f.to, n(f.count)]);
    if (r.sameDestination.count) rows.push(['(same destination)', '(other users)', n(r.sameDestination.count)]);
    const width = [0, 1].map((i) => Math.max(i === 0 ? 4 : 2, ...rows.map((row) => row[i]!.length)));
    lines.push(`  ${paint('dim', `${'from'.padEnd(width[0]!)}  ${'to'.padEnd(width[1]!)}  events`)}`);
    for (const [from, to, count] of rows) lines.push(`  ${from!.padEnd(width[0]!)}  ${to!.padEnd(width[1]!)}  ${count!.padStart(6)}`);
  }
  for (const example of allExamples(r)) {
    lines.push('', paint('bold', `event ${example.eventId}: ${example.before.label} → ${example.after.label}`));
    lines.push(paint('red', '  before:'), ...indent(example.beforeExplain, '    '));
    lines.push(paint('green', '  after:'), ...indent(example.afterExplain, '    '));
  }
  return lines.join('\n');
}

/** The replay report as a markdown section of the pull-request comment. */
export function renderReplayMarkdown(r: ReplayReport, file: string): string {
  const out = [`**Replay of ${cell(file)}:** ${replaySummaryLine(r)}`, ''];
  if (r.rejected.base || r.rejected.head) out.push(`Rejected as invalid: ${n(r.rejected.base)} before, ${n(r.rejected.head)} after.`, '');
  if (r.flows.length || r.sameDestination.count) {
    out.push('| from | to | events |', '| --- | --- | ---: |');
    for (const f of r.flows) out.push(`| ${code(f.from)} | ${code(f.to)} | ${n(f.count)} |`);
    if (r.sameDestination.count) out.push(`| same destination | other users | ${n(r.sameDestination.count)} |`);
    out.push('');
  }
  const examples = allExamples(r);
  if (examples.length) {
    out.push('<details><summary>Examples with their explain traces</summary>', '');
    for (const e of examples) {
      out.push(`**Event ${code(e.eventId)}**: ${code(e.before.label)} → ${code(e.after.label)}`, '', '```text', 'before:', ...indent(e.beforeExplain, '  '), 'after:', ...indent(e.afterExplain, '  '), '```', '');
    }
    out.push('</details>', '');
  }
  return out.join('\n');
}

function allExamples(r: ReplayReport): ReplayExample[] {
  return [...r.flows.flatMap((f) => f.examples), ...r.sameDestination.examples];
}

function indent(text: string, prefix: string): string[] {
  return text.trimEnd().split('\n').map((l) => `${prefix}${l}`);
}
