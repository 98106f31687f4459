// `dist diff` as terminal text, in the manner of `terraform plan`: `+` added,
// `-` removed, `~` changed, each changed clause with its old and new `.dist`
// text, then settings, workflows, directory changes that reach rules, and analysis
// findings that appeared or went away. Colour comes from the painter (NO_COLOR
// and non-terminals get plain text).
import type { ClauseChange, ProjectDiff, RuleChange } from '../compiler/diff/project-diff';
import type { Style } from './output';

type Paint = (style: Style, text: string) => string;

/** The summary line: `2 rules changed (1 renamed), 1 added, …`, or `no changes`. */
export function diffSummaryLine(diff: ProjectDiff): string {
  const s = diff.summary;
  if (s.unchanged) return 'no changes: the rules, settings, workflows, directory pools and analysis findings are the same';
  const parts: string[] = [];
  if (s.added) parts.push(`${s.added} rule${s.added === 1 ? '' : 's'} added`);
  if (s.removed) parts.push(`${s.removed} removed`);
  if (s.changed) parts.push(`${s.changed} changed${s.renamed ? ` (${s.renamed} renamed)` : ''}`);
  if (s.settings) parts.push(`${s.settings} setting${s.settings === 1 ? '' : 's'} changed`);
  if (s.workflows) parts.push(`${s.workflows} workflow${s.workflows === 1 ? '' : 's'} changed`);
  if (s.directory) parts.push(`${s.directory} team or group membership${s.directory === 1 ? '' : 's'} changed`);
  if (s.findingsNew || s.findingsGone) parts.push(`analysis findings: ${s.findingsNew} new, ${s.findingsGone} gone`);
  return parts.join(', ');
}

/** The whole diff as text. */
export function renderDiffText(diff: ProjectDiff, paint: Paint): string {
  const lines: string[] = [paint('bold', diffSummaryLine(diff))];
  if (diff.rules.length) lines.push('');
  for (const change of diff.rules) lines.push(...ruleLines(change, paint));
  if (lines.at(-1) === '') lines.pop();
  if (diff.settings.length) {
    lines.push('', paint('bold', 'settings:'));
    for (const c of diff.settings) lines.push(...clauseLines(c, paint, '  '));
  }
  if (diff.workflows?.length) {
    lines.push('', paint('bold', 'workflows:'));
    for (const c of diff.workflows) lines.push(...clauseLines(c, paint, '  '));
  }
  if (diff.directory.length) {
    lines.push('', paint('bold', 'directory:'));
    for (const d of diff.directory) {
      const who = [...d.joined.map((u) => paint('green', `+${u}`)), ...d.left.map((u) => paint('red', `-${u}`))].join(' ');
      lines.push(`  ${paint('yellow', '~')} ${d.kind} ${JSON.stringify(d.name)}: ${who}  ${paint('dim', `(named by ${d.rules.map(quoteName).join(', ')})`)}`);
    }
  }
  const { added, removed } = diff.findings;
  if (added.length || removed.length) {
    lines.push('', paint('bold', 'analysis:'));
    for (const f of added) lines.push(`  ${paint('yellow', `+ ${f.code}`)} ${f.text}`);
    for (const f of removed) lines.push(`  ${paint('green', `- ${f.code}`)} ${paint('dim', f.text)}`);
  }
  return lines.join('\n');
}

function ruleLines(change: RuleChange, paint: Paint): string[] {
  const where = change.rule.file ? paint('dim', `  ${change.rule.file}`) : '';
  if (change.change === 'added') {
    return [`${paint('green', `+ rule ${quoteName(change.rule.name)}`)}${where}`, ...change.lines.map((l) => paint('green', `    ${l}`)), ''];
  }
  if (change.change === 'removed') {
    return [`${paint('red', `- rule ${quoteName(change.rule.name)}`)} ${paint('dim', `(priority ${change.rule.priority})`)}${where}`, ''];
  }
  const title = change.renamed ? `${quoteName(change.before.name)} → ${quoteName(change.rule.name)}` : quoteName(change.rule.name);
  const lines = [`${paint('yellow', `~ rule ${title}`)} ${paint('dim', `(priority ${change.rule.priority})`)}${where}`];
  for (const c of change.clauses) lines.push(...clauseLines(c, paint, '    '));
  if (change.overtakes.length) lines.push(`    now runs before ${change.overtakes.map(quoteName).join(', ')}`);
  if (change.fallsBehind.length) lines.push(`    now runs after ${change.fallsBehind.map(quoteName).join(', ')}`);
  if (change.members) {
    const who = [...change.members.joined.map((u) => paint('green', `+${u}`)), ...change.members.left.map((u) => paint('red', `-${u}`))];
    lines.push(`    pool members: ${who.join(' ')}`);
  }
  lines.push('');
  return lines;
}

function clauseLines(c: ClauseChange, paint: Paint, indent: string): string[] {
  const notes = c.notes.length ? paint('dim', `  (${c.notes.join('; ')})`) : '';
  const lines = [`${indent}${paint('yellow', '~')} ${c.clause}${notes}`];
  lines.push(`${indent}    ${paint('red', `- ${c.before ?? '(not written)'}`)}`);
  lines.push(`${indent}    ${paint('green', `+ ${c.after ?? '(not written)'}`)}`);
  return lines;
}

function quoteName(name: string): string {
  return JSON.stringify(name);
}
