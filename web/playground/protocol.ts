// The messages between the playground page and its language worker. Diagnostic
// spans are UTF-16 offsets into the rules text (the page turns them into Monaco
// line/column); completion and hover take LSP positions; every request carries the texts it is about, so the worker holds
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
  | { kind: 'complete'; texts: PlaygroundTexts; at: LinePosition }
  | { kind: 'hover'; texts: PlaygroundTexts; at: LinePosition }
  | { kind: 'simulate'; texts: PlaygroundTexts; event: string };

/** A place in the rules file: 0-based line and UTF-16 character (Monaco's line and column less one). */
export interface LinePosition {
  line: number;
  character: number;
}

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
  /** LSP's CompletionItemKind. */
  kind: number;
  detail?: string;
  doc: string;
  insertText: string;
}

/** Hover text (Markdown), over a range when the service gives one. */
export interface HoverInfo {
  markdown: string;
  range: { start: LinePosition; end: LinePosition } | null;
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
