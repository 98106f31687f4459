// directory.yaml problems: each code at its line and column, every problem listed,
// and any problem rejects the whole directory.
import { describe, expect, it } from 'vitest';
import { CTX, load, located } from './helpers';

/** A valid directory; the cases below change one or two lines of it. */
const BASE = [
  'users:', //                                          1
  '  - id: ana', //                                     2
  '    teams: [East]', //                               3
  '    workday: std', //                                4
  '    holidays: in', //                                5
  '    fields: { grade: A, languages: [en, hi] }', //   6
  '  - id: bob', //                                     7
  '    teams: [East]', //                               8
  'teams:', //                                          9
  '  - name: East', //                                  10
  '    members: [ana, bob]', //                         11
  'workdays:', //                                       12
  '  std:', //                                          13
  '    timezone: Asia/Kolkata', //                      14
  '    mon: "09:00-18:00"', //                          15
  'holidays:', //                                       16
  '  in: [2026-01-26]', //                              17
];

/** BASE with 1-based lines replaced (a replacement may hold several lines). */
function variant(changes: Record<number, string>): string {
  return BASE.map((line, i) => changes[i + 1] ?? line).join('\n') + '\n';
}

function problems(text: string) {
  const { directory, diagnostics } = load(text);
  if (diagnostics.length > 0) expect(directory).toBeNull();
  return { located: located(text, diagnostics), messages: diagnostics.map((d) => d.message), diagnostics };
}

