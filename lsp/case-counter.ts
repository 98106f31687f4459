// Counting the scenario cases that reach each rule, for the language server's code
// lens: a count runs a moment after the last change on disk, one at a time (a change
// during a count starts another after it), over the project as the workspace then
// compiles it, yielding between cases so that the server keeps answering the editor.
// While the project has errors the last counts stay.
import type { Program } from '../api';
import type { RuleCaseCounts } from './service/code-lens';

/** What a count runs against: the project folder, its program and its directory's text. */
export interface CountInput {
  root: string;
  program: Program;
  directory: string | null;
}

/** Counts the scenario cases that reach each rule (absent: none), awaiting `between` between cases. */
export type CountCases = (root: string, project: { program: Program; directory: string | null }, between: () => Promise<void>) => Promise<RuleCaseCounts>;

/** How long after the last change on disk the cases are counted again. */
const COUNT_DELAY_MS = 300;

export interface CaseCounter {
  /** Counts a moment from now over what `input` then gives (null: the project has errors, keep the last counts). */
  schedule(input: () => CountInput | null): void;
  /** The last counts; null before the first, or when the last count failed. */
  counts(): RuleCaseCounts | null;
  stop(): void;
}

/** A counter over `count` (none: never counts); `counted` is called after each count. */
export function caseCounter(count: CountCases | undefined, counted: () => void): CaseCounter {
  let latest: RuleCaseCounts | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  let again: (() => CountInput | null) | null = null;
  let stopped = false;
  const between = () => new Promise<void>((resolve) => setImmediate(resolve));
  const run = async (input: () => CountInput | null) => {
    if (running) {
      again = input;
      return;
    }
    running = true;
    const at = input();
    if (at !== null) latest = await count!(at.root, at, between).catch(() => null);
    running = false;
    if (stopped) return;
    if (at !== null) counted();
    const next = again;
    again = null;
    if (next) void run(next);
  };
  return {
    schedule(input) {
      if (!count || stopped) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void run(input), COUNT_DELAY_MS);
    },
    counts: () => latest,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
