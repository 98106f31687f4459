// "Did you mean …?": the closest known name to a misspelt one, by edit distance.
// Used by every "unknown …" diagnostic; the suggestion also goes into `data`, with
// the fix that replaces the misspelt name, so that an editor can offer it as a
// quick fix.
import type { Name, StringLit } from './ast';
import type { DiagnosticData } from './diagnostics';

/** Edit distance (insert, delete, substitute, swap of neighbours) between two strings. */
export function editDistance(a: string, b: string): number {
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  let prevPrev: number[] = prev;
  for (let i = 1; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2]! + 1);
      row.push(d);
    }
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The candidate closest to `name`, or null when none is close enough: a
 * case-insensitive match wins, else the smallest edit distance up to a third of
 * the name's length (at most 3, so names under three characters get only case
 * matches); ties go to the earlier candidate.
 */
export function closest(name: string, candidates: Iterable<string>): string | null {
  const lower = name.toLowerCase();
  const limit = Math.min(3, Math.floor(name.length / 3));
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const c = candidate.toLowerCase();
    if (c === lower) return candidate;
    if (Math.abs(c.length - lower.length) > limit) continue;
    const d = editDistance(lower, c);
    if (d <= limit && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** `; did you mean X?` with X formatted by `show`, or the fallback advice, ready to append to a message. */
export function didYouMean(suggestion: string | null, show: (s: string) => string, otherwise: string): string {
  return suggestion === null ? `; ${otherwise}` : `; did you mean ${show(suggestion)}?`;
}

/**
 * `data` for a diagnostic that carries a suggestion (nothing when there is none):
 * the suggestion, and with the misspelt `target` (a name, or a string literal that
 * keeps its quotes) the fix that puts the suggestion in its place.
 */
export function suggestionData(suggestion: string | null, target?: Name | StringLit): { data?: DiagnosticData } {
  if (suggestion === null) return {};
  if (!target) return { data: { suggestion } };
  const newText = target.kind === 'String' ? JSON.stringify(suggestion) : suggestion;
  return { data: { suggestion, fix: { title: `change to \`${suggestion}\``, edits: [{ span: target.span, newText }] } } };
}
