// Quick fixes from the diagnostics' fix data: applying the code action's edits
// must give the corrected text.
import { describe, expect, it } from 'vitest';
import type { CodeAction } from 'vscode-languageserver-types';
import { TextPositions } from '../../lsp/service/positions';
import { cursor, service, uri } from './fixtures';

/** Applies the action's edits to `file`'s text. */
function apply(action: CodeAction, file: string, text: string): string {
  const edits = action.edit?.changes?.[uri(file)] ?? [];
  const p = new TextPositions(text);
  return [...edits]
    .sort((a, b) => p.offset(b.range.start) - p.offset(a.range.start))
    .reduce((t, e) => t.slice(0, p.offset(e.range.start)) + e.newText + t.slice(p.offset(e.range.end)), text);
}

/** The quick fixes at `<|>` in `marked` (as rules/edit.dist), applied one by one. */
function fixes(marked: string, extra: Record<string, string> = {}): [string, string][] {
  const { text, position } = cursor(marked);
  const s = service({ ...extra, 'rules/edit.dist': text });
  return s.codeActions(uri('rules/edit.dist'), { start: position, end: position }).map((a) => [a.title, apply(a, 'rules/edit.dist', text)]);
}

const body = (lines: string) => `rule "R" {\n  priority 5\n  on lead.created\n${lines}\n  distribute round_robin\n}\n`;

describe('quick fixes', () => {
  it('changes a misspelt field to the nearest declared one', () => {
    expect(fixes(body('  when lead.sco<|>er > 1\n  assign anyone'))).toEqual([['change to `score`', body('  when lead.score > 1\n  assign anyone')]]);
  });

  it('changes a misspelt user or team, keeping the quotes', () => {
    expect(fixes(body('  assign users "an<|>a@acme.tset"'))).toEqual([['change to `ana@acme.test`', body('  assign users "ana@acme.test"')]]);
    expect(fixes(body('  assign teams "Eas<|>"'))).toEqual([['change to `East`', body('  assign teams "East"')]]);
  });

  it('changes a misspelt keyword', () => {
    const text = 'rule "R" {\n  prio<|>irty 5\n}\n';
    expect(fixes(text)[0]?.[0]).toBe('change to `priority`');
  });

  it('inserts missing required clauses', () => {
    expect(fixes('rule "<|>R" {\n  priority 5\n  on lead.created\n}\n')).toEqual([
      ['add `assign anyone` and `distribute round_robin`', 'rule "R" {\n  priority 5\n  on lead.created\n  assign anyone\n  distribute round_robin\n}\n'],
    ]);
  });

  it('renumbers one of two rules with one priority', () => {
    const clash = 'rule "Z" {\n  priority 1<|>0\n  on lead.created\n  assign anyone\n  distribute random\n}\n';
    const first = 'rule "A" {\n  priority 10\n  on lead.created\n  assign anyone\n  distribute random\n}\n';
    expect(fixes(clash, { 'rules/a.dist': first })).toEqual([['give `Z` priority 11', clash.replace('<|>', '').replace('priority 10', 'priority 11')]]);
  });

  it('moves a shadowed rule above the rule that takes its records', () => {
    const shadowed = 'rule "Late<|>r" {\n  priority 20\n  on lead.created\n  when lead.source == "web" and lead.score > 80\n  assign anyone\n  distribute random\n}\n';
    const [fix] = fixes(shadowed);
    expect(fix?.[0]).toMatch(/^move `Later` above `Web leads` \(priority \d+\)$/);
    expect(fix?.[1]).toMatch(/priority [0-9]\n/);
  });
});
