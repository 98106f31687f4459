// The serve sections of dist.yaml (`state`, `server`, `deliveries`) checked as
// `dist serve` reads them, as DIST602 diagnostics at their line in dist.yaml, so
// that `dist check` refuses what `dist serve` would refuse.
import { parseDocument } from 'yaml';
import { spanOfPath } from '../compiler/directory/yaml-positions';
import { CONFIG_FILE, type ProjectConfig } from '../compiler/node/project';
import { diagnostic, type Diagnostic } from '../language/diagnostics';
import { parseServeConfig } from './config';

/** DIST602 for every problem `dist serve` finds in the serve sections; none when they are valid or dist.yaml is absent. */
export function serveConfigDiagnostics(config: ProjectConfig, configText: string | null): Diagnostic[] {
  const parsed = parseServeConfig(config);
  if (parsed.config) return [];
  const doc = configText === null ? null : parseDocument(configText);
  return parsed.issues.map((issue) => {
    const segments = issue.segments.map((s) => (typeof s === 'number' ? s : String(s)));
    const span = doc ? spanOfPath(doc, segments, issue.message.startsWith('unknown key')) : { start: 0, end: 0 };
    return diagnostic('DIST602', CONFIG_FILE, span, `\`${issue.path}\`: ${issue.message}`);
  });
}
