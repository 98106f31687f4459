// Shared CLI plumbing: exit codes, colour that respects NO_COLOR and non-TTY output,
// and writers for stdout/stderr.

/** Clean, or warnings only. */
export const EXIT_OK = 0;
/** Errors in the user's files (diagnostics, failing tests, files that would change). */
export const EXIT_FAILURE = 1;
/** Usage or I/O problems: bad flags, missing paths, unreadable files. */
export const EXIT_USAGE = 2;

/** True when colour should be used on this stream (TTY, NO_COLOR unset, FORCE_COLOR honoured). */
export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

const CODES = { red: 31, yellow: 33, blue: 34, cyan: 36, green: 32, bold: 1, dim: 2 } as const;
export type Style = keyof typeof CODES;

/** A painter for one stream: `paint('red', text)` adds ANSI colour only when colour is on. */
export function painter(stream: NodeJS.WriteStream = process.stdout): (style: Style, text: string) => string {
  const on = useColor(stream);
  return (style, text) => (on ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text);
}

export function writeOut(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function writeError(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}
