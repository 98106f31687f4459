// Shared fixtures for the scenario runner's tests: a hand-built IR program (so the
// tests do not depend on the compiler), a small directory, and a scripted fake
// engine that records every call the runner makes.
import type { Directory } from '../../compiler/directory/model';
import type { Program, Rule } from '../../compiler/ir';
import type { Engine, EngineOptions } from '../../runtime/engine';
import { loadSuite } from '../../scenario/load-suite';
import type { LoadedSuite } from '../../scenario/loaded-suite';
import type { Decision, IncomingEvent, UserStateOverrides } from '../../runtime/types';

/** A rule routing `lead.created` for `source == <source>` to static users. */
export function rule(id: string, name: string, priority: number): Rule {
  return {
    id,
    name,
    priority,
    description: null,
    status: 'active',
    scope: { kind: 'global' },
    entity: 'lead',
    events: [{ entity: 'lead', kind: 'created', fields: null }],
    when: null,
    pool: { kind: 'users', users: ['a@x.test', 'b@x.test', 'c@x.test'], where: null },
    require: [],
    method: { kind: 'round_robin' },
    take: { count: 1, min: 1 },
    fallback: null,
    reassign: null,
  };
}

/** A program with two rules, `lead` and `user` schemas, in UTC. */
export function program(): Program {
  return {
    irVersion: 1,
    settings: {
      timezone: 'UTC',
      trigger: 'entity',
      capacity: null,
      quotas: [],
      unmatched: { queue: 'unassigned', retry: null },
    },
    schemas: {
      lead: { entity: 'lead', fields: { source: { type: 'text' }, status: { type: 'text' } } },
      user: { entity: 'user', fields: { grade: { type: 'text' }, level: { type: 'number' } } },
    },
    rules: [rule('r-first', 'First rule', 10), rule('r-second', 'Second rule', 20)],
    maps: [],
  };
}

/** The directory file of the fixtures. */
export const DIRECTORY_TEXT = `users:
  - { id: a@x.test, name: A, fields: { grade: one, level: 1 } }
  - { id: b@x.test, name: B }
  - { id: c@x.test, name: C }
teams:
  - { name: Red, members: [a@x.test, b@x.test] }
`;

/** Loads a suite text against the fixture program; throws with the errors when invalid. */
export async function load(text: string, file = 'tests/fixture.test.yaml'): Promise<LoadedSuite> {
  const result = await loadSuite({ file, text }, {
    program: program(),
    directory: DIRECTORY_TEXT,
  });
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.line}:${e.column}: ${e.message}`).join('\n'));
  return result.suite;
}

/** Every call the fake engines of one run saw, in order, as short strings. */
export type CallLog = string[];

/**
 * Builds fake engines: `decide` assigns the first user of the current directory
 * (in id order) whose `status` is available, or the one named by `record.to`;
 * a record with `timer: MS` schedules a timer that assigns `c@x.test` MS later.
 */
export function fakeEngines(log: CallLog): (options: EngineOptions) => Engine {
  let engineCount = 0;
  return (options) => {
    const engineId = ++engineCount;
    let directory: Directory = options.directory;
    const timers: { at: number; recordId: string }[] = [];
    let decisions = 0;
    const decision = (recordId: string, assigned: string[], cause: Decision['cause']): Decision => ({
      id: `d${engineId}-${++decisions}`,
      eventId: recordId,
      eventType: 'lead.created',
      entity: 'lead',
      recordId,
      decidedAt: options.clock(),
      outcome: assigned.length > 0 ? 'assigned' : 'fallback',
      ruleId: 'r-first',
      rule: 'First rule',
      assigned,
      reason: assigned.length > 0 ? null : 'no eligible user',
      queue: assigned.length > 0 ? null : 'unassigned',
      cause,
      trace: { match: { via: 'reassign' }, filters: [], outcome: { outcome: 'assigned', assigned, reason: null, queue: null } },
    });
    log.push(`engine ${engineId} at ${options.clock()}: ${statuses(options.directory)}`);
    const engine: Partial<Engine> = {
      async decide(event: IncomingEvent) {
        const record = event.record as Record<string, unknown>;
        log.push(`decide ${String(record.id)} at ${options.clock()}`);
        if (record.bad) return { ok: false, issues: [{ path: 'record.bad', message: 'not allowed' }] };
        if (typeof record.timer === 'number') timers.push({ at: options.clock() + record.timer, recordId: String(record.id) });
        const to = typeof record.to === 'string' ? [record.to] : null;
        const available = directory.users.filter((u) => u.status === 'available' && u.active).map((u) => u.id);
        return { ok: true, duplicate: false, decision: decision(String(record.id), to ?? available.slice(0, 1), 'event') };
      },
      async tick() {
        const now = options.clock();
        const due = timers.filter((t) => t.at <= now).sort((a, b) => a.at - b.at);
        for (const t of due) timers.splice(timers.indexOf(t), 1);
        log.push(`tick at ${now}: ${due.map((t) => t.recordId).join(',')}`);
        return due.map((t) => decision(t.recordId, ['c@x.test'], 'reassign'));
      },
      async nextTimerAt() {
        return timers.length > 0 ? Math.min(...timers.map((t) => t.at)) : null;
      },
      setDirectory(next: Directory) {
        directory = next;
        log.push(`directory ${statuses(next)}`);
      },
      async setUserState(overrides: UserStateOverrides) {
        log.push(`state ${JSON.stringify(overrides)}`);
      },
      explain(d: Decision) {
        const { match: _match, ...rest } = d.trace;
        return { ...d, trace: { ...rest, rules: [] } };
      },
    };
    return engine as Engine;
  };
}

function statuses(directory: Directory): string {
  return directory.users.map((u) => `${u.id}=${u.status}${u.checkedIn ? '+in' : ''}`).join(' ');
}
