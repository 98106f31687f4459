// The worked examples of the product spec, as copies inside the repository
// (test/spec-examples/): every ```dist block of LANGUAGE.md and the example
// directory of DIRECTORY.md. Tests read these copies, so they run in any clone.
// With UPDATE_GOLDEN=1 (`npm run golden`) and the spec folder beside the
// repository (../shared/spec), the copies are refreshed from it first.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './run-dist';

const FOLDER = path.join(ROOT, 'test', 'spec-examples');
const SPEC = path.resolve(ROOT, '..', 'shared', 'spec');

function refresh(): void {
  if (!process.env.UPDATE_GOLDEN || !existsSync(SPEC)) return;
  const language = readFileSync(path.join(SPEC, 'LANGUAGE.md'), 'utf8');
  const blocks = [...language.matchAll(/```dist\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const folder = path.join(FOLDER, 'language');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  blocks.forEach((block, i) => writeFileSync(path.join(folder, `block-${i + 1}.dist`), block));
  const directory = /```yaml\n([\s\S]*?)```/.exec(readFileSync(path.join(SPEC, 'DIRECTORY.md'), 'utf8'))?.[1];
  if (directory) writeFileSync(path.join(FOLDER, 'directory.yaml'), directory);
}

refresh();

/** The ```dist blocks of LANGUAGE.md, in the order written. */
export function languageBlocks(): string[] {
  const folder = path.join(FOLDER, 'language');
  const files = readdirSync(folder).filter((f) => /^block-\d+\.dist$/.test(f));
  files.sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  return files.map((f) => readFileSync(path.join(folder, f), 'utf8'));
}

/** The example directory of DIRECTORY.md. */
export function directoryExample(): string {
  return readFileSync(path.join(FOLDER, 'directory.yaml'), 'utf8');
}
