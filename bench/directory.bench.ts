// Benchmark: taking in a large directory — one team of 10,000 and of 40,000
// members validated as `PUT /v1/directory` sends it, and a directory.yaml whose
// users share one anchor through 1,000 aliases. Target: linear growth (the
// 40,000-member team costs about 4× the 10,000-member one, never 16×).
import { directoryFromJson, loadDirectory } from '../compiler/directory/load';
import { median, report, time } from './measure';

const CONTEXT = { userSchema: null, timezone: 'UTC' };

function team(members: number): unknown {
  const users = Array.from({ length: members }, (_, i) => ({ id: `u${i}`, name: `U${i}`, teams: ['T'] }));
  return { users, teams: [{ name: 'T', members: users.map((u) => u.id) }] };
}

function measure(run: () => void, rounds = 5): number {
  return median(Array.from({ length: rounds }, () => time(run)));
}

/** Runs the directory benchmark and prints its figures. */
export async function benchDirectory(): Promise<void> {
  const small = team(10_000);
  const large = team(40_000);
  const smallMs = measure(() => directoryFromJson(small, CONTEXT));
  const largeMs = measure(() => directoryFromJson(large, CONTEXT));
  const aliases = ['teams: &none []', 'users:', ...Array.from({ length: 1000 }, (_, i) => `  - { id: u${i}, name: U${i}, teams: *none }`)].join('\n');
  const aliasMs = measure(() => loadDirectory(aliases, 'directory.yaml', CONTEXT));
  report('directory: large teams and many aliases', [
    ['one team of 10,000 members (median)', `${smallMs.toFixed(0)} ms`],
    ['one team of 40,000 members (median)', `${largeMs.toFixed(0)} ms`],
    ['growth 10,000 → 40,000 (linear: about 4×)', `${(largeMs / smallMs).toFixed(1)}×`],
    ['directory.yaml with 1,000 aliases (median)', `${aliasMs.toFixed(0)} ms`],
  ]);
}
