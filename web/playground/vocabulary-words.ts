// The words of the language for the highlighter, by kind, read from the
// language's vocabulary (language/vocabulary.ts).
import { CLAUSES, DECLARATIONS, EVENT_KINDS, FUNCTIONS, METHODS, OPERATORS, OTHER_KEYWORDS, QUOTA_PERIODS, REQUIREMENTS, SETTINGS, STATUSES, TRIGGERS, VOLUME_PERIODS, type Word } from '../../language/vocabulary';

/** How the highlighter colours a word. */
export type WordKind = 'keyword' | 'method' | 'function' | 'value';

const TABLES: [readonly Word[], WordKind][] = [
  [DECLARATIONS, 'keyword'],
  [CLAUSES, 'keyword'],
  [SETTINGS, 'keyword'],
  [OPERATORS, 'keyword'],
  [OTHER_KEYWORDS, 'keyword'],
  [METHODS, 'method'],
  [FUNCTIONS, 'function'],
  [STATUSES, 'value'],
  [REQUIREMENTS, 'value'],
  [QUOTA_PERIODS, 'value'],
  [VOLUME_PERIODS, 'value'],
  [TRIGGERS, 'value'],
  [EVENT_KINDS, 'value'],
];

/** The words of one kind (a word that is also a keyword counts as a keyword only). */
export function vocabularyWords(kind: WordKind): string[] {
  const first = new Map<string, WordKind>();
  for (const [table, k] of TABLES) for (const w of table) if (!first.has(w.name)) first.set(w.name, k);
  return [...first].filter(([, k]) => k === kind).map(([name]) => name);
}
