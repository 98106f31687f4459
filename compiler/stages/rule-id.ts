// Stable rule ids: derived from the rule's name only, so that editing any other
// clause keeps a rule's method state (rotation queues, cursors) in place.

/**
 * The id of a rule named `name`: compatibility-normalised (NFKD, so `①` → `1`),
 * accents dropped from Latin letters (`é` → `e`), lower-case, letters and digits
 * of every script kept as they are (`Лиды` → `лиды`), every other run of
 * characters turned into one `-`, no leading or trailing `-`. A name with no
 * letter or digit gets the id `rule`.
 *
 * `"High-score web leads"` → `high-score-web-leads`.
 */
export function ruleId(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'rule' : slug;
}
