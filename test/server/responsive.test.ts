// Long work does not hold the server up: while a batch of 1,000 events or a
// directory of 20,000 users is being taken in, a health check sent after it
// started is answered before it ends. (Order, not timing: the work is done in
// slices with turns of the event loop between them.)
import { describe, expect, it } from 'vitest';
import { call, eventually, lead, serverForFile } from './helpers';

const served = serverForFile();

/** Starts `work`, waits until `started` holds, then checks that /healthz answers while `work` is still running. */
async function healthDuring(work: () => Promise<{ status: number }>, started: () => boolean): Promise<void> {
  const order: string[] = [];
  const running = work().then((answer) => {
    order.push('work');
    return answer;
  });
  await eventually(started, 20_000, 'the work to start');
  const health = await call(served.current.url, 'GET', '/healthz');
  order.push('health');
  expect(health.status).toBe(200);
  expect((await running).status).toBe(200);
  expect(order).toEqual(['health', 'work']);
}

describe('the server keeps answering', () => {
  it('during a batch of 1,000 events', async () => {
    const events = Array.from({ length: 1000 }, (_, i) => lead(`batch-${i}`));
    const decided = () => served.current.logs.filter((l) => l.step === 'decided').length;
    await healthDuring(() => call(served.current.url, 'POST', '/v1/events:batch', { events }), () => decided() > 0);
    expect(decided()).toBe(1000);
  });

  it('during PUT /v1/directory of 20,000 users in one team', async () => {
    const users = Array.from({ length: 20_000 }, (_, i) => ({ id: `u${i}@x.test`, name: `U${i}`, teams: ['East'] }));
    users.push({ id: 'a@x.test', name: 'A', teams: ['East'] }, { id: 'b@x.test', name: 'B', teams: ['East'] }, { id: 'c@x.test', name: 'C', teams: [] });
    const body = { users, teams: [{ name: 'East', members: users.filter((u) => u.teams.length > 0).map((u) => u.id) }] };
    // Started once the server has the whole body and begins to take the directory in.
    const live = served.current.server.context.live;
    const put = live.putDirectory.bind(live);
    let started = false;
    live.putDirectory = (value) => {
      started = true;
      return put(value);
    };
    await healthDuring(() => call(served.current.url, 'PUT', '/v1/directory', body), () => started);
  });
});
