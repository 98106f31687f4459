import { type EventKind, type Program } from '../compiler/ir';
import type { Value } from './evaluator/context';
import type { IncomingEvent, InputIssue } from './types';
/** The deepest nesting accepted in an event (API.md). */
export declare const MAX_DEPTH = 32;
/** A valid event, normalised. */
export interface NormalisedEvent {
    id: string;
    /** `<entity>.<kind>`. */
    type: string;
    entity: string;
    kind: EventKind;
    recordId: string;
    /** Schema fields as sent, coerced; null: the event clears the field. */
    fields: Record<string, Value | null>;
    /** `owner` as sent, if any. */
    owner: string | undefined;
    /** Fields the schema does not declare (kept for the log). */
    extra: Record<string, unknown>;
    changed: string[];
    /** When the event happened at its source (`at`, epoch ms); null when not given. */
    at: number | null;
}
export type ValidationResult = {
    ok: true;
    event: NormalisedEvent;
} | {
    ok: false;
    issues: InputIssue[];
};
/** The keys of an event; any other top-level key is refused (record fields may be anything). */
export declare const EVENT_KEYS: readonly string[];
/** Validates `event` against `program`; every issue names the field at fault. */
export declare function validateEvent(program: Program, event: IncomingEvent): ValidationResult;
