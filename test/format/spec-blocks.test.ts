// Every ```dist block of the language spec (LANGUAGE.md) formats without errors,
// idempotently, with every comment kept and the meaning unchanged.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatSource } from '../../language/format';
import { commentTexts, parsed } from './helpers';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const specPath = path.resolve(repoRoot, '../shared/spec/LANGUAGE.md');
const blocks = existsSync(specPath)
  ? [...readFileSync(specPath, 'utf8').matchAll(/```dist\n([\s\S]*?)```/g)].map((m) => m[1]!)
  : [];

// Without the shared spec beside the repository, say so as a skipped test.
if (blocks.length === 0) it.skip(`spec blocks: ${specPath} not found`, () => {});

describe.runIf(blocks.length > 0)('spec blocks of LANGUAGE.md', () => {
  blocks.forEach((block, i) => {
    const title = block.split('\n')[0]!.slice(0, 60);
    it(`block ${i + 1}: ${title}`, () => {
      const first = formatSource(block, `spec-${i + 1}.dist`);
      expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const second = formatSource(first.text, `spec-${i + 1}.dist`);
      expect(second.text).toBe(first.text);
      expect(second.changed).toBe(false);
      expect(commentTexts(first.text)).toEqual(commentTexts(block));
      expect(parsed(first.text).meaning).toEqual(parsed(block).meaning);
    });
  });
});
