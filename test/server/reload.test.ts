// Hot reload and the directory overlay: a broken rule file keeps the old rules
// deciding and is reported on /readyz; the fix goes live; a broken directory file
// keeps the old directory; API changes to the directory survive a restart, and a
// PUT base gives way when directory.yaml changes.
import { execFileSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call, DIRECTORY, eventually, lead, removeProject, RULES, startTestServer, writeProject, type TestServer } from './helpers';

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(root: string, watch = true): Promise<TestServer> {
  const server = await startTestServer(root, { watch });
  cleanups.push(() => server.close());
  return server;
}

function project(): string {
  const root = writeProject();
  cleanups.push(() => removeProject(root));
  return root;
}

const readyz = async (server: TestServer) => (await call(server.url, 'GET', '/readyz')).body;

describe('hot reload', () => {
  it('keeps the old rules on a broken change, reports it, and takes the fix', async () => {
    const root = project();
    const server = await serve(root);
    const rules = path.join(root, 'rules', 'main.dist');
    writeFileSync(rules, `${RULES}\nrule "Broken" {\n`);
    await eventually(async () => (await readyz(server)).reload.ok === false, 8000, 'the failed reload');
    const status = await call(server.url, 'GET', '/readyz');
    expect(status.status).toBe(200);
    expect(status.body.reload.diagnostics[0]).toMatchObject({ file: 'rules/main.dist', severity: 'error', code: 'DIST003' });
    expect(server.logs.some((l) => l.step === 'reload' && l.ok === false)).toBe(true);
    expect((await call(server.url, 'POST', '/v1/events', lead('old'))).body).toMatchObject({ rule: 'Web', assigned: ['a@x.test'] });

    writeFileSync(rules, RULES.replace('"a@x.test", "b@x.test", "c@x.test"', '"c@x.test", "b@x.test"'));
    await eventually(async () => (await readyz(server)).reload.ok === true, 8000, 'the fixed reload');
    const fixed = await call(server.url, 'POST', '/v1/events', lead('new'));
    expect(fixed.body).toMatchObject({ rule: 'Web' });
    expect(['b@x.test', 'c@x.test']).toContain(fixed.body.assigned[0]);
  });

  it('takes every later change saved by rename, and a fix copied over a failed one', async () => {
    const root = project();
    const server = await serve(root);
    const rules = path.join(root, 'rules', 'main.dist');
    const reloadedAfter = async (at: number, what: string) => {
      await eventually(async () => (await readyz(server)).reload.at > at, 8000, what);
      return (await readyz(server)).reload;
    };
    let status = (await readyz(server)).reload;
    for (const [from, to] of [['"Web"', '"Web A"'], ['"Web A"', '"Web B"']] as const) {
      execFileSync('sed', ['-i', `s/${from}/${to}/`, rules]);
      status = await reloadedAfter(status.at, `the reload to ${to}`);
      expect(status.ok).toBe(true);
      expect((await call(server.url, 'POST', '/v1/events', lead(`e-${to}`))).body.rule).toBe(JSON.parse(to));
    }
    execFileSync('sed', ['-i', 's/rule "Web B" {/rule "Web B" {{/', rules]);
    status = await reloadedAfter(status.at, 'the failed reload');
    expect(status.ok).toBe(false);
    const fixed = path.join(root, 'fixed.dist');
    writeFileSync(fixed, RULES.replace('"Web"', '"Web C"'));
    copyFileSync(fixed, rules);
    status = await reloadedAfter(status.at, 'the fixed reload');
    expect(status).toMatchObject({ ok: true, diagnostics: [] });
    expect((await call(server.url, 'POST', '/v1/events', lead('e-fixed'))).body.rule).toBe('Web C');
  });

  it('keeps the old directory when directory.yaml breaks', async () => {
    const root = project();
    const server = await serve(root);
    writeFileSync(path.join(root, 'directory.yaml'), `${DIRECTORY}  - { id: a@x.test, name: Twin }\n`);
    await eventually(async () => (await readyz(server)).reload.ok === false, 8000, 'the failed reload');
    expect((await readyz(server)).version.users).toBe(3);
    writeFileSync(path.join(root, 'directory.yaml'), DIRECTORY.replace('\nteams:', '\n  - { id: d@x.test, name: D }\nteams:'));
    await eventually(async () => (await readyz(server)).reload.ok === true, 8000, 'the fixed reload');
    expect((await readyz(server)).version.users).toBe(4);
  });
});

describe('directory changes over the API', () => {
  it('survive a restart; a PUT base gives way to a changed file, patches stay', async () => {
    const root = project();
    const first = await serve(root, false);
    const users = ['a', 'b', 'c', 'e'].map((u) => ({ id: `${u}@x.test`, name: u, teams: u < 'c' ? ['East'] : [] }));
    expect((await call(first.url, 'PUT', '/v1/directory', { users, teams: [{ name: 'East', members: ['a@x.test', 'b@x.test'] }] })).status).toBe(200);
    expect((await call(first.url, 'PATCH', '/v1/users/a@x.test', { active: false })).status).toBe(200);
    await first.close();

    const second = await serve(root, false);
    expect((await readyz(second)).version.users).toBe(4);
    expect((await call(second.url, 'POST', '/v1/events', lead('x1'))).body.assigned).toEqual(['b@x.test']);
    await second.close();

    writeFileSync(path.join(root, 'directory.yaml'), `${DIRECTORY}# edited\n`);
    const third = await serve(root, false);
    expect((await readyz(third)).version.users).toBe(3);
    expect(third.logs.some((l) => l.step === 'reload' && String(l.msg).includes('the file is the directory again'))).toBe(true);
    expect((await call(third.url, 'POST', '/v1/events', lead('x2'))).body.assigned).toEqual(['c@x.test']);
  });
});
