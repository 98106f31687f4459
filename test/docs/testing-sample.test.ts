// The suite shown in docs/testing.md is a passing suite of examples/b2b-inbound,
// and its table of keys names exactly the keys the suite schema accepts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileFolder } from '../../compiler/node/compile-folder';
import { loadSuite } from '../../scenario/load-suite';
import { runSuite } from '../../scenario/run-suite';
import { ALLOWED_KEYS } from '../../scenario/suite-schema';
import { ROOT } from '../helpers/run-dist';

const page = readFileSync(path.join(ROOT, 'docs/testing.md'), 'utf8');
const project = path.join(ROOT, 'examples/b2b-inbound');

describe('docs/testing.md', () => {
  it('shows a suite that passes against examples/b2b-inbound', async () => {
    const text = /^```yaml\n([\s\S]*?)^```/m.exec(page)?.[1];
    expect(text).toBeDefined();
    const { result } = await compileFolder(project);
    const loaded = loadSuite({ file: 'docs/testing.md', text: text! }, { program: result.program!, directory: readFileSync(path.join(project, 'directory.yaml'), 'utf8') });
    expect(loaded.ok ? [] : loaded.errors.map((e) => `${e.line}:${e.column}: ${e.message}`)).toEqual([]);
    const run = await runSuite((loaded as Extract<typeof loaded, { ok: true }>).suite, result.program!, () => 'rules');
    expect(run.cases.map((c) => [c.name, c.failure?.message ?? 'passed'])).toEqual(run.cases.map((c) => [c.name, 'passed']));
    expect(run.cases).toHaveLength(4);
  });

  it('lists every key of every level', () => {
    const row = (level: string) => new RegExp(`^\\| ${level} \\| (.*) \\|$`, 'm').exec(page)?.[1] ?? '';
    const keys = (cell: string) => [...cell.matchAll(/`(\w+)`/g)].map((m) => m[1]);
    expect(keys(row('step'))).toEqual(ALLOWED_KEYS.step);
    expect(keys(row('suite'))).toEqual(ALLOWED_KEYS.suite);
    for (const key of ALLOWED_KEYS.expect) expect(keys(row('`expect`'))).toContain(key);
    for (const key of ALLOWED_KEYS.given) expect(keys(row('`given`'))).toContain(key);
  });
});
