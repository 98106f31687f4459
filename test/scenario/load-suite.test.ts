// Suite loading: every kind of error at its line and column (golden expectations
// in load-errors.yaml; `UPDATE_GOLDEN=1` rewrites them), and what a valid suite
// becomes (defaults, single-step cases, merged `given`).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { DEFAULT_NOW, loadSuite } from '../../scenario/load-suite';
import { DIRECTORY_TEXT, load, program } from './fixtures';

const GOLDEN = fileURLToPath(new URL('./load-errors.yaml', import.meta.url));
const golden = parseDocument(readFileSync(GOLDEN, 'utf8'));
const entries = golden.toJS() as { name: string; suite: string; errors: string[] }[];

async function errorsOf(text: string): Promise<string[]> {
  const result = await loadSuite(
    { file: 'x.test.yaml', text },
    { program: program(), directory: DIRECTORY_TEXT },
  );
  return result.ok ? [] : result.errors.map((e) => `${e.line}:${e.column}: ${e.message}`);
}

describe('suite errors (golden)', () => {
  if (process.env.UPDATE_GOLDEN) {
    it('rewrites load-errors.yaml', async () => {
      for (const [i, entry] of entries.entries()) golden.setIn([i, 'errors'], await errorsOf(entry.suite));
      writeFileSync(GOLDEN, golden.toString({ lineWidth: 0 }));
    });
    return;
  }
  for (const entry of entries) {
    it(entry.name, async () => {
      expect(entry.errors.length).toBeGreaterThan(0);
      expect(await errorsOf(entry.suite)).toEqual(entry.errors);
    });
  }
});

describe('a valid suite', () => {
  it('defaults `now` to Monday 2026-01-05 09:00 in the project time zone', async () => {
    const suite = await load('cases:\n  - name: x\n    event: lead.created\n');
    expect(DEFAULT_NOW).toBe('2026-01-05T09:00:00');
    expect(new Date(suite.nowMs).toISOString()).toBe('2026-01-05T09:00:00.000Z');
  });

  it('turns a single-step case into one step on the case line', async () => {
    const suite = await load('now: "2026-01-05T10:00:00+01:00"\ncases:\n  - name: x\n    event: lead.created\n    repeat: 2\n');
    const [c] = suite.cases;
    expect(c!.line).toBe(3);
    expect(c!.steps).toHaveLength(1);
    expect(c!.steps[0]).toMatchObject({ line: 3, event: { type: 'lead.created', repeat: 2, record: {} }, clock: null });
    expect(new Date(suite.nowMs).toISOString()).toBe('2026-01-05T09:00:00.000Z');
  });

  it('merges given: suite < case < step, fields shallowly, team lists kept in agreement', async () => {
    const suite = await load(`
given:
  users:
    a@x.test: { status: away, checked_in: true }
cases:
  - name: x
    given:
      users:
        a@x.test: { status: busy, fields: { level: 2 } }
    steps:
      - given:
          users:
            b@x.test: { teams: [Red, Blue] }
          teams:
            Blue: { members: [] }
        event: lead.created
      - event: lead.created
`);
    const c = suite.cases[0]!;
    const a = c.directory.users.find((u) => u.id === 'a@x.test')!;
    expect(a).toMatchObject({ status: 'busy', checkedIn: true, fields: { grade: 'one', level: 2 } });
    expect(c.steps[0]!.directory!.teams).toEqual([
      { name: 'Red', members: ['a@x.test', 'b@x.test'] },
      { name: 'Blue', members: ['b@x.test'] },
    ]);
    expect(c.steps[1]!.directory).toBeNull();
  });

  it('reports a `given` the directory loader rejects at that `given`', async () => {
    const errors = await errorsOf('cases:\n  - name: x\n    given:\n      users:\n        a@x.test: { fields: { grade: 3 } }\n    event: lead.created\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^3:5: this `given` makes the directory invalid: users\[0\]\.fields\.grade/);
  });

  it('reads state times and open loads', async () => {
    const suite = await load(`
now: "2026-01-05T10:00:00Z"
given:
  state:
    last_assigned_at: { a@x.test: "2026-01-04T10:00:00Z" }
    open_load: { a@x.test: 2 }
cases:
  - name: x
    given:
      state:
        open_load: { a@x.test: 3, b@x.test: 1 }
    event: lead.created
`);
    expect(suite.cases[0]!.state).toEqual({
      lastAssignedAt: { 'a@x.test': Date.parse('2026-01-04T10:00:00Z') },
      openLoad: { 'a@x.test': 3, 'b@x.test': 1 },
    });
  });
});

describe('aliases in a suite', () => {
  const suite = (cases: number) =>
    `cases:\n${Array.from({ length: cases }, (_, i) => `  - name: c${i}\n    event: ${i === 0 ? '&created ' : '*created'}${i === 0 ? 'lead.created' : ''}\n`).join('')}`;

  it('are read as their anchors', async () => {
    const loaded = await load(suite(3));
    expect(loaded.cases).toHaveLength(3);
  });

  it('stop at 1,000 with one clear error at the first extra alias', async () => {
    const errors = await errorsOf(suite(1002));
    expect(errors).toEqual([`${2 * 1001 + 3}:12: this document has more than 1000 aliases (\`*created\`…); write the values out instead`]);
  });
});
