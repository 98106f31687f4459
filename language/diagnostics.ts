// Diagnostics are data: a stable code, a severity, a one-sentence message, and the
// place (file + UTF-16 span). Every stage of every package reports through this
// shape; the CLI and the language server render it. The code table below is the
// single list of codes, documented in docs/diagnostics.md.
import type { Span } from './ast';

export type Severity = 'error' | 'warning' | 'info';

export interface RelatedInformation {
  file: string;
  span: Span;
  message: string;
}

/** One text change of a fix; `file` defaults to the diagnostic's file. */
export interface FixEdit {
  file?: string;
  span: Span;
  newText: string;
}

/** A quick fix: a title for the editor's menu ("change to `lead.score`") and its edits. */
export interface Fix {
  title: string;
  edits: FixEdit[];
}

/** What a quick fix needs: the fix itself, plus any code-specific facts (the suggested name). */
export interface DiagnosticData {
  fix?: Fix;
  [key: string]: unknown;
}

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  /** Lower-case, one sentence, user text in backticks, says what to change. */
  message: string;
  /** Path relative to the project root (`rules/inbound.dist`, `directory.yaml`). */
  file: string;
  span: Span;
  help?: string;
  related?: RelatedInformation[];
  /** What a quick fix needs: `data.fix` where the change is certain, and facts such as the suggested name. */
  data?: DiagnosticData;
}

/**
 * Every diagnostic code with its default severity and a short title.
 * 0xx: text and syntax · 1xx: names · 2xx: types · 3xx: rule structure ·
 * 4xx: analysis · 5xx: directory · 6xx: project files.
 */
export const CODES = {
  DIST001: { severity: 'error', title: 'unexpected character' },
  DIST002: { severity: 'error', title: 'unterminated string or comment' },
  DIST003: { severity: 'error', title: 'syntax error' },
  DIST004: { severity: 'error', title: '`and` and `or` mixed without parentheses' },
  DIST005: { severity: 'error', title: 'nesting too deep' },
  DIST006: { severity: 'error', title: 'invalid UTF-8' },
  DIST007: { severity: 'error', title: 'invalid literal' },
  DIST008: { severity: 'error', title: 'formatting refused' },

  DIST101: { severity: 'error', title: 'unknown entity' },
  DIST102: { severity: 'error', title: 'unknown field' },
  DIST103: { severity: 'error', title: 'unknown function' },
  DIST104: { severity: 'error', title: 'unknown team' },
  DIST105: { severity: 'error', title: 'unknown group' },
  DIST106: { severity: 'error', title: 'unknown user' },
  DIST107: { severity: 'error', title: 'unknown type' },
  DIST108: { severity: 'error', title: 'unknown event' },
  DIST109: { severity: 'error', title: 'unknown requirement' },
  DIST110: { severity: 'error', title: 'unknown distribution method' },
  DIST111: { severity: 'error', title: 'unknown keyword value' },
  DIST112: { severity: 'error', title: 'unknown time zone' },
  DIST113: { severity: 'error', title: 'forbidden name' },

  DIST201: { severity: 'error', title: 'type mismatch' },
  DIST202: { severity: 'error', title: 'condition is not a boolean' },
  DIST203: { severity: 'error', title: 'wrong function arguments' },
  DIST204: { severity: 'error', title: '`weighted by` needs a choice field' },
  DIST205: { severity: 'error', title: 'weight key not in the pool' },
  DIST206: { severity: 'error', title: 'weight is not a positive integer' },
  DIST207: { severity: 'error', title: 'invalid number' },
  DIST208: { severity: 'error', title: 'value is not one of the choices' },

  DIST301: { severity: 'error', title: 'duplicate rule name' },
  DIST302: { severity: 'error', title: 'duplicate schema' },
  DIST303: { severity: 'error', title: 'duplicate settings' },
  DIST304: { severity: 'error', title: 'clause given twice' },
  DIST305: { severity: 'error', title: 'missing clause' },
  DIST306: { severity: 'error', title: 'events of different entities' },
  DIST307: { severity: 'error', title: '`updated(…)` names an undeclared field' },
  DIST308: { severity: 'error', title: 'condition reads another entity' },
  DIST309: { severity: 'error', title: 'priority conflict' },
  DIST310: { severity: 'error', title: 'team rule assigns outside its team' },
  DIST311: { severity: 'error', title: 'invalid `take`' },
  DIST312: { severity: 'error', title: 'duplicate entry' },
  DIST313: { severity: 'error', title: 'rule ids collide' },
  DIST314: { severity: 'error', title: 'name not available here' },
  DIST315: { severity: 'error', title: 'duplicate map' },
  DIST316: { severity: 'error', title: 'queue given two retry policies' },
  DIST317: { severity: 'error', title: 'empty rule name' },
  DIST318: { severity: 'error', title: '`??` mixed with arithmetic without parentheses' },
  DIST319: { severity: 'error', title: 'invalid `turnover` minimum' },
  DIST320: { severity: 'error', title: 'method lacks what it ranks by' },
  DIST321: { severity: 'error', title: 'invalid workflow' },
  DIST322: { severity: 'error', title: 'unknown rule' },
  DIST323: { severity: 'error', title: 'rule cannot join the workflow' },

  DIST401: { severity: 'warning', title: 'shadowed rule' },
  DIST402: { severity: 'warning', title: 'empty static pool' },
  DIST403: { severity: 'warning', title: 'condition can never be true' },
  DIST404: { severity: 'warning', title: 'team rule names users outside its team' },
  DIST405: { severity: 'info', title: 'rules overlap' },
  DIST406: { severity: 'warning', title: 'quotas cannot take the expected volume' },
  DIST407: { severity: 'info', title: 'analysis cannot decide' },
  DIST408: { severity: 'warning', title: 'workflow minimum out of reach' },

  DIST501: { severity: 'error', title: 'directory YAML syntax error' },
  DIST502: { severity: 'error', title: 'invalid directory entry' },
  DIST503: { severity: 'error', title: 'duplicate directory id' },
  DIST504: { severity: 'error', title: 'unknown directory reference' },
  DIST505: { severity: 'error', title: 'team membership disagrees' },
  DIST506: { severity: 'error', title: 'user field does not match `schema user`' },
  DIST507: { severity: 'warning', title: 'team or group member is not a user' },

  DIST601: { severity: 'error', title: 'cannot read file' },
  DIST602: { severity: 'error', title: 'invalid dist.yaml' },
  DIST603: { severity: 'error', title: 'no rules found' },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type DiagnosticCode = keyof typeof CODES;

/** Builds a diagnostic with the code's default severity. */
export function diagnostic(
  code: DiagnosticCode,
  file: string,
  span: Span,
  message: string,
  extra: Pick<Diagnostic, 'help' | 'related' | 'data'> = {},
): Diagnostic {
  return { code, severity: CODES[code].severity, message, file, span, ...extra };
}

/** Orders diagnostics by file, then position, then code (stable output for goldens and CLIs). */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.span.start - b.span.start ||
      a.span.end - b.span.end ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
