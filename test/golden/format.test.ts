// Golden tests of `dist fmt`: every `test/golden/format/NAME.dist` is formatted and
// compared with `NAME.formatted.dist` beside it. `UPDATE_GOLDEN=1 npx vitest run
// test/golden` rewrites the expected files; review the diff before committing.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatSource } from '../../language/format';
import { parse } from '../../language/parse';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'format');
const update = Boolean(process.env.UPDATE_GOLDEN);
const inputs = readdirSync(dir)
  .filter((f) => f.endsWith('.dist') && !f.endsWith('.formatted.dist'))
  .sort();

describe('dist fmt goldens', () => {
  it('has inputs', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(10);
  });

  for (const input of inputs) {
    it(input, () => {
      const source = readFileSync(path.join(dir, input), 'utf8');
      const result = formatSource(source, input);
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(parse(source.replace(/\r\n?/g, '\n'), input).ast.declarations.filter((d) => d.recovered)).toEqual([]);
      const expectedPath = path.join(dir, input.replace(/\.dist$/, '.formatted.dist'));
      if (update) writeFileSync(expectedPath, result.text);
      expect(existsSync(expectedPath), `missing ${expectedPath}: run with UPDATE_GOLDEN=1`).toBe(true);
      expect(result.text).toBe(readFileSync(expectedPath, 'utf8'));
      // The expected output is itself canonical.
      expect(formatSource(result.text, input).text).toBe(result.text);
    });
  }
});
