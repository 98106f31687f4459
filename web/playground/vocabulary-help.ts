// Completion and hover over the language's own vocabulary (language/vocabulary.ts):
// every keyword, method, function, status, requirement and period with its
// one-line doc. Words that several tables name (`weighted`, `score`) show each
// meaning.
import { CLAUSES, DECLARATIONS, EVENT_KINDS, FUNCTIONS, METHODS, OPERATORS, OTHER_KEYWORDS, QUOTA_PERIODS, REQUIREMENTS, SETTINGS, STATUSES, TRIGGERS, VOLUME_PERIODS, type Word } from '../../language/vocabulary';
import type { Completion, HoverInfo } from './protocol';

const TABLES: [readonly Word[], Completion['kind']][] = [
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

/** Every word with its kind and docs, merged across tables. */
const WORDS = new Map<string, Completion>();
for (const [table, kind] of TABLES) {
  for (const word of table) {
    const known = WORDS.get(word.name);
    if (!known) WORDS.set(word.name, { label: word.name, kind, doc: word.doc });
    else if (!known.doc.includes(word.doc)) known.doc = `${known.doc}\n\n${word.doc}`;
  }
}

/** Every word of the language, for the highlighter. */
export function vocabularyWords(kind?: Completion['kind']): string[] {
  return [...WORDS.values()].filter((w) => kind === undefined || w.kind === kind).map((w) => w.label);
}

const WORD_CHAR = /[A-Za-z0-9_]/;

/** The word around `offset` and its span. */
function wordAt(text: string, offset: number): { word: string; start: number; end: number } | null {
  let start = offset;
  let end = offset;
  while (start > 0 && WORD_CHAR.test(text[start - 1] as string)) start--;
  while (end < text.length && WORD_CHAR.test(text[end] as string)) end++;
  return start === end ? null : { word: text.slice(start, end), start, end };
}

/** The words that start with what is typed before `offset` (all of them after a space). */
export function completionsAt(text: string, offset: number): Completion[] {
  let start = offset;
  while (start > 0 && WORD_CHAR.test(text[start - 1] as string)) start--;
  const prefix = text.slice(start, offset);
  return [...WORDS.values()].filter((w) => w.label.startsWith(prefix));
}

/** The doc of the word under `offset`, or null. */
export function hoverAt(text: string, offset: number): HoverInfo | null {
  const at = wordAt(text, offset);
  const word = at && WORDS.get(at.word);
  if (!at || !word) return null;
  return { markdown: `**${word.label}** (${word.kind})\n\n${word.doc}`, start: at.start, end: at.end };
}
