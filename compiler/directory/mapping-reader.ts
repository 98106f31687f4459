// Reads one mapping of the parsed directory: checks that it is a mapping, reports
// unknown and forbidden keys, and offers typed getters that report a wrong type
// against the key's path. A null value counts as a missing key everywhere, so
// `workday:` with nothing after it means the default.
import { MAX_ID_LENGTH } from '../../language/limits';
import { isForbiddenKey } from '../values';
import { describeRaw, listNames, type IssueList, type PathSegment } from './issues';

/** True for a plain mapping (not a list, not a Date, not null). */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** One mapping of the directory being read, with the path and the name its messages use. */
export class MappingReader {
  private constructor(
    /** Allowed, non-null entries in source order. */
    readonly entries: ReadonlyMap<string, unknown>,
    readonly path: PathSegment[],
    /** How messages name this mapping: "user `ana@acme.test`". */
    readonly what: string,
    private readonly issues: IssueList,
  ) {}

  /**
   * Opens `value` as a mapping, reporting DIST502 when it is not one, for each
   * forbidden key, and for each key outside `allowed` (null: any key is allowed).
   */
  static open(
    value: unknown,
    path: PathSegment[],
    what: string,
    allowed: readonly string[] | null,
    issues: IssueList,
  ): MappingReader | null {
    if (!isMapping(value)) {
      issues.report('DIST502', path, `${what} must be a mapping; got ${describeRaw(value)}`);
      return null;
    }
    const entries = new Map<string, unknown>();
    for (const key of Object.keys(value)) {
      if (isForbiddenKey(key)) {
        const message = `key \`${key}\` is not allowed in ${what}; rename or remove it`;
        issues.report('DIST502', [...path, key], message, { onKey: true });
      } else if (allowed && !allowed.includes(key)) {
        const message = `unknown key \`${key}\` in ${what}; expected one of ${listNames(allowed)}`;
        issues.report('DIST502', [...path, key], message, { onKey: true });
      } else if (value[key] !== null && value[key] !== undefined) {
        entries.set(key, value[key]);
      }
    }
    return new MappingReader(entries, path, what, issues);
  }

  /** The raw value of `key`, or undefined when missing or null. */
  get(key: string): unknown {
    return this.entries.get(key);
  }

  /** Reports that `key` (or an item under it) does not have the expected form. */
  fail(key: string, expected: string, raw: unknown, below: PathSegment[] = []): undefined {
    const message = `\`${key}\` in ${this.what} must be ${expected}; got ${describeRaw(raw)}`;
    this.issues.report('DIST502', [...this.path, key, ...below], message);
    return undefined;
  }

  /** The raw value of `key`, reporting DIST502 when it is missing. */
  required(key: string): unknown {
    const raw = this.get(key);
    if (raw === undefined) this.issues.report('DIST502', this.path, `\`${key}\` is missing in ${this.what}; add it`);
    return raw;
  }

  /** Non-empty text; `required` reports a missing key. */
  text(key: string, required = false): string | undefined {
    const raw = required ? this.required(key) : this.get(key);
    if (raw === undefined || (typeof raw === 'string' && raw !== '')) return raw;
    return this.fail(key, 'non-empty text', raw);
  }

  /** A required id: non-empty text of at most MAX_ID_LENGTH characters. */
  id(key: string): string | undefined {
    const text = this.text(key, true);
    if (text === undefined || text.length <= MAX_ID_LENGTH) return text;
    this.issues.report('DIST502', [...this.path, key], `\`${key}\` in ${this.what} is ${text.length} characters long; ids are at most ${MAX_ID_LENGTH}`);
    return undefined;
  }

  /** A boolean. */
  bool(key: string): boolean | undefined {
    const raw = this.get(key);
    if (raw === undefined || typeof raw === 'boolean') return raw;
    return this.fail(key, '`true` or `false`', raw);
  }

  /** One of `options`. */
  oneOf<T extends string>(key: string, options: readonly T[]): T | undefined {
    const raw = this.get(key);
    if (raw === undefined || options.includes(raw as T)) return raw as T | undefined;
    return this.fail(key, `one of ${listNames(options)}`, raw);
  }

  /** A whole number ≥ 0. */
  count(key: string): number | undefined {
    const raw = this.get(key);
    if (raw === undefined || (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0)) return raw;
    return this.fail(key, 'a whole number of at least 0', raw);
  }

  /** A list of anything (the caller checks the items). */
  list(key: string): unknown[] | undefined {
    const raw = this.get(key);
    if (raw === undefined || Array.isArray(raw)) return raw;
    return this.fail(key, 'a list', raw);
  }

  /** A list of non-empty text; each bad item is reported at its index, and then the whole list is undefined. */
  textList(key: string): string[] | undefined {
    const items = this.list(key);
    if (!items) return undefined;
    let ok = true;
    items.forEach((item, index) => {
      if (typeof item === 'string' && item !== '') return;
      this.fail(key, 'a list of non-empty text', item, [index]);
      ok = false;
    });
    return ok ? (items as string[]) : undefined;
  }
}
