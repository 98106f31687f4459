// Every name that is a property of Object.prototype (`constructor`, `__proto__`,
// `toString`, …) is just a name wherever user text meets a lookup table: as an
// entity, a field, a user, a team, a queue or a rule in the project, and as an
// event type, record id or field in an event. It either works like any other
// name or is refused with a clear message; it never throws and never reaches the
// prototype.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProject } from '../../compiler/compile';
import { createEngine } from '../../runtime/engine';
import { MemoryStore } from '../../runtime/state/memory-store';
import { PROTOTYPE_NAMES } from '../helpers/prototype-names';

function project(names: { entity: string; field: string; user: string; team: string; queue: string; rule: string }) {
  const { entity, field, user, team, queue, rule } = names;
  const rules = `schema ${entity} {
  ${field}: text
}

schema user {
  ${field}: text
}

settings {
  timezone "UTC"
  unmatched queue "${queue}"
}

rule "${rule}" {
  priority 1
  on ${entity}.created
  when ${entity}.${field} == "x"
  assign teams "${team}"
  distribute round_robin
  fallback queue "${queue}"
}
`;
  const directory = `users:
  - { id: "${user}", name: U, teams: ["${team}"], fields: { "${field}": "y" } }
teams:
  - { name: "${team}", members: ["${user}"] }
`;
  return compileProject({ sources: [{ file: 'rules/main.dist', text: rules }], directory: { file: 'directory.yaml', text: directory } });
}

const name = fc.constantFrom(...PROTOTYPE_NAMES);
const plain = fc.constantFrom('lead', 'note', 'agent');

describe('names that are Object.prototype properties', () => {
  it('work in every role of a project, or are refused with a diagnostic', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ entity: fc.oneof(name, plain), field: fc.oneof(name, plain), user: fc.oneof(name, plain), team: fc.oneof(name, plain), queue: fc.oneof(name, plain), rule: fc.oneof(name, plain) }),
        async (names) => {
          const result = project(names);
          const errors = result.diagnostics.filter((d) => d.severity === 'error');
          if (errors.length > 0) {
            expect(errors.every((d) => d.message.length > 0 && d.code.startsWith('DIST'))).toBe(true);
            return;
          }
          const program = result.program!;
          expect(Object.keys(program.schemas)).toContain(names.entity);
          const engine = createEngine({ program, directory: result.directory!, store: new MemoryStore(), clock: () => Date.UTC(2026, 10, 23, 10) });
          const assigned = await engine.decide({ id: 'e1', type: `${names.entity}.created`, record: { id: names.user, [names.field]: 'x' } });
          expect(assigned.ok && [assigned.decision.outcome, assigned.decision.assigned]).toEqual(['assigned', [names.user]]);
          const queued = await engine.decide({ id: 'e2', type: `${names.entity}.created`, record: { id: 'r2' } });
          expect(queued.ok && [queued.decision.outcome, queued.decision.queue]).toEqual(['unmatched', names.queue]);
          expect((await engine.listQueue(names.queue)).map((i) => i.recordId)).toEqual(['r2']);
        },
      ),
      { numRuns: 150 },
    );
  });

  it.each(PROTOTYPE_NAMES)('`%s` as an event type, record id, event id or record field is decided or refused, never thrown', async (n) => {
    const result = project({ entity: 'lead', field: 'source', user: 'a', team: 'T', queue: 'q', rule: 'R' });
    const engine = createEngine({ program: result.program!, directory: result.directory!, store: new MemoryStore(), clock: () => 0 });
    for (const type of [`${n}.created`, `lead.${n}`, n]) {
      const refused = await engine.decide({ id: `t-${type}`, type, record: { id: 'r1', source: 'x' } });
      expect(refused.ok ? null : refused.issues.map((i) => [i.path, i.code])).toEqual([['type', 'unknown_event_type']]);
    }
    const byId = await engine.decide({ id: n, type: 'lead.created', record: { id: n, source: 'x' } });
    expect(byId.ok && [byId.decision.eventId, byId.decision.recordId, byId.decision.assigned]).toEqual([n, n, ['a']]);
    const field = await engine.decide({ id: `f-${n}`, type: 'lead.created', record: { id: 'r3', [n]: 1, source: 'x' } });
    if (['__proto__', 'constructor'].includes(n)) expect(field.ok ? null : field.issues[0]?.path).toBe(`record.${n}`);
    else expect(field.ok && field.decision.assigned).toEqual(['a']);
  });
});
