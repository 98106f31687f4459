// isWorking and nextWorkStart: zones, split days, days off, DST days, horizons, and
// the availability buckets of `require workday within H`.
import { describe, expect, it } from 'vitest';
import type { Workday } from '../../compiler/directory/model';
import { availabilityBucket, isWorking, nextWorkStart, userZone } from '../../runtime/calendar';

const H = 3_600_000;
const nineToFive = (timezone: string | null): Workday => {
  const day = [{ start: 9 * 60, end: 17 * 60 }];
  return { timezone, days: { mon: day, tue: day, wed: day, thu: day, fri: day } };
};
const standard: Workday = {
  timezone: 'Asia/Kolkata',
  days: {
    mon: [{ start: 540, end: 1080 }],
    fri: [
      { start: 540, end: 780 },
      { start: 840, end: 1080 },
    ],
  },
};
const at = (iso: string) => Date.parse(iso);

describe('isWorking', () => {
  it('reads the hours in the workday zone, whatever zone the instant is written in', () => {
    const ny = nineToFive('America/New_York');
    const zone = userZone(ny, 'Asia/Kolkata');
    expect(zone).toBe('America/New_York');
    // Monday 23 Nov 2026: 09:00 EST is 14:00 UTC, 17:00 EST is 22:00 UTC
    expect(isWorking(ny, zone, at('2026-11-23T13:59:59Z'))).toBe(false);
    expect(isWorking(ny, zone, at('2026-11-23T14:00:00Z'))).toBe(true);
    expect(isWorking(ny, zone, at('2026-11-23T21:59:59Z'))).toBe(true);
    expect(isWorking(ny, zone, at('2026-11-23T22:00:00Z'))).toBe(false);
  });

  it('falls back to the settings zone for a workday without one', () => {
    expect(userZone(nineToFive(null), 'Europe/Berlin')).toBe('Europe/Berlin');
    expect(userZone(null, 'Europe/Berlin')).toBe('Europe/Berlin');
  });

  it("follows Friday's split day and treats missing days as days off", () => {
    expect(isWorking(standard, 'Asia/Kolkata', at('2026-11-27T12:59:00+05:30'))).toBe(true);
    expect(isWorking(standard, 'Asia/Kolkata', at('2026-11-27T13:00:00+05:30'))).toBe(false);
    expect(isWorking(standard, 'Asia/Kolkata', at('2026-11-27T14:00:00+05:30'))).toBe(true);
    expect(isWorking(standard, 'Asia/Kolkata', at('2026-11-28T10:00:00+05:30'))).toBe(false); // Saturday
    expect(isWorking(standard, 'Asia/Kolkata', at('2026-11-24T10:00:00+05:30'))).toBe(false); // Tuesday: not listed
  });

  it('treats no workday as always working', () => {
    expect(isWorking(null, 'UTC', at('2026-11-28T03:00:00Z'))).toBe(true);
    expect(nextWorkStart(null, 'UTC', 123, 0)).toBe(123);
  });

  it('uses the wall clock on DST days in Europe/Berlin', () => {
    const sunday: Workday = { timezone: 'Europe/Berlin', days: { sun: [{ start: 60, end: 240 }] } };
    // spring forward, 29 Mar 2026: 02:00 CET jumps to 03:00 CEST at 01:00 UTC; 01:00–04:00 is two real hours
    expect(isWorking(sunday, 'Europe/Berlin', at('2026-03-29T00:00:00Z'))).toBe(true);
    expect(isWorking(sunday, 'Europe/Berlin', at('2026-03-29T01:59:59Z'))).toBe(true);
    expect(isWorking(sunday, 'Europe/Berlin', at('2026-03-29T02:00:00Z'))).toBe(false);
    // fall back, 25 Oct 2026: 03:00 CEST returns to 02:00 CET at 01:00 UTC; 01:00–04:00 is four real hours
    expect(isWorking(sunday, 'Europe/Berlin', at('2026-10-24T23:00:00Z'))).toBe(true);
    expect(isWorking(sunday, 'Europe/Berlin', at('2026-10-25T02:59:59Z'))).toBe(true);
    expect(isWorking(sunday, 'Europe/Berlin', at('2026-10-25T03:00:00Z'))).toBe(false);
  });
});

