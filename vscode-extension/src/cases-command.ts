// The command line that runs a project's scenario cases (`dist test`), for one rule
// or for all of them, and the rule a cursor is in. Pure, so tests need no VS Code.
import path from 'node:path';
import { ruleId } from '../../compiler/stages/rule-id';
import { decodeString } from '../../language/literals';
import type { Exists } from './project-root';

/** A process to start: the executable, its arguments and its working folder. */
export interface CommandLine {
  command: string;
  args: string[];
  cwd: string;
}

/**
 * The `dist` to run in `root`: the `dist.server.path` setting when set, else the
 * project's own `node_modules/.bin/dist`, else `dist` from the PATH.
 */
export function distExecutable(serverPath: string, root: string, exists: Exists, platform = process.platform): string {
  if (serverPath.trim() !== '') return serverPath.trim();
  const local = path.join(root, 'node_modules', '.bin', platform === 'win32' ? 'dist.cmd' : 'dist');
  return exists(local) ? local : 'dist';
}

/** `dist test [--rule ID]` in the project folder: every case, or the cases that reach rule `rule`. */
export function casesCommandLine(dist: string, root: string, rule: string | null): CommandLine {
  return { command: dist, args: rule === null ? ['test'] : ['test', '--rule', rule], cwd: root };
}

const RULE_HEADER = /^\s*rule\s*("(?:[^"\\\r\n]|\\.)*"?)/;

/**
 * The id of the rule whose declaration is at or above `line` (0-based) of `text`,
 * before any later declaration: the rule a cursor on that line is in. Null outside rules.
 */
export function ruleAtLine(text: string, line: number): string | null {
  const lines = text.split(/\r?\n/);
  for (let i = Math.min(line, lines.length - 1); i >= 0; i--) {
    const current = lines[i]!;
    const header = RULE_HEADER.exec(current);
    if (header) return ruleId(decodeString(header[1]!).value);
    if (/^\s*(?:schema|settings|map)\b/.test(current)) return null;
  }
  return null;
}
