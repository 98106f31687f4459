import type { FieldType } from '../ir';
/** A type as the type checker sees it. */
export type Type = {
    type: 'text' | 'number' | 'bool' | 'time' | 'duration' | 'geo' | 'any';
} | {
    type: 'choice';
    options: string[];
} | {
    type: 'list';
    element: Type;
};
export declare const TEXT: Type;
export declare const NUMBER: Type;
export declare const BOOL: Type;
export declare const DURATION: Type;
export declare const ANY: Type;
/** The simple type names a schema may use (`choice(…)` and `list(…)` have their own syntax). */
export declare const SIMPLE_TYPES: readonly ["text", "number", "bool", "time", "duration", "geo"];
/** Fields every record has, whatever its schema declares. */
export declare const RECORD_BUILTINS: ReadonlyMap<string, FieldType>;
/** Fields every directory user has, maintained by the runtime. */
export declare const USER_BUILTINS: ReadonlyMap<string, FieldType>;
/** Names that could reach an object's prototype; never allowed as a field or entity. */
export declare const FORBIDDEN_NAMES: ReadonlySet<string>;
/** True when a value of type `a` may be compared with (or stand in for) one of type `b`. */
export declare function compatible(a: Type, b: Type): boolean;
/** `text` or `choice(…)`: both hold strings. */
export declare function isTextual(t: Type): boolean;
/** True for the types `<`, `between` and friends work on. */
export declare function isOrdered(t: Type): boolean;
/** The type as written in source (`choice("A", "B")`, `list(text)`). */
export declare function showType(t: Type): string;
