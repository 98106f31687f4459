// The example directory of DIRECTORY.md (copied into test/spec-examples/): it
// loads with the values and defaults the spec describes. (The example's teams
// name `dee@acme.test`, who is not among its users; the test adds that user.)
import { describe, expect, it } from 'vitest';
import { isWorking, isOnLeave } from '../../runtime/calendar';
import { directoryExample } from '../helpers/spec-examples';
import { CTX, load, located } from './helpers';

const example = directoryExample();

/** The example plus the user its teams and groups name but it leaves out. */
const withDee = example.replace('\nteams:', '  - id: dee@acme.test\n    teams: [Sales West]\n\nteams:');

describe('the DIRECTORY.md example', () => {
  it('loads as written, warning (DIST507) that its teams name a user it does not define', () => {
    const { directory, diagnostics } = load(example);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'team `Sales West` lists `dee@acme.test`, who is not among the users, so they are left out; add the user to `users` or remove the member',
      'group `Enterprise` lists `dee@acme.test`, who is not among the users, so they are left out; add the user to `users` or remove the member',
    ]);
    expect(diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    // each at the `dee@acme.test` of its members list
    const lines = example.split('\n');
    const where = (members: string) => {
      const line = lines.findIndex((l) => l.includes(members));
      return `DIST507 ${line + 1}:${lines[line]!.indexOf('dee@') + 1}`;
    };
    expect(located(example, diagnostics)).toEqual([
      where('members: [dee@acme.test]'),
      where('members: [ana@acme.test, dee@acme.test]'),
    ]);
    expect(directory!.teams.find((t) => t.name === 'Sales West')!.members).toEqual([]);
    expect(directory!.groups[0]!.members).toEqual(['ana@acme.test']);
  });

  it('loads clean with that user added', () => {
    const { directory, diagnostics } = load(withDee);
    expect(diagnostics).toEqual([]);
    const ana = directory!.users[0]!;
    expect(ana).toMatchObject({
      id: 'ana@acme.test',
      name: 'Ana Ruiz',
      teams: ['Sales East'],
      active: true,
      status: 'available',
      checkedIn: true,
      workday: 'standard',
      holidays: 'india-2026',
      openLoad: 4,
      fields: { department: 'Inside Sales', grade: 'A', languages: ['en', 'hi'], daily_cap: 20, max_open: 12 },
    });
    expect(ana.leave).toEqual([
      // whole days 24–26 Nov in IST: from midnight on the 24th to midnight after the 26th
      { startMs: Date.parse('2026-11-24T00:00:00+05:30'), endMs: Date.parse('2026-11-27T00:00:00+05:30') },
      { startMs: Date.parse('2026-12-01T13:00:00+05:30'), endMs: Date.parse('2026-12-01T18:00:00+05:30') },
    ]);
  });

  it('applies the defaults to bob', () => {
    const bob = load(withDee).directory!.users[1]!;
    expect(bob).toEqual({
      id: 'bob@acme.test',
      name: 'Bob Lee',
      teams: ['Sales East'],
      active: true,
      status: 'available',
      checkedIn: false,
      workday: null,
      holidays: null,
      leave: [],
      openLoad: 0,
      fields: { department: 'Inside Sales', grade: 'B', languages: ['en'] },
    });
    expect(load(withDee).directory!.users[2]!.name).toBe('dee@acme.test');
  });

  it('reads the workday, the holidays, the teams and the groups', () => {
    const directory = load(withDee).directory!;
    const standard = directory.workdays.standard!;
    expect(standard.timezone).toBe('Asia/Kolkata');
    expect(standard.days.fri).toEqual([
      { start: 9 * 60, end: 13 * 60 },
      { start: 14 * 60, end: 18 * 60 },
    ]);
    expect(standard.days.sat).toBeUndefined();
    expect(directory.holidays['india-2026']).toEqual(['2026-01-26', '2026-08-15', '2026-10-02']);
    expect(directory.teams.map((t) => [t.name, t.members])).toEqual([
      ['Sales East', ['ana@acme.test', 'bob@acme.test']],
      ['Sales West', ['dee@acme.test']],
    ]);
    expect(directory.groups).toEqual([{ name: 'Enterprise', members: ['ana@acme.test', 'dee@acme.test'] }]);
    // Friday 27 Nov 2026, 13:30 IST is the lunch break; 14:00 IST is back at work
    expect(isWorking(standard, 'Asia/Kolkata', Date.parse('2026-11-27T13:30:00+05:30'))).toBe(false);
    expect(isWorking(standard, 'Asia/Kolkata', Date.parse('2026-11-27T14:00:00+05:30'))).toBe(true);
    expect(isOnLeave(directory.users[0]!.leave, Date.parse('2026-11-26T23:59:59+05:30'))).toBe(true);
    expect(isOnLeave(directory.users[0]!.leave, Date.parse('2026-11-27T00:00:00+05:30'))).toBe(false);
  });

  it('loads the same directory from JSON', async () => {
    const { parse } = await import('yaml');
    const { directoryFromJson } = await import('../../compiler/directory/load');
    const fromJson = directoryFromJson(JSON.parse(JSON.stringify(parse(withDee))), CTX);
    expect(fromJson.errors).toEqual([]);
    expect(fromJson.directory).toEqual(load(withDee).directory);
  });
});
