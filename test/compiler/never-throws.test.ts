// Property: compileProject returns (never throws) for any input — random text,
// token soup that gets past the parser into the checks, and damaged copies of
// the LANGUAGE.md tour — and its result is always well formed.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compileProject, type CompileInput } from '../../compiler/compile';
import { Program } from '../../compiler/ir';
import { readFixture } from './fixtures';

const TOUR = readFixture(new URL('../golden/compile/tour', import.meta.url).pathname);

const WORDS = [
  'rule', '"R"', '"S"', '{', '}', '(', ')', '[', ']', ',', '.', ':', '=', 'priority', '10', '0', '1.5', 'on', 'lead',
  'user', 'payload', 'created', 'updated', 'when', 'and', 'or', 'not', '==', '<', '>=', '+', '-', '*', '??', 'in',
  'contains', 'between', 'is', 'set', 'assign', 'users', 'teams', 'groups', 'anyone', 'where', 'distribute', 'weighted',
  'by', 'score', 'ordered', 'desc', 'round_robin', 'take', 'min', 'max', 'require', 'capacity', 'workday', 'within',
  'fallback', 'queue', 'reassign', 'after', '60m', '0s', 'schema', 'text', 'number', 'choice', 'list', 'settings',
  'timezone', 'quota', 'daily', 'map', 'from', 'scope', 'team', 'status', 'draft', '__proto__', 'constructor', 'score',
  'lower', 'trim', 'distance', '\n',
];

const tokenSoup = fc.array(fc.constantFrom(...WORDS), { maxLength: 80 }).map((ws) => ws.join(' '));

const CLAUSES = [
  'priority 10', 'priority 1.5', 'on lead.created', 'on lead.updated(score, status)', 'on user.created, lead.nope',
  'when lead.score > 1', 'when lead.score == "x" and user.grade', 'when (lead.a ?? 1) in [1, "a"]', 'when not lead.score',
  'assign users "a", "b"', 'assign users where user.grade == lead.status', 'assign teams "T"', 'assign groups "G"',
  'assign anyone', 'assign users "a" where distance(lead.location, user.location) < 5', 'distribute round_robin',
  'distribute weighted { "a": 1, "b": 0 }', 'distribute weighted by user.grade { "A": 2 }', 'distribute score -user.open_load',
  'distribute ordered by user.last_assigned_at, user.name desc', 'distribute nope', 'take 3 min 2', 'take 0 min 5',
  'require capacity, workday within 48h', 'fallback user "a"', 'fallback queue "q" retry every 15m for 24h',
  'reassign after 60m when lead.status == "New" max 2', 'status draft', 'status nope', 'scope team "T"',
  'description "d"',
];

const SCHEMA = 'schema lead { score: number\n status: choice("New", "Old")\n location: geo }\n' +
  'schema user { grade: choice("A", "B")\n location: geo\n cap: number }\nsettings { capacity user.cap }\n';

/** Rule-shaped text: real clauses in random order and number, so the later stages run. */
const ruleShaped = fc
  .array(fc.tuple(fc.constantFrom('"R"', '"S"', '"r"'), fc.array(fc.constantFrom(...CLAUSES), { maxLength: 8 })), { maxLength: 5 })
  .map((rules) => SCHEMA + rules.map(([name, clauses]) => `rule ${name} {\n  ${clauses.join('\n  ')}\n}\n`).join(''));

const DIRECTORY = 'users:\n  - { id: a, name: A, teams: [T], fields: { grade: A } }\nteams:\n  - { name: T, members: [a] }\n';

/** The tour with a few random edits (deletions and insertions of tour words). */
const damagedTour = fc
  .array(fc.tuple(fc.nat(), fc.nat({ max: 20 }), fc.constantFrom(...WORDS)), { minLength: 1, maxLength: 4 })
  .map((edits): CompileInput => {
    const sources = TOUR.sources.map((s) => ({ ...s }));
    for (const [at, cut, word] of edits) {
      const source = sources[at % sources.length]!;
      const pos = at % (source.text.length + 1);
      source.text = source.text.slice(0, pos) + (cut % 2 ? ` ${word} ` : '') + source.text.slice(pos + cut);
    }
    return { sources, directory: TOUR.directory };
  });

function compilesCleanly(input: CompileInput): void {
  const result = compileProject(input);
  expect(Array.isArray(result.diagnostics)).toBe(true);
  if (result.program) Program.parse(result.program);
  else expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
}

describe('compileProject never throws', () => {
  test('on random text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 200 }), { minLength: 1, maxLength: 3 }), fc.option(fc.string()), (texts, dir) => {
        compilesCleanly({
          sources: texts.map((text, i) => ({ file: `rules/${i}.dist`, text })),
          directory: dir === null ? null : { file: 'directory.yaml', text: dir },
        });
      }),
      { numRuns: 100 },
    );
  });

  test('on token soup', () => {
    fc.assert(
      fc.property(fc.array(tokenSoup, { minLength: 1, maxLength: 3 }), (texts) => {
        compilesCleanly({ sources: texts.map((text, i) => ({ file: `rules/${i}.dist`, text })) });
      }),
      { numRuns: 300 },
    );
  });

  test('on rule-shaped text', () => {
    fc.assert(
      fc.property(ruleShaped, fc.boolean(), (text, withDirectory) => {
        compilesCleanly({
          sources: [{ file: 'rules/a.dist', text }],
          directory: withDirectory ? { file: 'directory.yaml', text: DIRECTORY } : null,
        });
      }),
      { numRuns: 300 },
    );
  });

  test('on a damaged tour', () => {
    fc.assert(fc.property(damagedTour, compilesCleanly), { numRuns: 100 });
  });
});
