// The vocabulary is the one table of the language's words: every entry has a
// one-line doc, every word is in the language reference, the lexer's keywords are
// exactly its keyword tables, and every function and method it names is one the
// compiler and runtime know.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileProject } from '../../compiler/compile';
import { SIGNATURES } from '../../compiler/stages/functions';
import { KEYWORDS } from '../../language/tokens';
import * as vocabulary from '../../language/vocabulary';
import { METHODS } from '../../runtime/methods';

const TABLES = {
  declarations: vocabulary.DECLARATIONS,
  clauses: vocabulary.CLAUSES,
  settings: vocabulary.SETTINGS,
  operators: vocabulary.OPERATORS,
  'other keywords': vocabulary.OTHER_KEYWORDS,
  methods: vocabulary.METHODS,
  functions: vocabulary.FUNCTIONS,
  statuses: vocabulary.STATUSES,
  requirements: vocabulary.REQUIREMENTS,
  'quota periods': vocabulary.QUOTA_PERIODS,
  'volume periods': vocabulary.VOLUME_PERIODS,
  triggers: vocabulary.TRIGGERS,
  'event kinds': vocabulary.EVENT_KINDS,
} as const;

const reference = readFileSync(new URL('../../docs/language.md', import.meta.url), 'utf8');

describe.each(Object.entries(TABLES))('%s', (_name, table) => {
  it('has unique names, each with a one-line doc', () => {
    const names = table.map((w) => w.name);
    expect(new Set(names).size).toBe(names.length);
    for (const word of table) {
      expect(word.doc, word.name).toMatch(/^[^\n]{10,140}[.)]$/);
    }
  });

  it('is in the language reference', () => {
    for (const word of table) expect(reference, word.name).toMatch(new RegExp(`\\b${word.name}\\b`));
  });
});

describe('derived lists', () => {
  it('the lexer keywords are the keyword tables', () => {
    const tables = [vocabulary.OPERATORS, vocabulary.DECLARATIONS, vocabulary.CLAUSES, vocabulary.SETTINGS, vocabulary.OTHER_KEYWORDS];
    expect(new Set(KEYWORDS)).toEqual(new Set(tables.flatMap((t) => t.map((w) => w.name))));
  });

  it('every function has a signature', () => {
    for (const fn of vocabulary.FUNCTIONS) {
      expect(SIGNATURES.get(fn.name)?.params, fn.name).toBeDefined();
      expect(SIGNATURES.get(fn.name)?.mapOnly).toBe(fn.mapOnly);
    }
  });

  it('every method compiles to one the runtime implements', () => {
    const schema = 'schema lead {\n  x: text\n}\nschema user {\n  grade: choice("A")\n  rank: number\n}\n';
    for (const method of vocabulary.METHODS) {
      const written = {
        weighted: 'weighted { "a@x.test": 1 }',
        score: 'score user.rank',
        ordered: 'ordered by user.rank',
      }[method.name as string] ?? method.name;
      // What the marketplace methods rank by: the rule's `turnover`, the settings' `quota total`.
      const turnover = method.name === 'max_turnover' ? '  turnover user.rank\n' : '';
      const settings = method.name === 'max_lead_count' ? 'settings {\n  quota total 5\n}\n' : '';
      const rule = `rule "r" {\n  priority 1\n  on lead.created\n  assign users "a@x.test"\n  distribute ${written}\n${turnover}}\n`;
      const result = compileProject({ sources: [{ file: 'rules/a.dist', text: schema + settings + rule }] });
      expect(result.diagnostics.filter((d) => d.severity === 'error'), method.name).toEqual([]);
      const kind = result.program!.rules[0]!.method.kind;
      expect(Object.hasOwn(METHODS, kind), kind).toBe(true);
    }
  });
});
