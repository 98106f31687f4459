import type { FunctionName } from '../ir';
import { type Type } from './types';
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
/** Every function by name. */
export declare const SIGNATURES: ReadonlyMap<FunctionName, Signature>;
/** The written form of a signature: `left(text, number)`, `concat(text, …)`. */
export declare function showSignature(name: string, sig: Signature): string;
/** The function names usable in a place: all of them in a `map` block, else the condition functions. */
export declare function functionNames(inMap: boolean): string[];
