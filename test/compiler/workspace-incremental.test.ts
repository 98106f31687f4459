// The incremental workspace against a from-scratch compile: after every edit of a
// random sequence (rule edits, schema and settings edits, directory edits, files
// added and removed, stray characters), a long-lived workspace — which re-checks
// only the files whose parse or whose project facts changed — gives exactly the
// diagnostics, IR and semantic model that the stages run one after the other give
// over the same texts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProject, type SourceText } from '../../compiler/compile';
import { Workspace } from '../../compiler/workspace';

const SCHEMA = `schema lead {
  source: choice("web", "phone", "mail")
  score: number
  zip: text
}

schema user {
  grade: choice("A", "B")
  max_open: number
}
`;

const SETTINGS = `settings {
  timezone "Europe/Berlin"
  unmatched queue "triage"
}
`;

const rule = (name: string, priority: number, when: string, pool: string, tail = 'fallback queue "triage"') =>
  `rule "${name}" {\n  priority ${priority}\n  on lead.created, lead.updated(score)\n  when ${when}\n  ${pool}\n  distribute round_robin\n  ${tail}\n}\n`;

const FILES: SourceText[] = [
  { file: 'rules/a.dist', text: [rule('Web', 10, 'lead.source == "web" and lead.score > 10', 'assign users "ana@x.test"'), rule('Phone', 20, 'lead.source == "phone"', 'assign teams "East"')].join('\n') },
  { file: 'rules/b.dist', text: [rule('High', 30, 'lead.score >= 80', 'assign users where user.grade == "A"'), rule('Zip', 40, 'lead.zip in ["1", "2"]', 'assign users "bob@x.test"')].join('\n') },
  { file: 'rules/c.dist', text: rule('All', 50, 'lead.score >= 0', 'assign users "ana@x.test", "bob@x.test"', 'fallback queue "triage" retry every 5m for 1h') },
  { file: 'rules/schema.dist', text: SCHEMA },
  { file: 'rules/settings.dist', text: SETTINGS },
];

const DIRECTORY = `users:
  - id: ana@x.test
    name: Ana
    teams: [East]
    fields: { grade: A, max_open: 5 }
  - id: bob@x.test
    name: Bob
    fields: { grade: B, max_open: 3 }
teams:
  - name: East
    members: [ana@x.test]
`;

/** Edits that change what the checks see: [find, replace] on whichever file holds `find`. */
const REPLACEMENTS: Array<[string, string]> = [
  ['priority 20', 'priority 10'],
  ['priority 40', 'priority 30'],
  ['priority 50', 'priority 5'],
  ['lead.score > 10', 'lead.scor > 10'],
  ['lead.score >= 80', 'lead.score >= 80 and lead.score < 10'],
  ['lead.score >= 0', 'lead.score >= 100'],
  ['"phone"', '"fax"'],
  ['rule "Zip"', 'rule "Web"'],
  ['rule "All"', 'rule "all"'],
  ['"ana@x.test"', '"ann@x.test"'],
  ['"East"', '"West"'],
  ['user.grade == "A"', 'user.grade == "C"'],
  ['retry every 5m for 1h', 'retry every 10m for 1h'],
  ['fallback queue "triage"\n}', 'fallback queue "triage" retry every 1m for 2h\n}'],
  ['distribute round_robin', 'distribute roundrobin'],
  ['  zip: text\n', ''],
  ['  score: number\n', '  score: text\n'],
  ['"mail")', '"mail", "fax")'],
  ['  max_open: number\n', '  max_open: number\n  quality: number\n'],
  ['timezone "Europe/Berlin"', 'timezone "Mars/Base"'],
  ['  unmatched queue "triage"\n', '  capacity user.max_open\n  unmatched queue "triage"\n'],
];

const DIRECTORY_EDITS: Array<[string, string]> = [
  ['- id: bob@x.test', '- id: rob@x.test'],
  ['grade: A', 'grade: Z'],
  ['  - name: East\n', '  - name: West\n'],
  ['max_open: 3', 'max_open: none'],
];

type Edit =
  | { kind: 'replace'; which: number; undo: boolean }
  | { kind: 'directory'; which: number; undo: boolean }
  | { kind: 'stray'; file: number; at: number; char: string }
  | { kind: 'remove'; file: number }
  | { kind: 'restore'; file: number }
  | { kind: 'copy'; file: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('replace' as const), which: fc.nat(REPLACEMENTS.length - 1), undo: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('directory' as const), which: fc.nat(DIRECTORY_EDITS.length - 1), undo: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('stray' as const), file: fc.nat(FILES.length - 1), at: fc.nat(400), char: fc.constantFrom('{', '}', '"', 'x', ' ', '\n', '.') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), file: fc.nat(FILES.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const), file: fc.nat(FILES.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('copy' as const), file: fc.nat(FILES.length - 1) }) },
);

