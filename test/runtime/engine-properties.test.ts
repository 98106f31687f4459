// Model-based property tests of the engine: whatever the directory does between
// decisions (users going away, checking out, being deactivated), no ineligible
// user is ever assigned, capacity and hourly quotas are never exceeded, weighted
// proportions are exact per full cycle, and a refused event changes no state.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Harness, MINUTE } from './helpers';

const USERS = ['u1', 'u2', 'u3', 'u4', 'u5'];
const HOUR = 60 * MINUTE;

type Op =
  | { kind: 'send' }
  | { kind: 'flip'; user: string; field: 'status' | 'checkedIn' | 'active'; on: boolean }
  | { kind: 'close'; nth: number }
  | { kind: 'advance'; minutes: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ kind: 'send' } as const) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('flip' as const), user: fc.constantFrom(...USERS), field: fc.constantFrom('status' as const, 'checkedIn' as const, 'active' as const), on: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('close' as const), nth: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('advance' as const), minutes: fc.integer({ min: 1, max: 90 }) }) },
);

const limit = fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined });
const userSpec = fc.record({ maxOpen: limit, hourlyCap: limit });

const METHODS = ['round_robin', 'least_recent', 'load_balance', 'random', 'weighted { "u1": 3, "u2": 1, "u3": 2, "u4": 1, "u5": 1 }'];

function project(method: string, specs: { maxOpen?: number; hourlyCap?: number }[]) {
  const rules = `settings {
    timezone "UTC"
    capacity user.max_open
    quota hourly user.hourly_cap
    unmatched queue "triage"
  }
  rule "Pool" {
    priority 1
    on lead.created
    assign users ${USERS.map((u) => `"${u}"`).join(', ')}
    require checked_in, available, capacity
    distribute ${method}
    fallback queue "overflow"
  }`;
  const field = (name: string, v: number | undefined) => (v === undefined ? [] : [`${name}: ${v}`]);
  const yaml = `users:\n${USERS.map((id, i) => {
    const s = specs[i] ?? {};
    const fields = [...field('max_open', s.maxOpen), ...field('hourly_cap', s.hourlyCap)];
    return `  - { id: ${id}, name: ${id}, checked_in: true, fields: { ${fields.join(', ')} } }`;
  }).join('\n')}\n`;
  return { rules, yaml };
}

/** Runs random operations and checks every assignment against a model of the directory, loads and quotas. */
async function checkInvariants(withQuota: boolean): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...METHODS), fc.array(userSpec, { minLength: 5, maxLength: 5 }), fc.array(op, { maxLength: 40 }), async (method, specs, ops) => {
      const { rules, yaml } = project(method, specs);
      const h = new Harness(withQuota ? rules : rules.replace(/quota hourly .*\n/, ''), yaml, { now: '2026-11-23T10:00:00Z' });
      const open = new Map<string, string>(); // record → owner
      const assignedAt: { user: string; at: number }[] = [];
      for (const o of ops) {
        if (o.kind === 'flip') {
          h.setUser(o.user, o.field === 'status' ? { status: o.on ? 'available' : 'away' } : { [o.field]: o.on });
        } else if (o.kind === 'advance') {
          h.now += o.minutes * MINUTE;
        } else if (o.kind === 'close') {
          const record = [...open.keys()][o.nth % Math.max(1, open.size)];
          if (record !== undefined) {
            expect(await h.engine.closeRecord('lead', record)).toBe(true);
            open.delete(record);
          }
        } else {
          const d = await h.send();
          for (const user of d.assigned) {
            const u = h.directory.users.find((x) => x.id === user)!;
            const i = USERS.indexOf(user);
            expect([u.active, u.checkedIn, u.status]).toEqual([true, true, 'available']);
            const load = [...open.values()].filter((x) => x === user).length;
            if (specs[i]?.maxOpen !== undefined) expect(load).toBeLessThan(specs[i]!.maxOpen!);
            const hour = Math.floor(h.now / HOUR);
            const inHour = assignedAt.filter((a) => a.user === user && Math.floor(a.at / HOUR) === hour).length;
            if (withQuota && specs[i]?.hourlyCap !== undefined) expect(inHour).toBeLessThan(specs[i]!.hourlyCap!);
            open.set(d.recordId, user);
            assignedAt.push({ user, at: h.now });
          }
          if (d.assigned.length === 0) expect(d.queue).toBe('overflow');
        }
      }
    }),
    { numRuns: 60 },
  );
}

describe('engine invariants under random directory changes', () => {
  it('never assigns an ineligible user and never exceeds capacity', () => checkInvariants(false));

  it('never exceeds an hourly quota', () => checkInvariants(true));

  it('gives each key exactly its weight per full weighted cycle', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 3 }), async (weights, cycles) => {
        const users = weights.map((_, i) => `u${i + 1}`);
        const h = new Harness(
          `rule "W" {
            priority 1
            on lead.created
            assign users ${users.map((u) => `"${u}"`).join(', ')}
            distribute weighted { ${users.map((u, i) => `"${u}": ${weights[i]}`).join(', ')} }
          }`,
          `users:\n${users.map((u) => `  - { id: ${u}, name: ${u} }`).join('\n')}\n`,
        );
        const g = weights.reduce((a, b) => {
          while (b) [a, b] = [b, a % b];
          return a;
        });
        const perCycle = weights.reduce((s, w) => s + w / g, 0);
        const seq = await h.sequence(perCycle * cycles);
        users.forEach((u, i) => expect(seq.filter((s) => s === u)).toHaveLength(((weights[i] as number) / g) * cycles));
      }),
      { numRuns: 30 },
    );
  });

  it('changes no state when an event is refused', async () => {
    const { rules, yaml } = project('round_robin', []);
    const h = new Harness(rules.replace(/quota hourly .*\n/, ''), yaml);
    await h.sequence(3);
    const bad = fc.oneof(
      fc.record({ score: fc.oneof(fc.string(), fc.boolean(), fc.array(fc.nat())) }),
      fc.record({ source: fc.oneof(fc.integer(), fc.boolean(), fc.constant({})) }),
      fc.record({ zip: fc.oneof(fc.double(), fc.constant([1])) }),
    );
    await fc.assert(
      fc.asyncProperty(bad, fc.string({ minLength: 1 }), async (record, id) => {
        const before = h.store.snapshot();
        const result = await h.engine.decide({ id: `bad-${id}`, type: 'lead.created', record: { id: 'X', ...record } });
        expect(result.ok).toBe(false);
        expect(h.store.snapshot()).toEqual(before);
      }),
      { numRuns: 100 },
    );
  });
});
