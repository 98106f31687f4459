// Loads the directory from directory.yaml (diagnostics with source spans) or from
// the API's JSON (errors with JSON paths). Both run the same validation core
// (validate.ts); this file only parses YAML and places each problem. A text is
// first read on the fast path (yaml-fast.ts), without positions: when that reads
// it and the directory has no problem, nothing needs placing; else the text is
// read again with positions and checked the same way.
import { parseDocument, type Document } from 'yaml';
import { CODES, diagnostic, sortDiagnostics, type Diagnostic } from '../../language/diagnostics';
import { fastPlain } from '../yaml-fast';
import { toPlain } from '../yaml-plain';
import { formatPath, type DirectoryIssue } from './issues';
import type { Directory } from './model';
import type { DirectoryContext } from './users';
import { validateDirectory } from './validate';
import { spanOfPath } from './yaml-positions';

export type { DirectoryContext } from './users';

/**
 * Loads directory.yaml. Never throws: YAML syntax errors are DIST501 (every one
 * reported, nothing else checked), every other problem has its own code, and any
 * problem at all gives `directory: null`. An empty file is the empty directory.
 * `parsed` is the text's content when the caller has it already (a directory sent
 * as JSON): then the text is parsed only to place the problems, if any.
 */
export function loadDirectory(
  text: string,
  file: string,
  ctx: DirectoryContext,
  parsed?: unknown,
): { directory: Directory | null; diagnostics: Diagnostic[] } {
  if (parsed !== undefined) {
    const { directory, issues } = validateDirectory(parsed, ctx);
    if (issues.length === 0) return { directory, diagnostics: [] };
    const doc = parseDocument(text, { schema: 'core', prettyErrors: false });
    return { directory, diagnostics: sortDiagnostics(issues.map((issue) => toDiagnostic(issue, doc, file))) };
  }
  const fast = fastPlain(text);
  if (fast) {
    const { directory, issues } = validateDirectory(fast.value, ctx);
    if (issues.length === 0) return { directory, diagnostics: [] };
  }
  const doc = parseDocument(text, { schema: 'core', prettyErrors: false });
  const syntax = doc.errors.map((error) =>
    diagnostic('DIST501', file, { start: error.pos[0], end: error.pos[1] }, yamlMessage(error.code, error.message)),
  );
  if (syntax.length > 0) return { directory: null, diagnostics: syntax };
  const plain = toPlain(doc);
  if ('problems' in plain) return { directory: null, diagnostics: plain.problems.map((p) => diagnostic('DIST501', file, p.span, p.message)) };
  const { directory, issues } = validateDirectory(plain.value, ctx);
  return { directory, diagnostics: sortDiagnostics(issues.map((issue) => toDiagnostic(issue, doc, file))) };
}

/** A directory problem addressed by JSON path (`users[2].fields.grade`). */
export interface JsonIssue {
  path: string;
  message: string;
  code: string;
}

/**
 * Validates a directory sent as JSON (`PUT /v1/directory`); errors are addressed by
 * JSON path such as `users[2].fields.grade`.
 */
export function directoryFromJson(
  value: unknown,
  ctx: DirectoryContext,
): { directory: Directory | null; errors: JsonIssue[]; warnings: JsonIssue[] } {
  const { directory, issues } = validateDirectory(value, ctx);
  const toJson = (i: DirectoryIssue): JsonIssue => ({ path: formatPath(i.path), message: i.message, code: i.code });
  const isError = (i: DirectoryIssue) => CODES[i.code].severity === 'error';
  return { directory, errors: issues.filter(isError).map(toJson), warnings: issues.filter((i) => !isError(i)).map(toJson) };
}

function toDiagnostic(issue: DirectoryIssue, doc: Document, file: string): Diagnostic {
  const related = issue.related?.map((r) => ({ file, span: spanOfPath(doc, r.path), message: r.message }));
  const span = spanOfPath(doc, issue.path, issue.onKey);
  return diagnostic(issue.code, file, span, issue.message, {
    data: { path: formatPath(issue.path) },
    ...(related ? { related } : {}),
  });
}

function yamlMessage(code: string, message: string): string {
  if (code === 'MULTIPLE_DOCS') return 'the directory must be a single YAML document; remove the extra `---`';
  return `invalid YAML: ${lowerFirst(message.replace(/\.$/, ''))}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
