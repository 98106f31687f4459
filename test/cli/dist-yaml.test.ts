// dist.yaml's serve sections are checked the same way by every command:
// `dist check` refuses what `dist serve` refuses, each problem at its line in
// dist.yaml; the list form of `deliveries` is read like the mapping form.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dist } from '../helpers/run-dist';

const base = mkdtempSync(path.join(tmpdir(), 'dist-yaml-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const RULES = 'schema lead {\n  source: text\n}\n\nrule "R" {\n  priority 1\n  on lead.created\n  assign users "a"\n  distribute round_robin\n}\n';

function project(name: string, distYaml: string): string {
  const root = path.join(base, name);
  mkdirSync(path.join(root, 'rules'), { recursive: true });
  writeFileSync(path.join(root, 'rules', 'main.dist'), RULES);
  writeFileSync(path.join(root, 'directory.yaml'), 'users:\n  - { id: a, name: A }\n');
  writeFileSync(path.join(root, 'dist.yaml'), distYaml);
  return root;
}

describe('the serve sections of dist.yaml', () => {
  const bad = project('bad', 'server:\n  prot: 8080\n  body_limit: lots\ndeliveries:\n  crm:\n    on: [assigned]\n    url: not-a-url\n');

  it('`dist check` reports what `dist serve` refuses, with file and line', () => {
    const check = dist('check', bad);
    expect(check.stdout).toMatch(/dist\.yaml:2:3 error DIST602 `server\.prot`: unknown key; did you mean `port`\?/);
    expect(check.stdout).toMatch(/dist\.yaml:3:15 error DIST602 `server\.body_limit`: expected a size/);
    expect(check.stdout).toMatch(/dist\.yaml:7:10 error DIST602 `deliveries\.crm\.url`: expected an http\(s\) URL/);
    expect(check.code).toBe(1);
  });

  it('`dist serve` refuses it with the same diagnostics', () => {
    const serve = dist('serve', bad, '--port', '0');
    expect(serve.stderr).toMatch(/dist\.yaml:2:3 error DIST602 `server\.prot`/);
    expect(serve.stderr).toMatch(/dist\.yaml:7:10 error DIST602 `deliveries\.crm\.url`/);
    expect(serve.code).toBe(1);
  });

  it('reads `deliveries` as a list of named deliveries', () => {
    const list = project('list', 'deliveries:\n  - name: crm\n    on: [assigned]\n    url: https://crm.example/api\n');
    const check = dist('check', list);
    expect(check.stdout.trim()).toBe('no problems');
    expect(check.code).toBe(0);
    const wrong = project('list-wrong', 'deliveries:\n  - name: crm\n    on: [assigned]\n    url: https://crm.example/api\n  - name: crm\n    on: [queued]\n    url: https://crm.example/q\n');
    expect(dist('check', wrong).stdout).toMatch(/dist\.yaml:5:11 error DIST602 `deliveries\[1\]\.name`: the delivery name `crm` is used twice/);
  });
});
