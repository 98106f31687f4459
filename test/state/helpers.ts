// Shared helpers for the SQLite state-store tests: fresh temporary folders,
// removed after the file's tests, and one of each kind of state, written and
// checked (for tests that reopen a file).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import type { Transaction } from '../../runtime/state/store';
import { decision, outboxItem, queueItem, timer } from './fixtures';

const folders: string[] = [];

afterAll(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A path for a new state database in a fresh temporary folder, nested to exercise folder creation. */
export function tempDbPath(): string {
  const folder = mkdtempSync(join(tmpdir(), 'dist-state-'));
  folders.push(folder);
  return join(folder, '.dist', 'state.db');
}

/** Writes one of each: key `k`, decision `d1`, timer `t1`, queue item `q`/`r1`, outbox item `o1`. */
export async function writeOneOfEach(tx: Transaction): Promise<void> {
  await tx.put('k', { a: [1, 2] });
  await tx.appendDecision(decision('d1'));
  await tx.scheduleTimer(timer('t1', 5));
  await tx.enqueue(queueItem('q', 'r1'));
  await tx.addOutbox(outboxItem('o1'));
}

/** Expects what `writeOneOfEach` wrote, each read its own way. */
export async function expectOneOfEach(tx: Transaction): Promise<void> {
  expect(await tx.get('k')).toEqual({ a: [1, 2] });
  expect(await tx.listDecisions({ user: 'u1' })).toEqual([decision('d1')]);
  expect(await tx.decisionForEvent('e-d1')).toEqual(decision('d1'));
  expect(await tx.dueTimers(10)).toEqual([timer('t1', 5)]);
  expect(await tx.listQueue('q')).toEqual([queueItem('q', 'r1')]);
  expect(await tx.listOutbox(5)).toEqual([outboxItem('o1')]);
}
