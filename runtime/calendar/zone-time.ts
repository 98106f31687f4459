// Local wall-clock time in an IANA zone, in plain milliseconds: a "wall" value is
// the local date and time written as if it were UTC (read it with getUTC*). Going
// from wall to instant is where DST bites: a wall time may occur twice (fall back)
// or not at all (spring forward); `instantsAtWall` says which instants it is.
// Offsets are cached per zone and UTC day, so hot paths rarely ask the platform.
import { IANAZone } from 'luxon';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
/** Instants whose local time is a given wall time lie within this of it (offsets span −12 h … +14 h). */
const REACH_MS = 15 * HOUR_MS;

function zoneNamed(name: string): IANAZone {
  const zone = IANAZone.create(name);
  if (!zone.isValid) throw new RangeError(`unknown time zone \`${name}\``);
  return zone;
}

/** A UTC day's offsets: `before` until `changeMs`, `after` from then (changeMs = +∞ when none). */
interface DayOffsets {
  before: number;
  after: number;
  changeMs: number;
}

/** Per zone, per UTC day number; asking the platform for an offset costs microseconds, a hit nanoseconds. */
const dayCache = new Map<string, Map<number, DayOffsets>>();
const DAY_CACHE_LIMIT = 20_000;

/**
 * The zone's offset from UTC at instant `atMs`, in milliseconds. Assumes at most one
 * offset change per UTC day (true of every zone in use). Throws on an unknown zone
 * (zones are validated at load).
 */
export function offsetAt(zone: string, atMs: number): number {
  const dayNumber = Math.floor(atMs / DAY_MS);
  let days = dayCache.get(zone);
  if (!days) dayCache.set(zone, (days = new Map()));
  let entry = days.get(dayNumber);
  if (!entry) {
    if (days.size >= DAY_CACHE_LIMIT) days.clear();
    entry = offsetsOfDay(zoneNamed(zone), dayNumber * DAY_MS);
    days.set(dayNumber, entry);
  }
  return atMs < entry.changeMs ? entry.before : entry.after;
}

function offsetsOfDay(zone: IANAZone, dayStartMs: number): DayOffsets {
  const raw = (t: number) => zone.offset(t) * MINUTE_MS;
  let lo = dayStartMs;
  let hi = dayStartMs + DAY_MS - 1;
  const before = raw(lo);
  const after = raw(hi);
  if (before === after) return { before, after, changeMs: Number.POSITIVE_INFINITY };
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (raw(mid) === after) hi = mid;
    else lo = mid;
  }
  return { before, after, changeMs: hi };
}

/** The local wall-clock time of an instant. */
export function wallTime(zone: string, atMs: number): number {
  return atMs + offsetAt(zone, atMs);
}

/** The wall time of local midnight starting the wall time's day. */
export function startOfWallDay(wall: number): number {
  return wall - mod(wall, DAY_MS);
}

/** `x mod m` in [0, m), also for negative `x`. */
export function mod(x: number, m: number): number {
  return ((x % m) + m) % m;
}

/**
 * The instants whose local time is `wall`, earliest first: one normally, two in a
 * fall-back overlap, and in a spring-forward gap the single instant the gap ends
 * (the first instant whose local time is past `wall`).
 */
export function instantsAtWall(zone: string, wall: number): number[] {
  const before = offsetAt(zone, wall - REACH_MS);
  const after = offsetAt(zone, wall + REACH_MS);
  const found = [...new Set([before, after])]
    .map((offset) => wall - offset)
    .filter((t) => wallTime(zone, t) === wall)
    .sort((a, b) => a - b);
  if (found.length > 0) return found;
  // No instant shows `wall`: a gap, unless the zone changed offset twice within a day (then the nearest guess).
  return before === after ? [wall - before] : [offsetChange(zone, wall - after, wall - before)];
}

/**
 * The offset transitions within `[fromMs, toMs]`, assuming at most one (zones change
 * offset months apart; callers look at spans of a few days).
 */
export function transitionsWithin(zone: string, fromMs: number, toMs: number): number[] {
  return offsetAt(zone, fromMs) === offsetAt(zone, toMs) ? [] : [offsetChange(zone, fromMs, toMs)];
}

/** The first instant in `(lo, hi]` with the offset of `hi`, given that `lo` has another (binary search). */
function offsetChange(zone: string, lo: number, hi: number): number {
  const target = offsetAt(zone, hi);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(zone, mid) === target) hi = mid;
    else lo = mid;
  }
  return hi;
}
