// Properties of the calendar functions over random workdays, zones (with DST, :30
// and :45 offsets, DST at midnight) and instants, many of them near DST changes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Weekday, WorkInterval, Workday } from '../../compiler/directory/model';
import { isWorking, nextWorkStart, quotaWindow } from '../../runtime/calendar';
import { windowAt } from '../../runtime/calendar/quota-window';

const H = 3_600_000;
const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'America/Santiago',
  'Pacific/Chatham',
];
/** Days on or next to DST changes in the zones above, plus ordinary ones. */
const DAYS = ['2026-03-08', '2026-03-29', '2026-04-05', '2026-09-06', '2026-10-04', '2026-10-25', '2026-11-01', '2026-06-15'];
const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Sorted, non-overlapping intervals from an even number of distinct minute marks. */
const intervals = fc
  .uniqueArray(fc.integer({ min: 0, max: 1440 }), { maxLength: 6 })
  .map((marks): WorkInterval[] => {
    const sorted = [...marks].sort((a, b) => a - b);
    const out: WorkInterval[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) out.push({ start: sorted[i]!, end: sorted[i + 1]! });
    return out;
  });

const workday = fc
  .tuple(fc.constantFrom(...ZONES), fc.array(fc.option(intervals, { nil: undefined }), { minLength: 7, maxLength: 7 }))
  .map(([zone, perDay]): Workday => {
    const days: Workday['days'] = {};
    perDay.forEach((list, i) => {
      if (list && list.length > 0) days[WEEKDAYS[i]!] = list;
    });
    return { timezone: zone, days };
  });

const instant = fc.oneof(
  fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2030-12-31T00:00:00Z') }),
  fc
    .tuple(fc.constantFrom(...DAYS), fc.integer({ min: -60 * H, max: 60 * H }))
    .map(([day, shift]) => Date.parse(`${day}T00:00:00Z`) + shift),
);

describe('nextWorkStart', () => {
  it('is null or an instant in [t, t+H] where the user works, and the user does not work in between', () => {
    fc.assert(
      fc.property(workday, instant, fc.integer({ min: 0, max: 10 * 24 * H }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 20 }), (w, t, horizon, samples) => {
        const zone = w.timezone!;
        const start = nextWorkStart(w, zone, t, horizon);
        if (start !== null) {
          expect(start).toBeGreaterThanOrEqual(t);
          expect(start).toBeLessThanOrEqual(t + horizon);
          expect(isWorking(w, zone, start)).toBe(true);
          if (start > t) expect(isWorking(w, zone, t)).toBe(false);
        }
        // no working instant before the answer (sampled)
        const until = start ?? t + horizon + 1;
        for (const f of samples) {
          const between = Math.floor(t + f * (until - t));
          if (between < until && (start === null || between < start)) expect(isWorking(w, zone, between)).toBe(false);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('quotaWindow', () => {
  const period = fc.constantFrom('hourly', 'daily', 'weekly', 'monthly' as const);

  it('contains its instant, and windows of later instants never start or end earlier', () => {
    fc.assert(
      fc.property(period, fc.constantFrom(...ZONES), instant, fc.integer({ min: 0, max: 40 * 24 * H }), (p, zone, t, step) => {
        const a = quotaWindow(p, zone, t);
        const b = quotaWindow(p, zone, t + step);
        expect(a.startMs).toBeLessThanOrEqual(t);
        expect(a.endMs).toBeGreaterThan(t);
        expect(b.startMs).toBeGreaterThanOrEqual(a.startMs);
        expect(b.endMs).toBeGreaterThanOrEqual(a.endMs);
        if (a.key === b.key) expect(b).toEqual(a);
        else expect(b.startMs).toBeGreaterThanOrEqual(a.endMs);
        expect(a.key.startsWith(`${p}:`)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('answers every instant of a run of calls as working it out afresh does, windows kept from earlier calls included', () => {
    const call = fc.tuple(period, fc.constantFrom(...ZONES), fc.integer({ min: -3 * H, max: 3 * H }));
    fc.assert(
      fc.property(instant, fc.array(call, { minLength: 1, maxLength: 30 }), (t, calls) => {
        let at = t;
        for (const [p, zone, step] of calls) {
          at += step;
          expect(quotaWindow(p, zone, at)).toEqual(windowAt(p, zone, at));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('hands the next window over exactly at the end of the last', () => {
    fc.assert(
      fc.property(period, fc.constantFrom(...ZONES), instant, (p, zone, t) => {
        const a = quotaWindow(p, zone, t);
        const next = quotaWindow(p, zone, a.endMs);
        expect(next.startMs).toBe(a.endMs);
        expect(next.key).not.toBe(a.key);
        expect(quotaWindow(p, zone, a.endMs - 1).key).toBe(a.key);
      }),
      { numRuns: 500 },
    );
  });
});
