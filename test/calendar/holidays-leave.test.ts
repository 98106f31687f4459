// isHoliday in the user's zone, and leave boundaries as the directory resolves them:
// whole dates are inclusive whole days, date-times end exclusively.
import { describe, expect, it } from 'vitest';
import { directoryFromJson } from '../../compiler/directory/load';
import { isHoliday, isOnLeave, localDate } from '../../runtime/calendar';

const at = (iso: string) => Date.parse(iso);
const INDIA = ['2026-01-26', '2026-08-15', '2026-10-02'];

describe('isHoliday', () => {
  it("uses the local date in the user's zone", () => {
    // 23:30 UTC on 25 Jan is 05:00 on 26 Jan in Kolkata
    const instant = at('2026-01-25T23:30:00Z');
    expect(localDate('Asia/Kolkata', instant)).toBe('2026-01-26');
    expect(isHoliday(INDIA, 'Asia/Kolkata', instant)).toBe(true);
    expect(isHoliday(INDIA, 'UTC', instant)).toBe(false);
    expect(isHoliday(INDIA, 'Asia/Kolkata', at('2026-01-26T18:30:00Z'))).toBe(false); // midnight IST after
  });

  it('finds every date of a longer calendar and nothing between', () => {
    const dates = Array.from({ length: 50 }, (_, i) => `2026-${String(1 + Math.floor(i / 5)).padStart(2, '0')}-${String(1 + (i % 5) * 5).padStart(2, '0')}`);
    for (const date of dates) expect(isHoliday(dates, 'UTC', at(`${date}T12:00:00Z`))).toBe(true);
    expect(isHoliday(dates, 'UTC', at('2026-01-02T12:00:00Z'))).toBe(false);
    expect(isHoliday(undefined, 'UTC', at('2026-01-01T12:00:00Z'))).toBe(false);
    expect(isHoliday([], 'UTC', at('2026-01-01T12:00:00Z'))).toBe(false);
  });
});

describe('isOnLeave', () => {
  const { directory } = directoryFromJson(
    {
      users: [
        {
          id: 'ana',
          workday: 'ist',
          leave: [
            { from: '2026-11-24', to: '2026-11-26' },
            { from: '2026-12-01T13:00', to: '2026-12-01T18:00' },
          ],
        },
      ],
      workdays: { ist: { timezone: 'Asia/Kolkata', mon: '09:00-18:00' } },
    },
    { userSchema: null, timezone: 'UTC' },
  );
  const leave = directory!.users[0]!.leave;

  it('covers whole days inclusive of both dates, from local midnight to local midnight', () => {
    expect(isOnLeave(leave, at('2026-11-23T23:59:59.999+05:30'))).toBe(false);
    expect(isOnLeave(leave, at('2026-11-24T00:00:00+05:30'))).toBe(true);
    expect(isOnLeave(leave, at('2026-11-26T23:59:59.999+05:30'))).toBe(true);
    expect(isOnLeave(leave, at('2026-11-27T00:00:00+05:30'))).toBe(false);
  });

  it('ends date-time periods exclusively', () => {
    expect(isOnLeave(leave, at('2026-12-01T12:59:59.999+05:30'))).toBe(false);
    expect(isOnLeave(leave, at('2026-12-01T13:00:00+05:30'))).toBe(true);
    expect(isOnLeave(leave, at('2026-12-01T17:59:59.999+05:30'))).toBe(true);
    expect(isOnLeave(leave, at('2026-12-01T18:00:00+05:30'))).toBe(false);
    expect(isOnLeave([], at('2026-12-01T13:00:00+05:30'))).toBe(false);
  });
});
