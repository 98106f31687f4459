// Golden tests of the compiler: each folder under test/golden/compile/ is a small
// project (rules/**/*.dist, optional directory.yaml) with its expected IR (spans
// stripped) and diagnostics beside it. UPDATE_GOLDEN=1 rewrites the goldens.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compileProject } from '../../compiler/compile';
import { Program, stripSpans } from '../../compiler/ir';
import { formatDiagnostics, readFixture } from '../compiler/fixtures';

const ROOT = join(import.meta.dirname, 'compile');
const update = Boolean(process.env.UPDATE_GOLDEN);

function golden(path: string, actual: string): void {
  if (update) writeFileSync(path, actual);
  else expect(actual, `${path} (run npm run test:golden:update to refresh)`).toBe(existsSync(path) ? readFileSync(path, 'utf8') : '');
}

describe('compile goldens', () => {
  for (const name of readdirSync(ROOT).sort()) {
    test(name, () => {
      const dir = join(ROOT, name);
      const input = readFixture(dir);
      const result = compileProject(input);
      if (result.program) expect(Program.parse(result.program)).toEqual(result.program);
      golden(join(dir, 'expected.ir.json'), `${JSON.stringify(result.program && stripSpans(result.program), null, 2)}\n`);
      golden(join(dir, 'expected.diagnostics.txt'), formatDiagnostics(result.diagnostics, input));
    });
  }
});
