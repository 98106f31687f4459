// Quick fixes: every diagnostic of the file under the requested range whose
// `data.fix` the compiler filled in (a misspelt field, user, team or keyword
// replaced by the nearest declared one, a missing clause inserted, a clashing
// priority renumbered, a shadowed rule moved above) becomes a code action with
// that fix's edits.
import { CodeActionKind, type CodeAction, type TextEdit } from 'vscode-languageserver-types';
import type { Span } from '../../language/ast';
import type { ServiceContext } from './context';
import { toLsp } from './diagnostics';

const overlaps = (a: Span, b: Span) => a.start <= b.end && b.start <= a.end;

/** The quick fixes for the diagnostics of `file` that touch `range`. */
export function codeActions(ctx: ServiceContext, file: string, range: Span): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of ctx.result().diagnosticsByFile.get(file) ?? []) {
    const fix = d.data?.fix;
    if (!fix || !overlaps(d.span, range)) continue;
    const changes: Record<string, TextEdit[]> = {};
    for (const edit of fix.edits) {
      const target = edit.file ?? d.file;
      const text = ctx.text(target);
      if (!text) continue;
      (changes[ctx.uri(target)] ??= []).push({ range: text.range(edit.span), newText: edit.newText });
    }
    actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [toLsp(ctx, d)], isPreferred: true, edit: { changes } });
  }
  return actions;
}
