// The fast path of reading YAML: js-yaml turns a text into plain data in a small
// fraction of the time the `yaml` library takes to build its positioned document.
// The scalars resolve as in the `yaml` library's YAML 1.2 core schema (the same
// patterns and values, so `1_000` and `yes` stay text). What the two libraries
// read differently is left to the positioned path (yaml-plain.ts), which checks
// the aliases and places every problem: the fast path takes only texts of the
// plain shapes (`key: value` and `- item` lines, flow collections closed on their
// line, no anchors, tags, block scalars, directives or tabs), without a null as a
// mapping key, that js-yaml reads as one document.
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';

const scalar = (tag: string, test: RegExp, construct: (text: string) => unknown): Type =>
  new Type(`tag:dist.fast,2024:${tag}`, { kind: 'scalar', resolve: (text: unknown) => typeof text === 'string' && test.test(text), construct });

/** The implicit types of the core schema, in the `yaml` library's order. */
const CORE = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar('null', /^(?:~|[Nn]ull|NULL)?$/, () => null),
    scalar('bool', /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (text) => text[0] === 't' || text[0] === 'T'),
    scalar('int-oct', /^0o[0-7]+$/, (text) => parseInt(text.slice(2), 8)),
    scalar('int', /^[-+]?[0-9]+$/, (text) => parseInt(text, 10)),
    scalar('int-hex', /^0x[0-9a-fA-F]+$/, (text) => parseInt(text.slice(2), 16)),
    scalar('float-nan', /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (text) =>
      text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
    ),
    scalar('float-exp', /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (text) => parseFloat(text)),
    scalar('float', /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (text) => parseFloat(text)),
  ],
});

/** A plain scalar on one line: no indicator first, no `#`, no `: ` (`flow`: no `,[]{}` either). */
const PLAIN_BLOCK = /^(?:[^\s\-?:,[\]{}#&*!|>'"%@`]|-(?=[0-9.]))(?:[^\s:#]|:(?=[^\s,[\]{}])| (?=[^\s#]))*/;
const PLAIN_FLOW = /^(?:[^\s\-?:,[\]{}#&*!|>'"%@`]|-(?=[0-9.]))(?:[^\s:#,[\]{}]|:(?=[^\s,[\]{}])| (?=[^\s#,[\]{}]))*/;
const QUOTED = /^(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')/;

/** The length of the quoted or plain scalar at the start of `rest` in a flow collection (0 when there is none). */
function scalarLength(rest: string): number {
  return (QUOTED.exec(rest) ?? PLAIN_FLOW.exec(rest))?.[0].length ?? 0;
}

/** The length of the flow collection, scalar or key at the start of `rest` (0 when it has none of the plain shapes). */
function flowLength(rest: string): number {
  const open = rest[0];
  if (open !== '[' && open !== '{') return scalarLength(rest);
  const close = open === '[' ? ']' : '}';
  let at = 1;
  const spaces = () => {
    while (rest[at] === ' ') at++;
  };
  spaces();
  if (rest[at] === close) return at + 1;
  for (;;) {
    // A key is a scalar: a collection as a key becomes a different text in each library.
    const item = open === '{' ? scalarLength(rest.slice(at)) : flowLength(rest.slice(at));
    if (item === 0) return 0;
    at += item;
    if (open === '{') {
      if (rest[at] !== ':' || rest[at + 1] !== ' ') return 0;
      at += 2;
      spaces();
      const value = flowLength(rest.slice(at));
      if (value === 0) return 0;
      at += value;
    }
    spaces();
    if (rest[at] === close) return at + 1;
    if (rest[at] !== ',' || rest[at + 1] !== ' ') return 0;
    at += 2;
    spaces();
  }
}

/** The length of the value at the start of `rest` as it ends a line (0 when it has none of the plain shapes). */
function valueLength(rest: string): number {
  if (rest[0] === '[' || rest[0] === '{' || rest[0] === '"' || rest[0] === "'") return flowLength(rest);
  return PLAIN_BLOCK.exec(rest)?.[0].length ?? 0;
}

/**
 * True when every line is blank, a comment, `key:`, `key: value` or `- value`
 * (one dash), each value a scalar or a flow collection closed on its line, and
 * every comment set off by a space: the shapes the two libraries read alike.
 */
function plainShapes(text: string): boolean {
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    let rest = line.trimStart();
    if (rest === '' || rest[0] === '#') continue;
    let dash = false;
    if (rest.startsWith('- ')) {
      dash = true;
      rest = rest.slice(2);
    }
    const key = rest[0] === '"' || rest[0] === "'" ? (QUOTED.exec(rest)?.[0].length ?? 0) : (PLAIN_BLOCK.exec(rest)?.[0].length ?? 0);
    if (key > 0 && rest[key] === ':' && (key + 1 === rest.length || rest[key + 1] === ' ')) {
      rest = rest.slice(key + 1).trimStart();
      if (rest === '' || rest[0] === '#') continue;
    } else if (!dash) return false;
    const value = valueLength(rest);
    if (value === 0) return false;
    const after = rest.slice(value);
    if (after !== '' && !/^ +(?:#.*)?$/.test(after)) return false;
  }
  return true;
}

/** True when some mapping of `value` has the key `null` (the `yaml` library reads a null key as the empty text). */
function hasNullKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasNullKey);
  if (value === null || typeof value !== 'object') return false;
  for (const key in value) if (key === 'null' || hasNullKey((value as Record<string, unknown>)[key])) return true;
  return false;
}

/** Thrown from the listener to leave a text with anchors to the positioned path. */
const HAS_ANCHOR = new Error('anchor');

/**
 * The plain value of a one-document YAML text (null for an empty one), or
 * undefined when the fast path cannot vouch for it: then read it with the `yaml`
 * library's positioned document instead.
 */
export function fastPlain(text: string): { value: unknown } | undefined {
  // A tab, even on a line otherwise blank, is read differently by the two libraries (the `yaml` library refuses it as indentation).
  if (text.includes('\t') || !plainShapes(text)) return undefined;
  try {
    const value = load(text, {
      schema: CORE,
      listener(event, state) {
        if (event === 'close' && (state as unknown as { anchor: string | null }).anchor !== null) throw HAS_ANCHOR;
      },
    });
    return hasNullKey(value) ? undefined : { value: value === undefined ? null : value };
  } catch {
    return undefined;
  }
}
