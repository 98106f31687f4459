// Decoding of literal tokens: JSON-escaped strings, numbers with digit-group
// underscores, and durations. Each check returns what is wrong in user terms; the
// lexer turns that into a diagnostic and the AST builder reuses the values.
// `parseDuration` is the one duration parser of the product: dist.yaml, scenario
// suites, directory values and HTTP bodies read durations with it too.

/** A string token decoded: its value, whether it was closed, and the first bad escape. */
export interface DecodedString {
  value: string;
  terminated: boolean;
  /** Offset and length, within the token, of the first invalid escape; null when all are valid. */
  badEscape: { at: number; length: number } | null;
}

const SIMPLE_ESCAPES = new Map([['"', '"'], ['\\', '\\'], ['/', '/'], ['b', '\b'], ['f', '\f'], ['n', '\n'], ['r', '\r'], ['t', '\t']]);
const HEX4 = /^[0-9A-Fa-f]{4}$/;

/** Decodes a string token's image (`"…"`, possibly unterminated) with JSON escapes. */
export function decodeString(raw: string): DecodedString {
  const plainEnd = raw.length - 1;
  if (raw.length >= 2 && raw.charCodeAt(plainEnd) === 34 && raw.indexOf('\\') < 0) {
    return { value: raw.slice(1, plainEnd), terminated: true, badEscape: null };
  }
  let value = '';
  let badEscape: DecodedString['badEscape'] = null;
  let i = 1;
  while (i < raw.length) {
    const c = raw[i]!;
    if (c === '"') return { value, terminated: true, badEscape };
    if (c !== '\\') {
      value += c;
      i++;
      continue;
    }
    const next = raw[i + 1];
    const simple = next === undefined ? undefined : SIMPLE_ESCAPES.get(next);
    if (simple !== undefined) {
      value += simple;
      i += 2;
    } else if (next === 'u' && HEX4.test(raw.slice(i + 2, i + 6))) {
      value += String.fromCharCode(parseInt(raw.slice(i + 2, i + 6), 16));
      i += 6;
    } else {
      const length = next === undefined ? 1 : 2;
      badEscape ??= { at: i, length };
      value += raw.slice(i, i + length);
      i += length;
    }
  }
  return { value, terminated: false, badEscape };
}

const NUMBER = /^[0-9]+(?:_[0-9]+)*(?:\.[0-9]+(?:_[0-9]+)*)?$/;
/** Duration units in milliseconds. `.dist` literals use s, m, h and d; files and HTTP bodies may also say ms. */
const UNIT_MS = new Map([['ms', 1], ['s', 1000], ['m', 60_000], ['h', 3_600_000], ['d', 86_400_000]]);
const LITERAL_UNITS = new Set(['s', 'm', 'h', 'd']);
const DURATION_TEXT = /^([0-9][0-9_.]*)(ms|s|m|h|d)$/;

/** Why a number token is malformed, or null when it is a valid number. */
export function numberProblem(raw: string): string | null {
  if (NUMBER.test(raw)) return null;
  return `invalid number \`${raw}\`; underscores may only separate digits, as in \`750_000\``;
}

/** Why a duration-shaped token (digits followed by letters) is malformed, or null. */
export function durationProblem(raw: string): string | null {
  const split = raw.search(/[A-Za-z]/);
  const unit = raw.slice(split);
  if (!LITERAL_UNITS.has(unit)) {
    return `invalid literal \`${raw}\`; a duration is a number followed by \`s\`, \`m\`, \`h\` or \`d\`, as in \`30m\``;
  }
  return numberProblem(raw.slice(0, split));
}

/** The value of a valid number token. */
export function numberValue(raw: string): number {
  return Number(raw.includes('_') ? raw.replaceAll('_', '') : raw);
}

/** Milliseconds of a valid duration token, rounded to a whole millisecond. */
export function durationMs(raw: string): number {
  return parseDuration(raw)!;
}

/**
 * Parses a duration (`250ms`, `30s`, `60m`, `1.5h`, `7d`, digit groups as in
 * `1_000ms`) to whole milliseconds; null when it is not one.
 */
export function parseDuration(text: string): number | null {
  const match = DURATION_TEXT.exec(text);
  if (!match || numberProblem(match[1]!) !== null) return null;
  return Math.round(numberValue(match[1]!) * UNIT_MS.get(match[2]!)!);
}

/** Duration units from the largest, for printing. */
const PRINT_UNITS: readonly [number, string][] = [
  [86_400_000, 'd'],
  [3_600_000, 'h'],
  [60_000, 'm'],
  [1000, 's'],
];

/** A duration in the largest unit that divides it (`90m`, `2h`); `ms` otherwise. */
export function formatDuration(ms: number): string {
  for (const [size, unit] of PRINT_UNITS) if (ms !== 0 && ms % size === 0) return `${ms / size}${unit}`;
  return `${ms}ms`;
}
