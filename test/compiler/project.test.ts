// loadProject and findProjectRoot over real folders in a temporary directory:
// dist.yaml, rule discovery, decoding, and the DIST6xx diagnostics.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { findProjectRoot, loadProject } from '../../compiler/node/project';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dist-project-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function write(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(join(root, path, '..'), { recursive: true });
  await writeFile(join(root, path), content);
}

describe('loadProject', () => {
  test('finds every .dist file under rules/, sorted, and the directory', async () => {
    await write('rules/z.dist', '// z');
    await write('rules/teams/east.dist', '// east');
    await write('rules/a.dist', '// a');
    await write('rules/notes.txt', 'ignored');
    await write('directory.yaml', 'users: []\n');
    const { input, config, diagnostics } = await loadProject(root);
    expect(diagnostics).toEqual([]);
    expect(input.sources.map((s) => s.file)).toEqual(['rules/a.dist', 'rules/teams/east.dist', 'rules/z.dist']);
    expect(input.sources[0]!.text).toBe('// a');
    expect(input.directory).toEqual({ file: 'directory.yaml', text: 'users: []\n' });
    expect(config).toMatchObject({ rules: 'rules', directory: 'directory.yaml', tests: 'tests', root });
  });

  test('reads paths from dist.yaml', async () => {
    await write('dist.yaml', 'rules: src/rules\ndirectory: data/people.yaml\nstate: { store: sqlite }\nserver: { port: 8080 }\n');
    await write('src/rules/a.dist', '// a');
    await write('data/people.yaml', 'users: []\n');
    const { input, config, diagnostics } = await loadProject(root);
    expect(diagnostics).toEqual([]);
    expect(input.sources.map((s) => s.file)).toEqual(['src/rules/a.dist']);
    expect(input.directory?.file).toBe('data/people.yaml');
    expect(config.state).toEqual({ store: 'sqlite' });
  });

  test('unknown dist.yaml keys are DIST602 at their line', async () => {
    await write('dist.yaml', 'rules: rules\nrulez: other\ntests: 3\n');
    await write('rules/a.dist', '// a');
    const { diagnostics } = await loadProject(root);
    expect(diagnostics.map((d) => [d.code, d.file, d.span.start])).toEqual([
      ['DIST602', 'dist.yaml', 13],
      ['DIST602', 'dist.yaml', 26],
    ]);
    expect(diagnostics[0]!.message).toContain('`rulez`');
  });

  test('invalid YAML in dist.yaml is DIST602', async () => {
    await write('dist.yaml', 'rules: [unclosed\n');
    await write('rules/a.dist', '// a');
    const { diagnostics } = await loadProject(root);
    expect(diagnostics.map((d) => d.code)).toContain('DIST602');
  });

  test('no rules is DIST603; a missing folder is DIST601', async () => {
    expect((await loadProject(root)).diagnostics.map((d) => d.code)).toEqual(['DIST603']);
    expect((await loadProject(join(root, 'nope'))).diagnostics.map((d) => d.code)).toEqual(['DIST601']);
  });

  test('invalid UTF-8 is DIST006 and the rest of the file is kept', async () => {
    await write('rules/a.dist', new Uint8Array([0x2f, 0x2f, 0x20, 0xff, 0x0a, 0x61]));
    const { input, diagnostics } = await loadProject(root);
    expect(diagnostics.map((d) => d.code)).toEqual(['DIST006']);
    expect(input.sources[0]!.text.endsWith('\na')).toBe(true);
  });
});

describe('findProjectRoot', () => {
  test('finds the nearest folder with dist.yaml or rules/', async () => {
    await write('rules/a.dist', '// a');
    await write('tests/suite.test.yaml', 'cases: []\n');
    expect(await findProjectRoot(join(root, 'tests', 'suite.test.yaml'))).toBe(root);
    expect(await findProjectRoot(join(root, 'tests'))).toBe(root);
    await write('nested/dist.yaml', '');
    await write('nested/tests/x.test.yaml', '');
    expect(await findProjectRoot(join(root, 'nested', 'tests', 'x.test.yaml'))).toBe(join(root, 'nested'));
  });
});
