// Compiler diagnostics as LSP diagnostics: ranges from spans, the code, related
// places as locations, and `data` (the quick fix and its facts) passed through for
// code actions.
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import type { Diagnostic, Severity } from '../../language/diagnostics';
import type { ServiceContext } from './context';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** One compiler diagnostic as the editor shows it. */
export function toLsp(ctx: ServiceContext, d: Diagnostic): LspDiagnostic {
  const text = ctx.text(d.file);
  const range = text ? text.range(d.span) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const result: LspDiagnostic = { range, severity: SEVERITY[d.severity], code: d.code, source: 'dist', message: d.help ? `${d.message}\n${d.help}` : d.message };
  const related = (d.related ?? []).flatMap((r) => {
    const at = ctx.text(r.file);
    return at ? [{ location: { uri: ctx.uri(r.file), range: at.range(r.span) }, message: r.message }] : [];
  });
  if (related.length) result.relatedInformation = related;
  if (d.data) result.data = d.data;
  return result;
}

/**
 * The diagnostics of every file of the project, by URI: each `.dist` file and the
 * directory, an empty list for a clean one (so that the editor clears it).
 */
export function projectDiagnostics(ctx: ServiceContext): Map<string, LspDiagnostic[]> {
  const { diagnosticsByFile } = ctx.result();
  const result = new Map<string, LspDiagnostic[]>();
  const files = ctx.workspace.list().map((f) => f.file);
  const directory = ctx.workspace.directory();
  if (directory) files.push(directory.file);
  for (const file of files) result.set(ctx.uri(file), (diagnosticsByFile.get(file) ?? []).map((d) => toLsp(ctx, d)));
  return result;
}
