// A suite after loading: every time parsed to an instant, every `given` already
// merged into a validated directory, single-step cases turned into one step. The
// runner (run-suite.ts) needs nothing else from the file.
import type { UserStateOverrides } from '../runtime/types';
import type { ExpectInput } from './suite-schema';
import { type Directory } from '../api';

/** A suite ready to run. */
export interface LoadedSuite {
  /** The suite's path as reports show it. */
  file: string;
  /** Epoch ms every case starts at. */
  nowMs: number;
  cases: LoadedCase[];
}

export interface LoadedCase {
  name: string;
  /** 1-based line of the case in the suite file. */
  line: number;
  /** The directory at the start of the case (suite and case `given` merged in). */
  directory: Directory;
  /** State from the suite's and the case's `given.state` (the case's wins). */
  state: UserStateOverrides | null;
  steps: LoadedStep[];
}

export interface LoadedStep {
  /** 1-based line of the step (the case's line for a single-step case). */
  line: number;
  /** The directory from this step on, when the step's `given` changes it. */
  directory: Directory | null;
  /** This step's `given.state`. */
  state: UserStateOverrides | null;
  clock: ClockMove | null;
  /** Manual assignments and closes, in the order written, after the clock and before the event. */
  actions: StepAction[];
  event: StepEvent | null;
  /** A raw payload for a `map` block (instead of `event`). */
  payload: StepPayload | null;
  expect: ExpectInput | null;
}

/** What the API would report between decisions: a manual assignment or a closed record. */
export type StepAction =
  | { kind: 'manual_assignment'; entity: string; recordId: string; user: string; counts: boolean }
  | { kind: 'close'; entity: string; recordId: string };

/** `advance: 61m` (relative) or `at: TIME` (absolute). */
export type ClockMove = { kind: 'advance'; ms: number } | { kind: 'at'; ms: number };

export interface StepEvent {
  type: string;
  /** The record as written; `id` is filled per send when missing. */
  record: Record<string, unknown>;
  changed: string[] | null;
  /** How many times the event is sent (fresh record ids each time). */
  repeat: number;
}

export interface StepPayload {
  /** The source whose `map` block reads the payload. */
  source: string;
  payload: Record<string, unknown>;
  /** How many times the payload is sent (fresh event ids each time). */
  repeat: number;
}
