// Problems found while validating a directory, addressed by a path into the parsed
// value (`users[2].fields.grade`). The YAML loader turns a path into a source span;
// the API reports the path itself. Also the small phrasing helpers every check uses.
import type { DiagnosticCode } from '../../language/diagnostics';

/** A step into the parsed value: a mapping key or a list index. */
export type PathSegment = string | number;

export interface DirectoryIssue {
  code: DiagnosticCode;
  path: PathSegment[];
  /** Point at the key of the last segment rather than its value (unknown keys). */
  onKey?: boolean;
  message: string;
  /** Other places the problem involves (the first of two duplicates, the other side of a membership). */
  related?: { path: PathSegment[]; message: string }[];
}

/** Collects issues; `report` keeps the call sites short. */
export class IssueList {
  readonly items: DirectoryIssue[] = [];

  report(code: DiagnosticCode, path: PathSegment[], message: string, extra: Partial<DirectoryIssue> = {}): void {
    this.items.push({ code, path, message, ...extra });
  }
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A JSON path such as `users[2].fields.grade` (keys that are not identifiers are quoted: `holidays["india-2026"]`). */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** A short rendering of a raw value for messages: `` `on` ``, `` `12` ``, `a list`, `a mapping`. */
export function describeRaw(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return `\`${value.toISOString()}\``;
  if (typeof value === 'object' && value !== null) return 'a mapping';
  const text = typeof value === 'string' ? value : String(value);
  return `\`${text.length > 40 ? `${text.slice(0, 39)}…` : text}\``;
}

/** `` `a`, `b`, `c` `` */
export function listNames(names: readonly string[]): string {
  return names.map((n) => `\`${n}\``).join(', ');
}
