// The reference pages stay true: docs/diagnostics.md lists exactly the codes of the
// code table, and every whole `dist` example in docs/*.md parses without errors.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES } from '../../language/diagnostics';
import { parse } from '../../language/parse';

const docs = path.resolve(__dirname, '../../docs');

describe('docs', () => {
  it('diagnostics.md lists every code, and only those', () => {
    const page = readFileSync(path.join(docs, 'diagnostics.md'), 'utf8');
    const listed = [...page.matchAll(/^\| (DIST\d{3}) \| (\w+) \|/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(listed).toEqual(Object.entries(CODES).map(([code, { severity }]) => `${code} ${severity}`));
  });

  const pages = readdirSync(docs).filter((f) => f.endsWith('.md'));
  for (const page of pages) {
    const text = readFileSync(path.join(docs, page), 'utf8');
    // Examples at the start of a line are whole programs; indented ones are fragments.
    const blocks = [...text.matchAll(/^```dist\n([\s\S]*?)^```/gm)].map((m) => m[1]!);
    for (const [i, block] of blocks.entries()) {
      it(`${page} example ${i + 1} parses`, () => {
        expect(parse(block, `${page}#${i + 1}`).diagnostics).toEqual([]);
      });
    }
  }
});
