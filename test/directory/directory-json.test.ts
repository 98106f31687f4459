// `PUT /v1/directory`: the same validation as directory.yaml, with each error
// addressed by its JSON path.
import { describe, expect, it } from 'vitest';
import { directoryFromJson } from '../../compiler/directory/load';
import { CTX } from './helpers';

function base() {
  return {
    users: [
      { id: 'ana', teams: ['East'], workday: 'std', holidays: 'in', fields: { grade: 'A', languages: ['en'] } },
      { id: 'bob', teams: ['East'] } as Record<string, unknown>,
    ],
    teams: [{ name: 'East', members: ['ana', 'bob'] }],
    groups: [] as unknown[],
    workdays: { std: { timezone: 'Asia/Kolkata', mon: '09:00-18:00' } } as Record<string, unknown>,
    holidays: { in: ['2026-01-26'] } as Record<string, unknown>,
  };
}

/** `path: code` of each error after `change` is applied to a valid directory. */
function errors(change: (d: ReturnType<typeof base>) => void): string[] {
  const value = base();
  change(value);
  const result = directoryFromJson(value, CTX);
  if (result.errors.length > 0) expect(result.directory).toBeNull();
  return result.errors.map((e) => `${e.path}: ${e.code}`);
}

describe('directoryFromJson', () => {
  it('accepts the base directory', () => {
    expect(errors(() => {})).toEqual([]);
    expect(directoryFromJson(null, CTX).directory).toEqual({ users: [], teams: [], groups: [], workdays: {}, holidays: {} });
  });

  it('addresses each problem by its JSON path', () => {
    expect(errors((d) => (d.users[1]!.colour = 'red'))).toEqual(['users[1].colour: DIST502']);
    expect(errors((d) => (d.users[1]!.open_load = 1.5))).toEqual(['users[1].open_load: DIST502']);
    expect(errors((d) => d.users.push({ id: 'ana' }))).toEqual(['users[2].id: DIST503']);
    expect(errors((d) => (d.users[1]!.teams = ['East', 'West']))).toEqual(['users[1].teams[1]: DIST504']);
    expect(errors((d) => (d.teams[0]!.members = ['ana']))).toEqual(['users[1].teams[0]: DIST505']);
    expect(errors((d) => (d.users[0]!.fields = { grade: 'A', languages: ['en', 7] }))).toEqual([
      'users[0].fields.languages[1]: DIST506',
    ]);
    expect(errors((d) => (d.users[0]!.fields = { daily_cap: '20' }))).toEqual(['users[0].fields.daily_cap: DIST506']);
    expect(errors((d) => (d.workdays.std = { mon: '18:00-09:00' }))).toEqual(['workdays.std.mon: DIST502']);
    expect(errors((d) => (d.workdays.std = { timezone: 'Nowhere/Else' }))).toEqual(['workdays.std.timezone: DIST112']);
    expect(errors((d) => (d.holidays['india-2026'] = ['2026-02-30']))).toEqual(['holidays["india-2026"][0]: DIST502']);
    expect(errors((d) => (d.users[1]!.leave = [{ from: '2026-12-01T18:00', to: '2026-12-01T13:00' }]))).toEqual([
      'users[1].leave[0].to: DIST502',
    ]);
  });

  it('reports `__proto__` from JSON.parse without touching any prototype', () => {
    const value = JSON.parse('{"users":[{"id":"ana","fields":{"__proto__":{"polluted":true}}}]}');
    const result = directoryFromJson(value, CTX);
    expect(result.errors).toEqual([
      {
        path: 'users[0].fields.__proto__',
        code: 'DIST502',
        message: 'key `__proto__` is not allowed in the fields of user `ana`; rename or remove it',
      },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('lists every error', () => {
    const list = errors((d) => {
      d.users[0]!.status = 'asleep';
      d.users.push({ name: 'no id' });
      d.groups.push({ name: 'G', members: ['zed'] });
    });
    expect(list).toEqual(['users[0].status: DIST502', 'users[2]: DIST502']);
    const withUnknownMember = base();
    withUnknownMember.groups.push({ name: 'G', members: ['zed'] });
    const result = directoryFromJson(withUnknownMember, CTX);
    expect(result.warnings.map((w) => `${w.path}: ${w.code}`)).toEqual(['groups[0].members[0]: DIST507']);
    expect(result.directory!.groups[0]!.members).toEqual([]);
  });

  it('reads JS Dates in holidays and leave (as a YAML 1.1 parser would give them)', () => {
    const value = base();
    value.holidays.in = [new Date('2026-01-26T00:00:00Z')];
    value.users[1]!.leave = [{ from: new Date('2026-12-01T07:30:00Z'), to: new Date('2026-12-01T12:30:00Z') }];
    const { directory, errors: list } = directoryFromJson(value, CTX);
    expect(list).toEqual([]);
    expect(directory!.holidays.in).toEqual(['2026-01-26']);
    expect(directory!.users[1]!.leave).toEqual([{ startMs: Date.parse('2026-12-01T07:30:00Z'), endMs: Date.parse('2026-12-01T12:30:00Z') }]);
  });

  it('sorts holiday dates and drops repeats', () => {
    const value = base();
    value.holidays.in = ['2026-10-02', '2026-01-26', '2026-10-02'];
    expect(directoryFromJson(value, CTX).directory!.holidays.in).toEqual(['2026-01-26', '2026-10-02']);
  });

  it('takes local leave times in the workday zone, else the settings zone', () => {
    const value = base();
    value.users[0]!.leave = [{ from: '2026-12-01T13:00', to: '2026-12-02' }];
    value.users[1]!.leave = [{ from: '2026-12-01T13:00', to: '2026-12-01T20:00Z' }];
    const users = directoryFromJson(value, { ...CTX, timezone: 'America/New_York' }).directory!.users;
    expect(users[0]!.leave).toEqual([{ startMs: Date.parse('2026-12-01T13:00+05:30'), endMs: Date.parse('2026-12-03T00:00+05:30') }]);
    expect(users[1]!.leave).toEqual([{ startMs: Date.parse('2026-12-01T13:00-05:00'), endMs: Date.parse('2026-12-01T20:00Z') }]);
  });
});
