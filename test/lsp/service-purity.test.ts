// The language service runs in a browser worker too: nothing under lsp/service/
// may import a `node:*` module or the vscode-languageserver runtime (the LSP types
// package is pure and allowed), directly or through the compiler and language
// modules it uses.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-dist';

/** Every module reachable from `entry` through relative imports, with the bare imports each makes. */
function reachable(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    const bare: string[] = [];
    for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'/gm)) {
      const [, typeOnly, target] = m;
      if (target!.startsWith('.')) {
        if (!typeOnly) stack.push(path.posix.join(path.posix.dirname(file), `${target}.ts`));
      } else if (!typeOnly) bare.push(target!);
    }
    seen.set(file, bare);
  }
  return seen;
}

describe('the language service', () => {
  it('imports no node module and no language-server runtime, however deep', () => {
    const modules = reachable('lsp/service/language-service.ts');
    expect([...modules.keys()]).toContain('compiler/workspace.ts');
    const wrong: string[] = [];
    for (const [file, bare] of modules) {
      for (const target of bare) if (target.startsWith('node:') || /^vscode-languageserver(\/|$)/.test(target)) wrong.push(`${file} imports ${target}`);
    }
    expect(wrong).toEqual([]);
  });
});
