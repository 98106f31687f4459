// Errors in a suite file, placed at `file:line:column`: finds the YAML node for a
// path (`cases[2].expect.rule`) in the parsed document and turns zod issues into
// one-sentence messages that say what to change.
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { LineIndex } from '../language/line-index';
import { ALLOWED_KEYS } from './suite-schema';

/** One problem in a suite file. */
export interface SuiteError {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  message: string;
}

export type PathSegment = string | number;

/** Places errors in one suite file. */
export class SuiteLocator {
  private readonly index: LineIndex;

  constructor(
    readonly file: string,
    text: string,
    private readonly doc: Document,
  ) {
    this.index = new LineIndex(text);
  }

  /** An error at an offset of the suite's text. */
  atOffset(offset: number, message: string): SuiteError {
    return { file: this.file, ...this.index.position(offset), message };
  }

  /**
   * An error at the node for `path` (the deepest node that exists); with `onKey`,
   * at the key of the last segment instead of its value.
   */
  at(path: readonly PathSegment[], message: string, onKey = false): SuiteError {
    return this.atOffset(this.offsetOf(path, onKey), message);
  }

  /** The 1-based line of the node for `path`. */
  lineOf(path: readonly PathSegment[]): number {
    return this.index.position(this.offsetOf(path, false)).line;
  }

  /** Every zod issue as an error at its node. */
  fromIssues(issues: readonly z.core.$ZodIssue[]): SuiteError[] {
    const errors: SuiteError[] = [];
    for (const issue of issues) {
      const path = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        const allowed = allowedKeys(path);
        for (const key of issue.keys) {
          const hint = allowed ? `; use one of ${allowed.map((k) => `\`${k}\``).join(', ')}` : '';
          errors.push(this.at([...path, key], `unknown key \`${key}\` in ${describeLevel(path)}${hint}`, true));
        }
        continue;
      }
      const missing = issue.code === 'invalid_type' && issue.input === undefined;
      errors.push(this.at(path, issueMessage(issue, path), missing));
    }
    return errors;
  }

  private offsetOf(path: readonly PathSegment[], onKey: boolean): number {
    let node: unknown = this.doc.contents;
    let offset = rangeStart(node) ?? 0;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i]!;
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) return offset;
        const keyStart = rangeStart(pair.key);
        if (last && onKey && keyStart !== undefined) return keyStart;
        node = pair.value ?? pair.key;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
        if (node === undefined) return offset;
      } else return offset;
      offset = rangeStart(node) ?? offset;
    }
    return offset;
  }
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null)?.range?.[0];
}

/** The name a message uses for the value at `path`: its key, or `cases[2]` for list items. */
function subject(path: readonly PathSegment[]): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'the suite';
  if (typeof last === 'number') return `\`${String(path[path.length - 2] ?? '')}[${last}]\``;
  return `\`${last}\``;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: '`true` or `false`',
  array: 'a list',
  object: 'a mapping of keys to values',
  record: 'a mapping of keys to values',
};

function issueMessage(issue: z.core.$ZodIssue, path: readonly PathSegment[]): string {
  const name = subject(path);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `${describeLevel(path.slice(0, -1))} needs ${name}; add it`;
      return `${name} must be ${EXPECTED[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return `${name} must be one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `${name} must have at least ${String(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}`
        : issue.origin === 'string'
          ? `${name} must not be empty`
          : `${name} must be at least ${String(issue.minimum)}`;
    default:
      return issue.message.startsWith('`') ? issue.message : `${name}: ${issue.message.toLowerCase()}`;
  }
}

/** Which level of the file a path points at, for messages (`a case`, `\`expect\``). */
function describeLevel(path: readonly PathSegment[]): string {
  const kind = levelKind(path);
  switch (kind) {
    case 'suite':
      return 'the suite';
    case 'case':
      return 'a case';
    case 'step':
      return 'a step';
    case 'user':
      return `the overrides of user \`${String(path[path.length - 1])}\``;
    case 'team':
      return `\`${String(path[path.length - 1])}\``;
    default:
      return kind ? `\`${kind}\`` : `\`${String(path[path.length - 1])}\``;
  }
}

type Level = keyof typeof ALLOWED_KEYS;

function levelKind(path: readonly PathSegment[]): Level | null {
  const n = path.length;
  if (n === 0) return 'suite';
  const last = path[n - 1];
  const parent = path[n - 2];
  if (typeof last === 'number' && parent === 'cases') return 'case';
  if (typeof last === 'number' && parent === 'steps') return 'step';
  if (last === 'given' || last === 'expect' || last === 'state') return last;
  if (last === 'manual_assignment' || last === 'close') return last;
  if (parent === 'users' && path[n - 3] === 'given') return 'user';
  if ((parent === 'teams' || parent === 'groups') && path[n - 3] === 'given') return 'team';
  return null;
}

function allowedKeys(path: readonly PathSegment[]): readonly string[] | null {
  const kind = levelKind(path);
  return kind ? ALLOWED_KEYS[kind] : null;
}
