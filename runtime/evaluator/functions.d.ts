import type { FunctionName } from '../../compiler/ir';
import type { Value } from './context';
/** Applies a built-in function to evaluated arguments; `now` is the engine clock in epoch ms. */
export declare function callFunction(fn: FunctionName, args: readonly Value[], now: number): Value;
/** True for a `{ lat, lon }` point. */
export declare function isGeo(v: unknown): v is {
    lat: number;
    lon: number;
};
