// The README's embedding example is real: it is taken from the README, put in a
// consumer folder that depends on this package (node_modules/dist-rules links
// here), type-checked against the built declarations and run with the built
// entry; a lead posted to it is assigned and explained, and the same lead again
// is answered from the durable state.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-dist';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const example = /## Embedding the router[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
const folder = mkdtempSync(path.join(tmpdir(), 'dist-embed-'));
const file = path.join(folder, 'server.mts');
const state = path.join(folder, 'state');

beforeAll(() => {
  mkdirSync(path.join(folder, 'node_modules'), { recursive: true });
  symlinkSync(ROOT, path.join(folder, 'node_modules', 'dist-rules'));
  symlinkSync(path.join(ROOT, 'node_modules', 'fastify'), path.join(folder, 'node_modules', 'fastify'));
  writeFileSync(path.join(folder, 'package.json'), '{ "type": "module", "private": true }\n');
  writeFileSync(file, example);
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'pipe' });
}, 120_000);

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('the README embedding example', { timeout: 120_000 }, () => {
  it('is short and type-checks against the built declarations', () => {
    expect(example.trim().split('\n').length).toBeLessThanOrEqual(16);
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const flags = ['--ignoreConfig', '--noEmit', '--strict', '--module', 'esnext', '--moduleResolution', 'bundler', '--target', 'es2022', '--types', 'node', '--typeRoots', path.join(ROOT, 'node_modules', '@types'), file];
    execFileSync(process.execPath, [tsc, ...flags], { cwd: ROOT, stdio: 'pipe' });
  });

  it('assigns a posted lead, explains it, and answers a repeat from durable state', async () => {
    const env = { ...process.env, PORT: '0', DIST_STATE: `sqlite:${path.join(state, 'state.db')}` };
    const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /listening on (http:\/\/\S+)/.exec(out);
          if (match) resolve(match[1]!);
        });
        child.on('exit', (code) => reject(new Error(`the example exited with ${code}: ${out}`)));
      });
      const post = async (body: unknown) => {
        const res = await fetch(`${url}/leads`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        return { status: res.status, body: (await res.json()) as Record<string, unknown> };
      };
      const lead = { id: 'L1', source: 'Website', country: 'India', score: 85, language: 'en' };
      const first = await post(lead);
      expect(first.status).toBe(200);
      expect(first.body.outcome).not.toBe('unmatched');
      expect(first.body.assigned).toHaveLength(1);
      expect(first.body.why).toMatch(/rules:\n/);
      const again = await post(lead);
      expect(again.body).toEqual(first.body);
      const bad = await post({ id: 'L2', score: 'high' });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('record.score');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
