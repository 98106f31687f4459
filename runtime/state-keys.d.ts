import type { QuotaPeriod } from '../compiler/ir';
export declare const keys: {
    /** Rotation queue of a rule at a level (`pool`, `key:<team>`, `value:<choice>`). */
    readonly rotation: (ruleId: string, level: string) => string;
    /** Position in a weighted rule's cycle. */
    readonly cursor: (ruleId: string) => string;
    /** State of a rule's random generator. */
    readonly seed: (ruleId: string) => string;
    readonly lastAssignedAt: (userId: string) => string;
    /** Order of a user's latest assignment (breaks ties between equal `last_assigned_at`). */
    readonly lastAssignedSeq: (userId: string) => string;
    /** The engine's own count of a user's open records (the directory's load adds to it). */
    readonly openLoad: (userId: string) => string;
    readonly quota: (userId: string, period: QuotaPeriod, windowKey: string) => string;
    readonly record: (entity: string, recordId: string) => string;
    /** Counters for deterministic ids (`decision`, `timer`, `outbox`). */
    readonly sequence: (name: string) => string;
};
/** Lock names (state/store.ts "Isolation"). */
export declare const locks: {
    readonly event: (eventId: string) => string;
    readonly record: (entity: string, recordId: string) => string;
    readonly rule: (ruleId: string) => string;
    readonly user: (userId: string) => string;
};
