// Re-assignment timers are kept in the state store: the running server fires
// them when due, and a timer that came due while the server was down fires at
// start-up, before the server listens.
import { afterEach, describe, expect, it } from 'vitest';
import { call, eventually, lead, removeProject, startTestServer, writeProject } from './helpers';

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const slowLead = (id: string) => lead(id, { source: 'Slow', status: 'New' });
const reassignments = async (url: string) =>
  (await call(url, 'GET', '/v1/decisions')).body.decisions.filter((d: { cause: string }) => d.cause === 'reassign');

describe('timers', () => {
  it('re-assigns an untouched lead when its timer comes due', async () => {
    const root = writeProject();
    cleanups.push(() => removeProject(root));
    const server = await startTestServer(root);
    cleanups.push(() => server.close());
    const first = await call(server.url, 'POST', '/v1/events', slowLead('t1'));
    expect(first.body).toMatchObject({ rule: 'Slow', assigned: ['a@x.test'] });
    await eventually(async () => (await reassignments(server.url)).length === 1, 5000, 'the re-assignment');
    const [again] = await reassignments(server.url);
    expect(again).toMatchObject({ event_id: 't1', record_id: 'L-t1', assigned: ['b@x.test'], rule: 'Slow' });
    expect(server.logs.some((l) => l.step === 'timer' && l.decisions === 1)).toBe(true);
  });

  it('fires at start-up a timer that came due while the server was down', async () => {
    const root = writeProject();
    cleanups.push(() => removeProject(root));
    const first = await startTestServer(root);
    await call(first.url, 'POST', '/v1/events', slowLead('t2'));
    await first.close();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const second = await startTestServer(root);
    cleanups.push(() => second.close());
    const [again] = await reassignments(second.url);
    expect(again).toMatchObject({ event_id: 't2', assigned: ['b@x.test'], cause: 'reassign' });
    const timerLine = second.logs.findIndex((l) => l.step === 'timer');
    const listening = second.logs.findIndex((l) => String(l.msg).startsWith('listening on'));
    expect(timerLine).toBeGreaterThanOrEqual(0);
    expect(timerLine).toBeLessThan(listening);
  });
});
