// Loads the directory from directory.yaml (diagnostics with source spans) or from
// the API's JSON (errors with JSON paths). Both run the same validation core
// (validate.ts); this file only parses YAML and places each problem.
import { isCollection, parseDocument, visit, type Document } from 'yaml';
import { CODES, diagnostic, sortDiagnostics, type Diagnostic } from '../../language/diagnostics';
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
 */
export function loadDirectory(
  text: string,
  file: string,
  ctx: DirectoryContext,
): { directory: Directory | null; diagnostics: Diagnostic[] } {
  const doc = parseDocument(text, { schema: 'core', prettyErrors: false });
  const syntax = doc.errors.map((error) =>
    diagnostic('DIST501', file, { start: error.pos[0], end: error.pos[1] }, yamlMessage(error.code, error.message)),
  );
  if (syntax.length === 0) syntax.push(...aliasProblems(doc, file));
  if (syntax.length > 0) return { directory: null, diagnostics: syntax };

  let value: unknown;
  try {
    value = doc.toJS();
  } catch (error) {
    const message = `invalid YAML: ${lowerFirst((error as Error).message)}`;
    return { directory: null, diagnostics: [diagnostic('DIST501', file, { start: 0, end: text.length }, message)] };
  }
  const { directory, issues } = validateDirectory(value, ctx);
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

/** Aliases that toJS would choke on: ones without an anchor before them, and ones inside the node they name. */
function aliasProblems(doc: Document, file: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  visit(doc, {
    Alias(_key, alias, path) {
      if (!alias.range) return;
      const span = { start: alias.range[0], end: alias.range[1] };
      const target = alias.resolve(doc);
      if (!target) {
        const message = `alias \`*${alias.source}\` has no anchor before it; define \`&${alias.source}\` first`;
        found.push(diagnostic('DIST501', file, span, message));
      } else if (isCollection(target) && path.includes(target)) {
        found.push(diagnostic('DIST501', file, span, 'this alias refers to a node that contains it; remove the cycle'));
      }
    },
  });
  return found;
}
