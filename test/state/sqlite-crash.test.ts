// Crash safety of the SQLite store: a writer killed with SIGKILL at a random moment
// leaves an intact database holding every transaction it reported committed, and
// no half of one (each transaction writes a key and a decision with the same id).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { tempDbPath } from './helpers';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./sqlite-crash-child.ts', import.meta.url));

/** Runs the child writer, kills it shortly after its first commit, and answers the ids it reported. */
function runAndKill(path: string, prefix: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, path, prefix], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    const giveUp = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (output === '') setTimeout(() => child.kill('SIGKILL'), Math.random() * 500);
      output += chunk;
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(giveUp);
      if (signal !== 'SIGKILL' || output === '') reject(new Error(`the writer ended without committing (${signal})`));
      // A line cut short by the kill is not a report.
      else resolve(output.split('\n').slice(0, -1));
    });
  });
}

it('a writer killed at any moment leaves whole transactions only', async () => {
  const path = tempDbPath();
  const reported: string[] = [];
  for (let round = 0; round < 5; round++) {
    reported.push(...(await runAndKill(path, `r${round}`)));
    const db = new Database(path);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const keys = db.prepare("SELECT substr(key, 3) FROM kv WHERE key LIKE 'k/%' ORDER BY 1").pluck().all();
    const decisions = db.prepare('SELECT id FROM decisions ORDER BY 1').pluck().all();
    db.close();
    expect(keys).toEqual(decisions);
    const present = new Set(keys);
    expect(reported.filter((id) => !present.has(id))).toEqual([]);
  }
}, 60_000);
