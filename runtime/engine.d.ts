import type { Directory } from '../compiler/directory/model';
import type { Program } from '../compiler/ir';
import { type DirectoryIndex } from './directory-index';
import { type ProgramIndex } from './program-index';
import { type QueueItem, type StateStore } from './state/store';
import type { DecideResult, Decision, IncomingEvent, UserStateOverrides } from './types';
export interface EngineOptions {
    program: Program;
    directory: Directory;
    store: StateStore;
    /** Epoch ms; every decision reads it once. */
    clock: () => number;
    /** Record every condition's value in rule traces (`dist test --coverage`). */
    coverage?: boolean;
    /** Add an outbox item per decision for the server to deliver (default false). */
    outbox?: boolean;
}
/** A manual assignment reported to the engine (API `POST /v1/assignments`). */
export interface ManualAssignment {
    entity: string;
    recordId: string;
    user: string;
    /** False for cherry-picked records: no quota, rotation or least_recent effect. */
    counts: boolean;
}
export interface Engine {
    /** Validates, deduplicates by event id, and decides (RUNTIME.md "An event, start to end"). */
    decide(event: IncomingEvent): Promise<DecideResult>;
    /** Runs every timer due at the clock, in due order, one transaction each; returns the decisions made. */
    tick(): Promise<Decision[]>;
    nextTimerAt(): Promise<number | null>;
    /** Replaces the directory (API or scenario `given`); rebuilds the indexes. */
    setDirectory(directory: Directory): void;
    /** Sets state-kept user values (scenario `given.state`); `openLoad` sets the user's total. */
    setUserState(overrides: UserStateOverrides): Promise<void>;
    /** The record is closed: its owners' open_load goes down. False when unknown or already closed. */
    closeRecord(entity: string, recordId: string): Promise<boolean>;
    /** Reports a manual assignment. */
    reportAssignment(assignment: ManualAssignment): Promise<void>;
    /** Sends a queued record through the rules again; null when it is not in that queue. */
    retryQueued(queue: string, recordId: string): Promise<DecideResult | null>;
    listQueue(queue: string): Promise<QueueItem[]>;
    /** The prepared program and directory (for tools and benchmarks). */
    readonly program: ProgramIndex;
    readonly directory: DirectoryIndex;
}
/** Creates an engine over a program, a directory and a state store. */
export declare function createEngine(options: EngineOptions): Engine;
