// coerceValue: every schema type with accepted and rejected inputs, local times in
// a zone (and across DST), and list items named by index.
import { describe, expect, it } from 'vitest';
import type { FieldType } from '../../compiler/ir';
import { coerceValue, isForbiddenKey } from '../../compiler/values';
import { parseDuration } from '../../language/literals';

const IST = { timezone: 'Asia/Kolkata' };
const T = (type: FieldType['type']) => ({ type }) as FieldType;
const GRADE: FieldType = { type: 'choice', options: ['A', 'B', 'C'] };

const good: [string, FieldType, unknown, unknown][] = [
  ['text', T('text'), 'hello', 'hello'],
  ['empty text', T('text'), '', ''],
  ['number', T('number'), 42.5, 42.5],
  ['negative number', T('number'), -3, -3],
  ['bool', T('bool'), false, false],
  ['time with offset', T('time'), '2026-11-23T10:00:00+05:30', Date.parse('2026-11-23T04:30:00Z')],
  ['time in UTC', T('time'), '2026-11-23T10:00:00.250Z', Date.parse('2026-11-23T10:00:00.250Z')],
  ['time without offset (settings zone)', T('time'), '2026-11-23T10:00', Date.parse('2026-11-23T10:00+05:30')],
  ['time with a space', T('time'), '2026-11-23 10:00:00', Date.parse('2026-11-23T10:00+05:30')],
  ['bare date (local midnight)', T('time'), '2026-11-23', Date.parse('2026-11-23T00:00+05:30')],
  ['JS Date', T('time'), new Date('2026-11-23T10:00:00Z'), Date.parse('2026-11-23T10:00:00Z')],
  ['duration in ms', T('duration'), 90_000, 90_000],
  ['duration 30s', T('duration'), '30s', 30_000],
  ['duration 30m', T('duration'), '30m', 1_800_000],
  ['duration 1.5h', T('duration'), '1.5h', 5_400_000],
  ['duration 7d', T('duration'), '7d', 604_800_000],
  ['geo', T('geo'), { lat: 12.97, lon: 77.59 }, { lat: 12.97, lon: 77.59 }],
  ['geo at the edges', T('geo'), { lon: -180, lat: 90 }, { lat: 90, lon: -180 }],
  ['choice', GRADE, 'B', 'B'],
  ['list of text', { type: 'list', element: T('text') }, ['en', 'hi'], ['en', 'hi']],
  ['empty list', { type: 'list', element: T('number') }, [], []],
  ['list of times', { type: 'list', element: T('time') }, ['2026-01-26'], [Date.parse('2026-01-26T00:00+05:30')]],
];

const bad: [string, FieldType, unknown, string][] = [
  ['number as text', T('text'), 42, 'text'],
  ['numeric string', T('number'), '42', 'a number'],
  ['NaN', T('number'), Number.NaN, 'a number'],
  ['infinity', T('number'), Number.POSITIVE_INFINITY, 'a number'],
  ['string bool', T('bool'), 'true', '`true` or `false`'],
  ['time without date', T('time'), '10:00', 'a time such as `2026-11-23T10:00:00+05:30`'],
  ['impossible date', T('time'), '2026-02-30', 'a time such as `2026-11-23T10:00:00+05:30`'],
  ['epoch number as time', T('time'), 1_795_000_000_000, 'a time such as `2026-11-23T10:00:00+05:30`'],
  ['ISO week date', T('time'), '2026-W48-1', 'a time such as `2026-11-23T10:00:00+05:30`'],
  ['duration unit', T('duration'), '30 minutes', 'a duration such as `30m` or a number of milliseconds'],
  ['negative duration', T('duration'), -5, 'a duration such as `30m` or a number of milliseconds'],
  ['geo out of range', T('geo'), { lat: 91, lon: 0 }, 'a location such as `{ "lat": 12.97, "lon": 77.59 }`'],
  ['geo with extra key', T('geo'), { lat: 1, lon: 2, alt: 3 }, 'a location such as `{ "lat": 12.97, "lon": 77.59 }`'],
  ['geo as pair', T('geo'), [12.97, 77.59], 'a location such as `{ "lat": 12.97, "lon": 77.59 }`'],
  ['choice not an option', GRADE, 'D', 'one of `A`, `B`, `C`'],
  ['choice is case-sensitive', GRADE, 'a', 'one of `A`, `B`, `C`'],
  ['list not a list', { type: 'list', element: T('text') }, 'en', 'a list of text'],
  ['list item', { type: 'list', element: T('number') }, [1, 2, 'x'], 'a number at index [2]'],
  [
    'nested list item',
    { type: 'list', element: { type: 'list', element: GRADE } },
    [['A'], ['B', 'Z']],
    'one of `A`, `B`, `C` at index [1][1]',
  ],
];

describe('coerceValue', () => {
  it.each(good)('accepts %s', (_name, type, raw, value) => {
    expect(coerceValue(type, raw, IST)).toEqual({ ok: true, value });
  });

  it.each(bad)('rejects %s', (_name, type, raw, expected) => {
    expect(coerceValue(type, raw, IST)).toMatchObject({ ok: false, expected });
  });

  it('names the indices of a bad list item in `at`', () => {
    expect(coerceValue({ type: 'list', element: T('bool') }, [true, 1], IST)).toEqual({
      ok: false,
      expected: '`true` or `false` at index [1]',
      at: [1],
    });
  });

  it("resolves DST-ambiguous and skipped local times the way luxon does", () => {
    const berlin = { timezone: 'Europe/Berlin' };
    // 02:30 on 25 Oct 2026 happens twice (CEST, then CET): the later one, in CET
    expect(coerceValue(T('time'), '2026-10-25T02:30', berlin)).toEqual({ ok: true, value: Date.parse('2026-10-25T02:30+01:00') });
    // 02:30 on 29 Mar 2026 does not exist: moved forward by the gap, to 03:30 CEST
    expect(coerceValue(T('time'), '2026-03-29T02:30', berlin)).toEqual({ ok: true, value: Date.parse('2026-03-29T03:30+02:00') });
  });
});

describe('parseDuration and isForbiddenKey', () => {
  it('parses every unit', () => {
    expect(['250ms', '2s', '2m', '2h', '2d'].map(parseDuration)).toEqual([250, 2000, 120_000, 7_200_000, 172_800_000]);
    expect(['', 'h', '2w', '-1h', '1h30m'].map(parseDuration)).toEqual([null, null, null, null, null]);
  });

  it('forbids the keys that reach a prototype', () => {
    expect(['__proto__', 'constructor', 'prototype'].every(isForbiddenKey)).toBe(true);
    expect(['proto', 'toString', 'id'].some(isForbiddenKey)).toBe(false);
  });
});