describe('loadDirectory', () => {
  it('loads the base directory clean', () => {
    const { directory, diagnostics } = load(variant({}));
    expect(diagnostics).toEqual([]);
    expect(directory!.users.map((u) => u.id)).toEqual(['ana', 'bob']);
  });

  it('reads an empty file, or one with only comments, as the empty directory', () => {
    for (const text of ['', '# nothing yet\n', '\n\n']) {
      expect(load(text)).toEqual({
        directory: { users: [], teams: [], groups: [], workdays: {}, holidays: {} },
        diagnostics: [],
      });
    }
  });

  it('reports every YAML syntax error as DIST501 and checks nothing else', () => {
    const text = variant({ 3: '    teams: [East', 6: "    fields: { grade: 'A }" });
    const result = problems(text);
    expect(result.located.length).toBeGreaterThanOrEqual(2);
    expect(new Set(result.diagnostics.map((d) => d.code))).toEqual(new Set(['DIST501']));
    expect(result.messages[0]).toMatch(/^invalid YAML: /);
    expect(problems('a: 1\na: 2\n').located).toEqual(['DIST501 2:1']);
    expect(problems('users:\n\t- id: ana\n').located[0]).toBe('DIST501 2:1');
    expect(problems('users: []\n---\nteams: []\n').messages).toEqual([
      'the directory must be a single YAML document; remove the extra `---`',
    ]);
  });

  it('reports bad aliases as DIST501 instead of throwing', () => {
    expect(problems('users: &u [*u]\n').located).toEqual(['DIST501 1:12']);
    expect(problems('users: *nobody\n').messages).toEqual(['alias `*nobody` has no anchor before it; define `&nobody` first']);
    // Seven levels of ten aliases each expand to ten million values.
    const level = (name: string, item: string) => `${name}: &${name} [${Array(10).fill(item).join(', ')}]`;
    const bomb = [level('a', 'x'), ...'bcdefg'.split('').map((name, i) => level(name, `*${'abcdef'[i]}`))];
    expect(problems(`${bomb.join('\n')}\n`).messages).toEqual(['the aliases of this document expand it to more than 1,000,000 values; use fewer aliases']);
  });

  it('takes up to 1,000 aliases and refuses more with one clear error at the first extra one', () => {
    const users = (count: number) =>
      ['users:', '  - { id: u0, name: U0 }', ...Array.from({ length: count }, (_, i) => `  - { id: u${i + 1}, name: U${i + 1}, teams: *none }`)]
        .join('\n')
        .replace('users:', 'teams: &none []\nusers:');
    const fine = load(users(999));
    expect(fine.diagnostics).toEqual([]);
    expect(fine.directory?.users).toHaveLength(1000);
    const many = users(2000);
    const result = problems(many);
    expect(result.messages).toEqual(['this document has more than 1000 aliases (`*none`…); write the values out instead']);
    const line = many.split('\n').findIndex((l) => l.includes('id: u1001,'));
    expect(result.located).toEqual([`DIST501 ${line + 1}:${many.split('\n')[line]!.indexOf('*none') + 1}`]);
  });

  it('reports an unknown key at the key (DIST502)', () => {
    const result = problems(variant({ 4: '    colour: red' }));
    expect(result.located).toEqual(['DIST502 4:5']);
    expect(result.messages[0]).toBe(
      'unknown key `colour` in user `ana`; expected one of `id`, `name`, `teams`, `active`, `status`, `checked_in`, `workday`, `holidays`, `leave`, `open_load`, `fields`',
    );
    expect(problems(variant({ 16: 'holiday:' })).messages).toContainEqual(
      expect.stringMatching(/^unknown key `holiday` in the directory; expected one of `users`/),
    );
  });

  it('reports wrong types at the value (DIST502)', () => {
    const result = problems(variant({ 7: '  - id: bob\n    active: yes\n    status: on\n    open_load: -1' }));
    expect(result.located).toEqual(['DIST502 8:13', 'DIST502 9:13', 'DIST502 10:16']);
    expect(result.messages).toEqual([
      '`active` in user `bob` must be `true` or `false`; got `yes`',
      '`status` in user `bob` must be one of `available`, `away`, `busy`, `offline`; got `on`',
      '`open_load` in user `bob` must be a whole number of at least 0; got `-1`',
    ]);
    expect(problems('users:\n  - name: Nobody\n').messages).toEqual(['`id` is missing in `users[0]`; add it']);
    expect(problems('users: {}\n').located).toEqual(['DIST502 1:8']);
  });

  it('reports a duplicate user id, team or group name (DIST503) with the first as related', () => {
    const result = problems(variant({ 7: '  - id: ana' }));
    expect(result.located).toContain('DIST503 7:9');
    const duplicate = result.diagnostics.find((d) => d.code === 'DIST503')!;
    expect(duplicate.message).toBe('user id `ana` is defined twice; rename or remove one');
    expect(duplicate.related?.[0]?.span.start).toBe(variant({}).indexOf('ana'));
    expect(problems(variant({ 11: '    members: [ana, bob]\n  - name: East\n    members: []' })).located).toEqual(['DIST503 12:11']);
  });

  it('reports unknown teams, workdays and calendars (DIST504) and warns of unknown members (DIST507)', () => {
    const result = problems(variant({ 4: '    workday: standard', 5: '    holidays: india', 8: '    teams: [East, Est]', 11: '    members: [ana, bob, cy]' }));
    expect(result.located).toEqual(['DIST504 4:14', 'DIST504 5:15', 'DIST504 8:19', 'DIST507 11:25']);
    expect(result.messages).toEqual([
      'user `ana` names unknown workday `standard`; define it under `workdays` or fix the name',
      'user `ana` names unknown holiday calendar `india`; define it under `holidays` or fix the name',
      'user `bob` lists unknown team `Est`; did you mean `East`?',
      'team `East` lists `cy`, who is not among the users, so they are left out; add the user to `users` or remove the member',
    ]);
  });

  it('suggests the workday, calendar or user meant by a name one typo away', () => {
    const result = problems(variant({ 4: '    workday: stdd', 5: '    holidays: In', 11: '    members: [ana, bob, bobb]' }));
    expect(result.messages).toEqual([
      'user `ana` names unknown workday `stdd`; did you mean `std`?',
      'user `ana` names unknown holiday calendar `In`; did you mean `in`?',
      'team `East` lists `bobb`, who is not among the users, so they are left out; did you mean `bob`?',
    ]);
    // A different person is no typo: no suggestion.
    expect(load(variant({ 11: '    members: [ana, bob, dee]' })).diagnostics.map((d) => d.message)).toEqual([
      'team `East` lists `dee`, who is not among the users, so they are left out; add the user to `users` or remove the member',
    ]);
  });

  it('reports a user whose own teams disagree with the members lists (DIST505), both ways', () => {
    const result = problems(variant({ 8: '    teams: []', 11: '    members: [bob]' }));
    expect(result.located).toEqual(['DIST505 3:13', 'DIST505 11:15']);
    expect(result.messages).toEqual([
      "user `ana` lists team `East`, but the members of team `East` do not include `ana`; add the user to the team's `members` or remove the team from the user's `teams`",
      "team `East` lists member `bob`, but the `teams` of user `bob` do not include `East`; add the team to the user's `teams` or remove the member",
    ]);
    expect(result.diagnostics[0]!.related?.[0]?.message).toBe('the members of team `East`');
  });

  it('fills in the teams of a user who does not list them', () => {
    const { directory } = load(variant({ 8: '    name: Bob' }));
    expect(directory!.users[1]!.teams).toEqual(['East']);
  });

  it('checks fields against `schema user` (DIST506), down to a list item', () => {
    const result = problems(variant({ 6: '    fields: { grade: D, languages: [en, 3], shoe: 42 }' }));
    expect(result.located).toEqual(['DIST506 6:22', 'DIST506 6:41', 'DIST506 6:45']);
    expect(result.messages).toEqual([
      'field `grade` of user `ana` must be one of `A`, `B`, `C`; got `D`',
      'field `languages` of user `ana` must be text at index [1]; got `3`',
      'unknown field `shoe` in user `ana`; expected one of `department`, `grade`, `languages`, `daily_cap`, `max_open`',
    ]);
  });

  it('accepts any plain field values without a schema', () => {
    const { directory, diagnostics } = load(variant({ 6: '    fields: { grade: D, shoe: 42 }' }), { ...CTX, userSchema: null });
    expect(diagnostics).toEqual([]);
    expect(directory!.users[0]!.fields).toEqual({ grade: 'D', shoe: 42 });
  });

  it('reports bad working hours and leave ranges (DIST502)', () => {
    const hours = problems(variant({ 15: '    mon: "18:00-09:00"\n    tue: "09:00-13:00, 12:00-18:00"\n    wed: "9 to 5"' }));
    expect(hours.located).toEqual(['DIST502 15:10', 'DIST502 16:10', 'DIST502 17:10']);
    expect(hours.messages).toEqual([
      '`mon` in workday `std` has `18:00-09:00`, which does not end after it starts; overnight hours are not supported, so split them over two days',
      '`tue` in workday `std` has overlapping hours `09:00-13:00` and `12:00-18:00`; make them not overlap',
      '`wed` in workday `std` must be hours such as `09:00-18:00` or `09:00-13:00, 14:00-18:00`; got `9 to 5`',
    ]);
    const leave = problems(variant({ 5: '    leave:\n      - { from: 2026-11-26, to: 2026-11-24 }\n      - { from: 2026-11-31, to: 2026-12-01 }' }));
    expect(leave.located).toEqual(['DIST502 6:33', 'DIST502 7:17']);
    expect(leave.messages).toEqual([
      'leave period [0] of user `ana` ends before it starts; make `to` later than `from`',
      '`from` in leave period [1] of user `ana` must be a date such as `2026-11-24` or a time such as `2026-12-01T13:00`; got `2026-11-31`',
    ]);
  });

  it('accepts `24:00` as an end and keeps hours sorted', () => {
    const { directory } = load(variant({ 15: '    mon: "14:00-24:00, 00:00-06:00"' }));
    expect(directory!.workdays.std!.days.mon).toEqual([
      { start: 0, end: 360 },
      { start: 840, end: 1440 },
    ]);
  });

  it('reports `__proto__`, `constructor` and `prototype` keys anywhere (DIST502) and never assigns them', () => {
    const result = problems(variant({ 6: '    fields: { __proto__: { grade: A } }', 13: '  constructor:\n    mon: "09:00-18:00"\n  std:' }));
    expect(result.located).toEqual(['DIST502 6:15', 'DIST502 13:3']);
    expect(result.messages).toEqual([
      'key `__proto__` is not allowed in the fields of user `ana`; rename or remove it',
      'key `constructor` is not allowed in `workdays`; rename or remove it',
    ]);
    expect(({} as Record<string, unknown>).grade).toBeUndefined();
    // names are looked up as own entries only: `toString` is not a workday
    expect(problems(variant({ 4: '    workday: toString' })).located).toEqual(['DIST504 4:14']);
  });

  it('reports an unknown workday time zone (DIST112)', () => {
    const result = problems(variant({ 14: '    timezone: Asia/Kolkatta' }));
    expect(result.located).toEqual(['DIST112 14:15']);
    expect(result.messages[0]).toBe(
      'unknown time zone `Asia/Kolkatta` in workday `std`; use an IANA name such as `Asia/Kolkata`',
    );
  });

  it('lists every problem at once', () => {
    const result = problems(variant({ 4: '    workday: night', 7: '  - id: bob\n    status: gone', 14: '    timezone: Mars/Base' }));
    expect(result.diagnostics.map((d) => d.code).sort()).toEqual(['DIST112', 'DIST502', 'DIST504']);
    expect(result.diagnostics.every((d) => d.file === 'directory.yaml' && d.severity === 'error')).toBe(true);
  });
});
