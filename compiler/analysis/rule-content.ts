// Whether two IR rules say the same thing, wherever they are written: their JSON
// with every `span` left out. The analysis caches use it to carry what they found
// about a rule over to the same rule re-parsed (its file was edited elsewhere).
import type { Rule } from '../ir';

const withoutSpans = (key: string, value: unknown) => (key === 'span' ? undefined : value);

/** True when `a` and `b` are the same rule apart from their places in the source. */
export function sameRule(a: Rule, b: Rule): boolean {
  return a === b || JSON.stringify(a, withoutSpans) === JSON.stringify(b, withoutSpans);
}
