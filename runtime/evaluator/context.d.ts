import type { GeoPoint } from '../../compiler/directory/model';
/** A runtime value; `undefined` means "not set". */
export type Value = string | number | boolean | GeoPoint | Value[] | undefined;
/** The record under decision, as rules read it (`lead.id`, `lead.owner`, `lead.<field>`). */
export interface RecordView {
    id: string;
    /** The record's current owner (first owner when several), if any. */
    owner: string | undefined;
    /** Schema fields, coerced; a missing key is an unset field. */
    fields: Record<string, Value>;
}
/** A candidate user as rules read it (`user.<field>` and the built-ins). */
export interface UserView {
    id: string;
    name: string;
    teams: string[];
    /** Open records: the engine's count plus the load the directory reports. */
    openLoad: number;
    /** Epoch ms of the latest assignment (any rule, manual ones included); undefined: never. */
    lastAssignedAt: number | undefined;
    /** Order of that assignment among all assignments (ties of `lastAssignedAt`); not readable by rules. */
    lastAssignedSeq: number;
    /** `schema user` fields from the directory. */
    fields: Record<string, Value>;
}
/** Everything an expression may read. */
export interface EvalContext {
    /** Entity name of the record (`lead`); field nodes naming it read `record`. */
    entity: string;
    record: RecordView | null;
    user: UserView | null;
    /** The raw payload of a map block (`payload.a.b`); null elsewhere. */
    payload: unknown;
    /** Epoch ms of the engine clock. */
    now: number;
}
/** The built-in user fields, mapped to the UserView property that holds them. */
export declare const USER_BUILTIN_FIELDS: ReadonlyMap<string, keyof UserView>;
/** Built-in user fields whose value comes from the state store, not the directory. */
export declare const USER_STATE_FIELDS: ReadonlySet<string>;
/** Walks `path` into a plain object; anything missing or not an object is unset. */
export declare function walkPath(start: unknown, path: readonly string[], from: number): Value;
