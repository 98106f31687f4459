// The reference pages stay true: docs/diagnostics.md lists exactly the codes of the
// code table, every whole `dist` example in docs/*.md parses without errors, and
// no page links outside the repository's own files (a clone has nothing beside it).
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

  it('no Markdown page of the repository links outside it', () => {
    const root = path.resolve(docs, '..');
    const pages = [path.join(root, 'README.md'), ...['docs', 'examples', 'examples/seeds', 'cli', 'server', 'runtime', 'scenario', 'scripts', 'bench'].flatMap((dir) =>
      readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.md')).map((f) => path.join(root, dir, f)),
    )];
    const outside = pages.flatMap((page) =>
      [...readFileSync(page, 'utf8').matchAll(/\]\(([^)#]+)[^)]*\)/g)]
        .map((m) => m[1]!)
        .filter((target) => !/^[a-z]+:/.test(target) && !path.resolve(path.dirname(page), target).startsWith(root + path.sep))
        .map((target) => `${path.relative(root, page)} → ${target}`),
    );
    expect(outside).toEqual([]);
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
