// The functions an expression may call, with their parameter and result types.
// Mapping-only functions (and `??`) turn raw payload values into typed fields and
// are allowed only inside `map` blocks; the list of functions is the vocabulary's.
import { FUNCTIONS } from '../../language/vocabulary';
import type { FunctionName } from '../ir';
import { NUMBER, TEXT, isTextual, type Type } from './types';

/** A parameter: a test on the argument's type, and how to name the expected type. */
export interface Param {
  accepts: (t: Type) => boolean;
  show: string;
}

export interface Signature {
  params: Param[];
  /** When set, any number (at least one) of further arguments of this kind. */
  rest: Param | null;
  returns: Type;
  mapOnly: boolean;
}

const text: Param = { accepts: isTextual, show: 'text' };
const number: Param = { accepts: (t) => t.type === 'number' || t.type === 'any', show: 'number' };
const time: Param = { accepts: (t) => t.type === 'time' || t.type === 'any', show: 'time' };
const geo: Param = { accepts: (t) => t.type === 'geo' || t.type === 'any', show: 'geo' };
const textOrList: Param = { accepts: (t) => isTextual(t) || t.type === 'list', show: 'text or list' };

function fn(params: Param[], returns: Type, rest: Param | null = null): Omit<Signature, 'mapOnly'> {
  return { params, rest, returns };
}

/** The types of each function; whether it is mapping-only comes from the vocabulary. */
const TYPES: ReadonlyMap<FunctionName, Omit<Signature, 'mapOnly'>> = new Map([
  ['lower', fn([text], TEXT)],
  ['upper', fn([text], TEXT)],
  ['length', fn([textOrList], NUMBER)],
  ['distance', fn([geo, geo], NUMBER)],
  ['hours_since', fn([time], NUMBER)],
  ['days_since', fn([time], NUMBER)],
  ['trim', fn([text], TEXT)],
  ['title', fn([text], TEXT)],
  ['digits', fn([text], TEXT)],
  ['left', fn([text, number], TEXT)],
  ['right', fn([text, number], TEXT)],
  ['number', fn([text], NUMBER)],
  ['concat', fn([], TEXT, text)],
]);

/** Every function by name. */
export const SIGNATURES: ReadonlyMap<FunctionName, Signature> = new Map(
  FUNCTIONS.map((f) => [f.name, { ...TYPES.get(f.name)!, mapOnly: f.mapOnly }] as const),
);

/** The written form of a signature: `left(text, number)`, `concat(text, …)`. */
export function showSignature(name: string, sig: Signature): string {
  const params = sig.params.map((p) => p.show);
  if (sig.rest) params.push(sig.rest.show, '…');
  return `${name}(${params.join(', ')})`;
}

/** The function names usable in a place: all of them in a `map` block, else the condition functions. */
export function functionNames(inMap: boolean): string[] {
  return [...SIGNATURES].filter(([, sig]) => inMap || !sig.mapOnly).map(([name]) => name);
}
