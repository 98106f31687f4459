// Runs the data-only corpus of invalid programs (test/corpus/invalid/*.yaml):
// each case is a small project and the exact list of diagnostics it must give
// (code, file, line, column, and `fix`: the new texts of its quick fix's edits,
// wherever the diagnostic carries one). Also checks that the corpus covers every
// code the compiler reports.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { compileProject } from '../../compiler/compile';
import { CODES } from '../../language/diagnostics';
import { inputFromFiles, located } from './fixtures';

const DIR = join(import.meta.dirname, '..', 'corpus', 'invalid');

const Expected = z.strictObject({ code: z.string(), file: z.string(), line: z.number(), column: z.number(), fix: z.array(z.string()).optional() });
const Case = z.strictObject({ name: z.string(), files: z.record(z.string(), z.string()), expect: z.array(Expected) });

const suites = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ file: f, cases: z.array(Case).parse(parseYaml(readFileSync(join(DIR, f), 'utf8'))) }));

/** Codes the compiler (parser included) can report for a project's texts. */
const COMPILER_CODES = Object.keys(CODES).filter((c) => /^DIST[123]\d\d$/.test(c) || ['DIST003', 'DIST004', 'DIST402', 'DIST404', 'DIST406'].includes(c));

describe('invalid corpus', () => {
  for (const suite of suites) {
    describe(suite.file, () => {
      for (const c of suite.cases) {
        test(c.name, () => {
          const input = inputFromFiles(c.files);
          const result = compileProject(input);
          const fixes = result.diagnostics.map((d) => d.data?.fix?.edits.map((e) => e.newText));
          const actual = located(result.diagnostics, input).map(({ code, file, line, column }, i) => ({ code, file, line, column, ...(fixes[i] ? { fix: fixes[i] } : {}) }));
          expect(actual, JSON.stringify(result.diagnostics.map((d) => `${d.code} ${d.message}`), null, 1)).toEqual(c.expect);
          expect(result.program === null).toBe(result.diagnostics.some((d) => d.severity === 'error'));
        });
      }
    });
  }

  test('covers every code the compiler reports', () => {
    const covered = new Set(suites.flatMap((s) => s.cases.flatMap((c) => c.expect.map((e) => e.code))));
    expect(COMPILER_CODES.filter((code) => !covered.has(code))).toEqual([]);
  });
});
