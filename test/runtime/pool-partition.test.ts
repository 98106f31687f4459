// Differential test of dynamic pools: the pool resolved through the per-directory
// partition (directory-only `where` conjuncts evaluated once per directory, keyed
// conjuncts looked up in an index, pools reused between records) is the pool the
// straightforward walk finds — every user sorted by id, the whole `where` on
// each, inactive users dropped — on random directories and several records each.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexDirectory, type IndexedUser } from '../../runtime/directory-index';
import type { EvalContext } from '../../runtime/evaluator/context';
import { holds } from '../../runtime/evaluator/reference';
import { resolvePool } from '../../runtime/pools';
import { indexProgram } from '../../runtime/program-index';
import { compileSnippet } from './helpers';

const WHERES = [
  'user.role == "Sales" and lead.language in user.languages',
  'lead.language in user.languages and user.grade in ["A", "B"]',
  'user.role != "Ops" or lead.score > 50',
  'user.role == "Sales" and user.grade == "A"',
  'user.open_load < 3 and user.role == "Sales"',
  'lead.zip in user.service_zips and user.role == "Sales"',
  'user.service_zips contains lead.zip',
  'user.role == lead.status',
  'lead.status == user.role and lead.score > 50',
  'lead.zip in user.service_zips and lead.language in user.languages and user.open_load < 3',
  'lead.status != "Ops" and user.role == lead.status and user.grade != "C"',
  'not (lead.zip in user.service_zips) or user.grade == "A"',
];

const userArb = fc.record({
  role: fc.constantFrom('Sales', 'Ops', 'Support'),
  grade: fc.constantFrom('A', 'B', 'C'),
  languages: fc.subarray(['en', 'hi', 'de']),
  zips: fc.option(fc.subarray(['z1', 'z2', 'z3']), { nil: undefined }),
  active: fc.boolean(),
});

const recordArb = fc.record({
  language: fc.constantFrom('en', 'hi', 'fr'),
  score: fc.integer({ min: 0, max: 100 }),
  zip: fc.option(fc.constantFrom('z1', 'z2', 'z4'), { nil: undefined }),
  status: fc.option(fc.constantFrom('Sales', 'Ops', 'Sal'), { nil: undefined }),
});

describe('dynamic pools through the directory partition', () => {
  it('equal the straightforward walk over every user', () => {
    fc.assert(
      fc.property(fc.constantFrom(...WHERES), fc.array(userArb, { maxLength: 30 }), fc.array(recordArb, { minLength: 1, maxLength: 4 }), (where, users, records) => {
        const zips = (u: (typeof users)[number]) => (u.zips === undefined ? '' : `, service_zips: [${u.zips.join(', ')}]`);
        const yaml = `users:\n${users.map((u, i) => `  - { id: u${String(i).padStart(2, '0')}, name: U${i}, active: ${u.active}, fields: { role: ${u.role}, grade: ${u.grade}, languages: [${u.languages.join(', ')}]${zips(u)} } }`).join('\n')}\n`;
        const { program, directory } = compileSnippet(`rule "R" {\n  priority 1\n  on lead.created\n  assign users where ${where}\n  distribute round_robin\n}\n`, users.length ? yaml : 'users: []\n');
        const compiled = indexProgram(program).rules[0]!;
        const dir = indexDirectory(directory);
        const rule = program.rules[0]!;
        const poolWhere = rule.pool.kind === 'dynamic' ? rule.pool.where : null;
        for (const fields of records) {
          const ctx: EvalContext = { entity: 'lead', record: { id: 'L', owner: undefined, fields }, user: null, payload: null, now: 0 };
          const pool = resolvePool(compiled, dir, ctx, (u: IndexedUser) => u.base);
          const passing = dir.sortedUsers.filter((u) => holds(poolWhere!, { ...ctx, user: u.base }));
          expect(pool.users).toEqual(passing.filter((u) => u.user.active).map((u) => u.user.id));
          expect(pool.trace.dropped).toEqual(passing.filter((u) => !u.user.active).map((u) => ({ user: u.user.id, reason: 'inactive' })));
          expect(pool.trace.whereFalse).toBe(dir.sortedUsers.length - passing.length);
        }
      }),
      { numRuns: 150 },
    );
  });
});
