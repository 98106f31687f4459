// The built-in functions of conditions and map blocks (LANGUAGE.md "Functions",
// "Input mapping"). Every function returns unset when an argument is unset or of
// the wrong kind: a condition never raises at run time.
import type { FunctionName } from '../../compiler/ir';
import type { Value } from './context';

const EARTH_RADIUS_KM = 6371.0088;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Applies a built-in function to evaluated arguments; `now` is the engine clock in epoch ms. */
export function callFunction(fn: FunctionName, args: readonly Value[], now: number): Value {
  const [a, b] = args;
  switch (fn) {
    case 'lower':
      return typeof a === 'string' ? a.toLowerCase() : undefined;
    case 'upper':
      return typeof a === 'string' ? a.toUpperCase() : undefined;
    case 'trim':
      return typeof a === 'string' ? a.trim() : undefined;
    case 'title':
      return typeof a === 'string' ? a.toLowerCase().replace(/(^|[\s-])(\S)/g, (_m, sep: string, c: string) => sep + c.toUpperCase()) : undefined;
    case 'digits':
      return typeof a === 'string' || typeof a === 'number' ? String(a).replace(/\D/g, '') : undefined;
    case 'length':
      return typeof a === 'string' || Array.isArray(a) ? a.length : undefined;
    case 'left':
      return typeof a === 'string' && isCount(b) ? a.slice(0, b) : undefined;
    case 'right':
      return typeof a === 'string' && isCount(b) ? (b === 0 ? '' : a.slice(-b)) : undefined;
    case 'number':
      return toNumber(a);
    case 'concat':
      return concat(args);
    case 'distance':
      return isGeo(a) && isGeo(b) ? haversineKm(a, b) : undefined;
    case 'hours_since':
      return typeof a === 'number' ? (now - a) / HOUR_MS : undefined;
    case 'days_since':
      return typeof a === 'number' ? (now - a) / DAY_MS : undefined;
  }
}

function isCount(v: Value): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

function toNumber(v: Value): Value {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string' || v.trim() === '') return undefined;
  const n = Number(v.trim().replace(/_/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

function concat(args: readonly Value[]): Value {
  let out = '';
  for (const v of args) {
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return undefined;
    out += String(v);
  }
  return out;
}

/** True for a `{ lat, lon }` point. */
export function isGeo(v: unknown): v is { lat: number; lon: number } {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    typeof (v as { lat?: unknown }).lat === 'number' &&
    typeof (v as { lon?: unknown }).lon === 'number'
  );
}

/** Great-circle distance in kilometres (haversine, mean Earth radius). */
function haversineKm(p: { lat: number; lon: number }, q: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (q.lat - p.lat) * rad;
  const dLon = (q.lon - p.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(p.lat * rad) * Math.cos(q.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
