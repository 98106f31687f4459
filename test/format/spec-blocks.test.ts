// Every ```dist block of the language spec (LANGUAGE.md, copied into
// test/spec-examples/) formats without errors, idempotently, with every comment
// kept and the meaning unchanged.
import { describe, expect, it } from 'vitest';
import { formatSource } from '../../language/format';
import { languageBlocks } from '../helpers/spec-examples';
import { commentTexts, parsed } from './helpers';

const blocks = languageBlocks();

describe('spec blocks of LANGUAGE.md', () => {
  it('are all there', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
  });

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
