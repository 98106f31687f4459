// The values a text (or choice) field may still take under a conjunction of
// tests: an optional finite list of allowed values, excluded values, required and
// forbidden prefixes and suffixes. `pick` finds a value or proves there is none:
// with a finite list it filters it; otherwise it builds P + c…c + S from the
// longest required prefix P and suffix S and a filler character c that occurs in
// no affix, which escapes every forbidden affix that P and S do not already carry,
// and varies the filler's length to miss every excluded value.

/** Immutable: every operation returns a new domain. */
export interface TextDomain {
  /** Null: any text. */
  only: readonly string[] | null;
  not: readonly string[];
  prefixes: readonly string[];
  notPrefixes: readonly string[];
  suffixes: readonly string[];
  notSuffixes: readonly string[];
}

/** Any text; `options` for a choice field. */
export function textDomain(options: readonly string[] | null): TextDomain {
  return { only: options, not: [], prefixes: [], notPrefixes: [], suffixes: [], notSuffixes: [] };
}

/** Keeps only `values`. */
export function textOnly(d: TextDomain, values: readonly string[]): TextDomain {
  if (d.only === null) return { ...d, only: values.length === 1 ? values : [...new Set(values)] };
  return { ...d, only: d.only.filter((v) => values.includes(v)) };
}

/** Removes `values`. */
export function textNot(d: TextDomain, values: readonly string[]): TextDomain {
  const added = values.filter((v) => !d.not.includes(v));
  return added.length === 0 ? d : { ...d, not: [...d.not, ...added] };
}

/** Requires (or forbids) a prefix or a suffix. */
export function textAffix(d: TextDomain, side: 'prefix' | 'suffix', text: string, required: boolean): TextDomain {
  if (side === 'prefix') return required ? { ...d, prefixes: [...d.prefixes, text] } : { ...d, notPrefixes: [...d.notPrefixes, text] };
  return required ? { ...d, suffixes: [...d.suffixes, text] } : { ...d, notSuffixes: [...d.notSuffixes, text] };
}

/** True when `v` satisfies every test of the domain. */
export function textAllows(d: TextDomain, v: string): boolean {
  if (d.only !== null && !d.only.includes(v)) return false;
  if (d.not.includes(v)) return false;
  if (!d.prefixes.every((p) => v.startsWith(p)) || d.notPrefixes.some((p) => v.startsWith(p))) return false;
  return d.suffixes.every((s) => v.endsWith(s)) && !d.notSuffixes.some((s) => v.endsWith(s));
}

/** True when the domain is any text but a few excluded values (never empty). */
export function textUnbounded(d: TextDomain): boolean {
  return d.only === null && d.prefixes.length === 0 && d.suffixes.length === 0 && d.notPrefixes.length === 0 && d.notSuffixes.length === 0;
}

/** A value of the domain, or null when it is empty. */
export function textPick(d: TextDomain): string | null {
  if (d.only !== null) return d.only.find((v) => textAllows(d, v)) ?? null;
  const prefix = longest(d.prefixes);
  const suffix = longest(d.suffixes);
  if (!d.prefixes.every((p) => prefix.startsWith(p)) || !d.suffixes.every((s) => suffix.endsWith(s))) return null;
  if (d.notPrefixes.some((p) => prefix.startsWith(p)) || d.notSuffixes.some((s) => suffix.endsWith(s))) return null;
  const affixes = [...d.prefixes, ...d.suffixes, ...d.notPrefixes, ...d.notSuffixes];
  const filler = fillerFor(affixes);
  // A plain word first where no affix is asked for, so that witnesses read naturally.
  const plain = affixes.length === 0 ? ['example', 'other'] : [];
  for (const candidate of [...plain, prefix + suffix]) if (textAllows(d, candidate)) return candidate;
  for (let k = 1; k <= d.not.length + 1; k++) {
    const candidate = prefix + filler.repeat(k) + suffix;
    if (textAllows(d, candidate)) return candidate;
  }
  return null;
}

function longest(list: readonly string[]): string {
  return list.reduce((a, b) => (b.length > a.length ? b : a), '');
}

/** A character that occurs in none of `texts`. */
function fillerFor(texts: readonly string[]): string {
  const used = new Set(texts.join(''));
  for (const c of 'xyzqwkjv_') if (!used.has(c)) return c;
  for (let code = 0x41; ; code++) if (!used.has(String.fromCharCode(code))) return String.fromCharCode(code);
}