/** Applies `e` to the texts (and to the workspace the same way). */
function apply(e: Edit, texts: Map<string, string>, directory: { text: string }, ws: Workspace): void {
  const setFile = (file: string, text: string) => {
    texts.set(file, text);
    ws.setFile(file, text);
  };
  switch (e.kind) {
    case 'replace': {
      const [from, to] = e.undo ? [...REPLACEMENTS[e.which]!].reverse() : REPLACEMENTS[e.which]!;
      const file = [...texts.keys()].find((f) => texts.get(f)!.includes(from!));
      if (file) setFile(file, texts.get(file)!.replace(from!, to!));
      return;
    }
    case 'directory': {
      const [from, to] = e.undo ? [...DIRECTORY_EDITS[e.which]!].reverse() : DIRECTORY_EDITS[e.which]!;
      directory.text = directory.text.replace(from!, to!);
      ws.setDirectory({ file: 'directory.yaml', text: directory.text });
      return;
    }
    case 'stray': {
      const { file } = FILES[e.file]!;
      const text = texts.get(file);
      if (text === undefined) return;
      const at = e.at % (text.length + 1);
      setFile(file, text.slice(0, at) + e.char + text.slice(at));
      return;
    }
    case 'remove':
      texts.delete(FILES[e.file]!.file);
      ws.deleteFile(FILES[e.file]!.file);
      return;
    case 'restore':
      setFile(FILES[e.file]!.file, FILES[e.file]!.text);
      return;
    case 'copy': {
      const text = texts.get(FILES[e.file]!.file);
      if (text !== undefined) setFile(`rules/copy-${e.file}.dist`, text);
    }
  }
}

describe('the incremental workspace', () => {
  it('gives, after every edit, what the stages give from scratch', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        const texts = new Map(FILES.map((f) => [f.file, f.text]));
        const directory = { text: DIRECTORY };
        const ws = new Workspace(FILES, { file: 'directory.yaml', text: DIRECTORY });
        expect(ws.check().model.rules).toHaveLength(5);
        for (const e of edits) {
          apply(e, texts, directory, ws);
          const incremental = ws.check();
          const input = { sources: [...texts].map(([file, text]) => ({ file, text })), directory: { file: 'directory.yaml', text: directory.text } };
          // Stopping after the last stage runs every stage in turn over a fresh context.
          const fresh = compileProject(input, { stopAfter: 'analyse' });
          expect(incremental.diagnostics).toEqual(fresh.diagnostics);
          expect(incremental.program).toEqual(fresh.program);
          const reference = new Workspace(input.sources, input.directory).check({ stopAfter: 'analyse' });
          expect(incremental.model.occurrences).toEqual(reference.model.occurrences);
          expect(incremental.model.rules.map((r) => [r.id, r.index, r.entity, r.status])).toEqual(reference.model.rules.map((r) => [r.id, r.index, r.entity, r.status]));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('re-checks only the edited rule while the schemas, settings and directory stay the same', () => {
    const ws = new Workspace(FILES, { file: 'directory.yaml', text: DIRECTORY });
    const first = ws.check();
    const units = (file: string) => first.model.rules.filter((r) => r.file === file);
    ws.setFile('rules/a.dist', FILES[0]!.text.replace('priority 20', 'priority 21'));
    const second = ws.check();
    const rulesOf = (result: typeof first, file: string) => result.model.rules.filter((r) => r.file === file);
    expect(rulesOf(second, 'rules/b.dist')).toEqual(units('rules/b.dist'));
    expect(rulesOf(second, 'rules/b.dist')[0]).toBe(units('rules/b.dist')[0]);
    // `Web` is the same text at the same place; `Phone` is the edited rule.
    expect(rulesOf(second, 'rules/a.dist')[0]).toBe(units('rules/a.dist')[0]);
    expect(rulesOf(second, 'rules/a.dist')[1]).not.toBe(units('rules/a.dist')[1]);
    expect(ws.file('rules/a.dist')!.parsed.ast.declarations[0]).toBe(first.files.find((f) => f.file === 'rules/a.dist')!.declarations[0]);
    // An edit that moves the rules after it re-checks them.
    ws.setFile('rules/a.dist', FILES[0]!.text.replace('priority 10', 'priority 100'));
    expect(rulesOf(ws.check(), 'rules/a.dist')[1]).not.toBe(rulesOf(second, 'rules/a.dist')[1]);
    ws.setFile('rules/schema.dist', SCHEMA.replace('  zip: text\n', '  zip: text\n  city: text\n'));
    expect(rulesOf(ws.check(), 'rules/b.dist')[0]).not.toBe(units('rules/b.dist')[0]);
  });
});
