// quotaWindow: calendar windows in the settings zone — hours from local :00 (also
// in a :30 zone), days from midnight, ISO weeks from Monday, months from the 1st.
import { describe, expect, it } from 'vitest';
import { quotaWindow } from '../../runtime/calendar';

const at = (iso: string) => Date.parse(iso);
const window = (key: string, start: string, end: string) => ({ key, startMs: at(start), endMs: at(end) });

describe('quotaWindow', () => {
  it('runs the hour from local :00 in a :30-offset zone', () => {
    expect(quotaWindow('hourly', 'Asia/Kolkata', at('2026-11-23T04:45:00Z'))).toEqual(
      window('hourly:2026-11-23T10', '2026-11-23T10:00:00+05:30', '2026-11-23T11:00:00+05:30'),
    );
  });

  it('runs the day from local midnight', () => {
    // 20:00 UTC on the 23rd is already 01:30 on the 24th in Kolkata
    expect(quotaWindow('daily', 'Asia/Kolkata', at('2026-11-23T20:00:00Z'))).toEqual(
      window('daily:2026-11-24', '2026-11-24T00:00:00+05:30', '2026-11-25T00:00:00+05:30'),
    );
  });

  it('runs the week from Monday 00:00 and names it by ISO week', () => {
    const sundayNight = quotaWindow('weekly', 'Asia/Kolkata', at('2026-11-29T23:59:59+05:30'));
    expect(sundayNight).toEqual(window('weekly:2026-W48', '2026-11-23T00:00:00+05:30', '2026-11-30T00:00:00+05:30'));
    expect(quotaWindow('weekly', 'Asia/Kolkata', at('2026-11-30T00:00:00+05:30')).key).toBe('weekly:2026-W49');
    // 1 Jan 2027 is a Friday of ISO week 53 of 2026
    expect(quotaWindow('weekly', 'UTC', at('2027-01-01T12:00:00Z'))).toEqual(
      window('weekly:2026-W53', '2026-12-28T00:00:00Z', '2027-01-04T00:00:00Z'),
    );
  });

  it('runs the month from the 1st, across a month boundary in UTC', () => {
    expect(quotaWindow('monthly', 'Asia/Kolkata', at('2026-11-30T20:00:00Z'))).toEqual(
      window('monthly:2026-12', '2026-12-01T00:00:00+05:30', '2027-01-01T00:00:00+05:30'),
    );
    expect(quotaWindow('monthly', 'UTC', at('2028-02-29T23:59:59Z'))).toEqual(
      window('monthly:2028-02', '2028-02-01T00:00:00Z', '2028-03-01T00:00:00Z'),
    );
  });

  it('has 23- and 25-hour days and one window for a repeated hour on DST days', () => {
    expect(quotaWindow('daily', 'Europe/Berlin', at('2026-03-29T12:00:00Z'))).toEqual(
      window('daily:2026-03-29', '2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00'),
    );
    expect(quotaWindow('daily', 'Europe/Berlin', at('2026-10-25T12:00:00Z'))).toEqual(
      window('daily:2026-10-25', '2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00'),
    );
    const repeated = window('hourly:2026-10-25T02', '2026-10-25T02:00:00+02:00', '2026-10-25T03:00:00+01:00');
    expect(quotaWindow('hourly', 'Europe/Berlin', at('2026-10-25T00:30:00Z'))).toEqual(repeated);
    expect(quotaWindow('hourly', 'Europe/Berlin', at('2026-10-25T01:30:00Z'))).toEqual(repeated);
    expect(quotaWindow('hourly', 'Europe/Berlin', at('2026-03-29T01:30:00Z')).key).toBe('hourly:2026-03-29T03');
  });

  it('has one window over all time for `total`', () => {
    expect(quotaWindow('total', 'Asia/Kolkata', at('2026-11-23T04:45:00Z'))).toEqual({
      key: 'total',
      startMs: 0,
      endMs: Number.POSITIVE_INFINITY,
    });
  });
});