describe('nextWorkStart', () => {
  it('is now when working now, else the next start within the horizon', () => {
    const now = at('2026-11-27T10:00:00+05:30');
    expect(nextWorkStart(standard, 'Asia/Kolkata', now, 0)).toBe(now);
    expect(nextWorkStart(standard, 'Asia/Kolkata', at('2026-11-27T13:30:00+05:30'), 24 * H)).toBe(at('2026-11-27T14:00:00+05:30'));
    // Friday evening: Saturday and Sunday are off, so Monday 09:00 (63 h later)
    const evening = at('2026-11-27T18:00:00+05:30');
    expect(nextWorkStart(standard, 'Asia/Kolkata', evening, 120 * H)).toBe(at('2026-11-30T09:00:00+05:30'));
    expect(nextWorkStart(standard, 'Asia/Kolkata', evening, 63 * H)).toBe(at('2026-11-30T09:00:00+05:30'));
    expect(nextWorkStart(standard, 'Asia/Kolkata', evening, 63 * H - 1)).toBeNull();
  });

  it('starts at the end of a spring-forward gap when the start time does not exist', () => {
    const early: Workday = { timezone: 'Europe/Berlin', days: { sun: [{ start: 150, end: 360 }] } };
    // 02:30 does not exist on 29 Mar 2026; the clock reads past it from 03:00 CEST = 01:00 UTC
    expect(nextWorkStart(early, 'Europe/Berlin', at('2026-03-28T12:00:00Z'), 48 * H)).toBe(at('2026-03-29T01:00:00Z'));
  });

  it('skips hours that lie wholly inside a spring-forward gap', () => {
    const lost: Workday = { timezone: 'Europe/Berlin', days: { sun: [{ start: 120, end: 150 }] } };
    expect(nextWorkStart(lost, 'Europe/Berlin', at('2026-03-28T12:00:00Z'), 48 * H)).toBeNull();
    expect(nextWorkStart(lost, 'Europe/Berlin', at('2026-03-28T12:00:00Z'), 8 * 24 * H)).toBe(at('2026-04-05T02:00:00+02:00'));
  });

  it('finds the second pass through a repeated hour when the clock falls back', () => {
    const half: Workday = { timezone: 'Europe/Berlin', days: { sun: [{ start: 120, end: 150 }] } };
    // 02:00–02:30 happens at 00:00 UTC (CEST) and again at 01:00 UTC (CET)
    expect(nextWorkStart(half, 'Europe/Berlin', at('2026-10-24T12:00:00Z'), 24 * H)).toBe(at('2026-10-25T00:00:00Z'));
    expect(nextWorkStart(half, 'Europe/Berlin', at('2026-10-25T00:45:00Z'), 24 * H)).toBe(at('2026-10-25T01:00:00Z'));
  });
});

describe('availabilityBucket', () => {
  // Monday 23 Nov 2026, 08:00 UTC; horizon 120 h
  const now = at('2026-11-23T08:00:00Z');
  const horizon = 120 * H;
  const starting = (day: 'mon' | 'tue' | 'fri' | 'sat', hour: number): Workday => ({
    timezone: 'UTC',
    days: { [day]: [{ start: hour * 60, end: hour * 60 + 120 }] },
  });

  it('sorts users into 24-hour buckets by their next start (the seed example)', () => {
    const users = [starting('mon', 8), starting('mon', 18), starting('tue', 14), starting('fri', 12)];
    const starts = users.map((w) => nextWorkStart(w, 'UTC', now, horizon));
    expect(starts.map((s) => (s === null ? null : (s - now) / H))).toEqual([0, 10, 30, 100]);
    expect(starts.map((s) => availabilityBucket(s, now))).toEqual([0, 1, 2, 5]);
  });

  it('has no bucket past the horizon', () => {
    const saturday = nextWorkStart(starting('sat', 12), 'UTC', now, horizon); // 124 h away
    expect(saturday).toBeNull();
    expect(availabilityBucket(saturday, now)).toBeNull();
  });

  it('puts exactly 24 h in bucket 1 and just over it in bucket 2', () => {
    expect(availabilityBucket(now + 24 * H, now)).toBe(1);
    expect(availabilityBucket(now + 24 * H + 1, now)).toBe(2);
    expect(availabilityBucket(now + 1, now)).toBe(1);
  });
});
