// `dist diff --format markdown`: a pull-request comment. A summary line, a table
// of the rules that changed, each changed rule's clauses as a collapsible
// `diff` block, then settings, workflows, directory and analysis tables. Cells escape `|`
// and backticks stay balanced, so GitHub renders any rule name.
import type { ClauseChange, ProjectDiff, RuleChange } from '../compiler/diff/project-diff';
import { diffSummaryLine } from './render-diff-text';

/** The diff as GitHub-flavoured markdown. */
export function renderDiffMarkdown(diff: ProjectDiff): string {
  const out: string[] = [`### dist diff: ${diffSummaryLine(diff)}`, ''];
  if (diff.rules.length) {
    out.push('| | rule | priority | what changed |', '| --- | --- | --- | --- |');
    for (const change of diff.rules) out.push(tableRow(change));
    out.push('');
    const detailed = diff.rules.filter((c) => c.change !== 'removed');
    if (detailed.length) {
      out.push('<details><summary>Clause by clause</summary>', '');
      for (const change of detailed) out.push(...ruleBlock(change));
      out.push('</details>', '');
    }
  }
  if (diff.settings.length) {
    out.push('**Settings**', '', '| setting | before | after |', '| --- | --- | --- |');
    for (const c of diff.settings) out.push(`| ${cell(c.clause)} | ${code(c.before)} | ${code(c.after)} |`);
    out.push('');
  }
  if (diff.workflows?.length) {
    out.push('**Workflows**', '', '| workflow | before | after |', '| --- | --- | --- |');
    for (const c of diff.workflows) out.push(`| ${cell(c.clause)} | ${code(c.before)} | ${code(c.after)} |`);
    out.push('');
  }
  if (diff.directory.length) {
    out.push('**Directory changes that reach rules**', '', '| team or group | joined | left | rules |', '| --- | --- | --- | --- |');
    for (const d of diff.directory) out.push(`| ${d.kind} ${code(d.name)} | ${list(d.joined)} | ${list(d.left)} | ${list(d.rules)} |`);
    out.push('');
  }
  const { added, removed } = diff.findings;
  if (added.length || removed.length) {
    out.push('**Analysis findings**', '', '| | code | finding |', '| --- | --- | --- |');
    for (const f of added) out.push(`| new | ${f.code} | ${cell(f.text)} |`);
    for (const f of removed) out.push(`| gone | ${f.code} | ${cell(f.text)} |`);
    out.push('');
  }
  return out.join('\n');
}

function tableRow(change: RuleChange): string {
  const name = change.change === 'changed' && change.renamed ? `${code(change.before.name)} → ${code(change.rule.name)}` : code(change.rule.name);
  const priority = change.change === 'changed' && change.before.priority !== change.rule.priority ? `${change.before.priority} → ${change.rule.priority}` : String(change.rule.priority);
  if (change.change !== 'changed') return `| ${change.change === 'added' ? '➕' : '➖'} | ${name} | ${priority} | ${change.change} |`;
  const what = change.clauses.map((c) => code(c.clause));
  if (change.members) what.push(`pool members ${memberText(change.members.joined, change.members.left)}`);
  return `| ✏️ | ${name} | ${priority} | ${what.join(', ')} |`;
}

function ruleBlock(change: RuleChange): string[] {
  const title = change.change === 'changed' && change.renamed ? `${code(change.before.name)} → ${code(change.rule.name)}` : code(change.rule.name);
  const lines = [`**${title}**${change.rule.file ? ` (${cell(change.rule.file)})` : ''}`, '', '```diff'];
  if (change.change === 'added') lines.push(...change.lines.map((l) => `+ ${l}`));
  else if (change.change === 'changed') for (const c of change.clauses) lines.push(...clauseDiff(c));
  lines.push('```');
  if (change.change === 'changed') {
    for (const c of change.clauses) if (c.notes.length) lines.push(`- ${code(c.clause)}: ${cell(c.notes.join('; '))}`);
    if (change.overtakes.length) lines.push(`- now runs before ${list(change.overtakes)}`);
    if (change.fallsBehind.length) lines.push(`- now runs after ${list(change.fallsBehind)}`);
    if (change.members) lines.push(`- pool members ${memberText(change.members.joined, change.members.left)}`);
  }
  lines.push('');
  return lines;
}

function clauseDiff(c: ClauseChange): string[] {
  const lines: string[] = [];
  if (c.before !== null) lines.push(`- ${c.before}`);
  if (c.after !== null) lines.push(`+ ${c.after}`);
  return lines;
}

function memberText(joined: readonly string[], left: readonly string[]): string {
  return [...joined.map((u) => `+${code(u)}`), ...left.map((u) => `−${code(u)}`)].join(' ');
}

function list(items: readonly string[]): string {
  return items.length ? items.map(code).join(', ') : '—';
}

/** Inline code that survives backticks and pipes in the text. */
export function code(text: string | null): string {
  if (text === null) return '—';
  const fence = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\|/g, '\\|')}${pad}${fence}`;
}

/** Table cell text: pipes escaped, one line. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
