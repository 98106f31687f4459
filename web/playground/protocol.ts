// The messages between the playground page and its language worker. Positions
// are UTF-16 offsets into the rules text (the page turns them into Monaco
// line/column); every request carries the texts it is about, so the worker holds
// no state of its own between requests.

/** The project being edited: one rules file and the directory. */
export interface PlaygroundTexts {
  rules: string;
  directory: string;
}

/** The rules file's name inside the playground project. */
export const RULES_FILE = 'rules/main.dist';
/** The directory's name inside the playground project. */
export const DIRECTORY_FILE = 'directory.yaml';

export type Request =
  | { kind: 'check'; texts: PlaygroundTexts }
  | { kind: 'complete'; texts: PlaygroundTexts; offset: number }
  | { kind: 'hover'; texts: PlaygroundTexts; offset: number }
  | { kind: 'simulate'; texts: PlaygroundTexts; event: string };

/** A diagnostic as the page shows it: in the rules file or the directory. */
export interface Problem {
  file: string;
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  start: number;
  end: number;
  help?: string;
  /** The quick fix, with its edits in the rules file. */
  fix?: { title: string; edits: { start: number; end: number; newText: string }[] };
}

/** A completion item. */
export interface Completion {
  label: string;
  kind: 'keyword' | 'method' | 'function' | 'value';
  doc: string;
}

/** Hover text (Markdown) over a span. */
export interface HoverInfo {
  markdown: string;
  start: number;
  end: number;
}

/** What a simulated record got. */
export type Simulation =
  | {
      ok: true;
      outcome: string;
      rule: string | null;
      assigned: string[];
      queue: string | null;
      reason: string | null;
      candidates: { user: string; status: string; step: string | null; reason: string }[];
      explain: string;
    }
  | { ok: false; problems: string[] };

export interface Responses {
  check: Problem[];
  complete: Completion[];
  hover: HoverInfo | null;
  simulate: Simulation;
}

/** A request with its id, as posted to the worker. */
export type Envelope = { id: number } & Request;
/** The worker's answer to request `id`. */
export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
