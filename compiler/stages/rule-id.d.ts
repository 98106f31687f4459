/**
 * The id of a rule named `name`: compatibility-normalised (NFKD, so `①` → `1`),
 * accents dropped from Latin letters (`é` → `e`), lower-case, letters and digits
 * of every script kept as they are (`Лиды` → `лиды`), every other run of
 * characters turned into one `-`, no leading or trailing `-`. A name with no
 * letter or digit gets the id `rule`.
 *
 * `"High-score web leads"` → `high-score-web-leads`.
 */
export declare function ruleId(name: string): string;
