// Time-travel replay from an exported log (`dist replay --log`): every decision
// of a log written by the server's exporter re-runs, under the project read from
// its folder as the CLI reads it, to exactly the entry the log holds (every field
// it carries, decision id included): round robin and weighted cursors, random
// seeds, least recent, quotas, re-assignment timers and queue retries. The state
// read that the log keeps is what makes them reproduce.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findInLog } from '../../cli/decision-log-file';
import { loadVersion } from '../../cli/diff-versions';
import type { Directory } from '../../compiler/directory/model';
import type { Program } from '../../compiler/ir';
import { fieldDifferences, remake, sameVersions } from '../../runtime/replay-decision';
import { exportDecisions, exportLine } from '../../server/decision-export';
import { decisionEntry } from '../../server/wire';
import { DIRECTORY, logged, RULES } from './logged-decisions';

const dir = mkdtempSync(join(tmpdir(), 'dist-replay-log-'));
const file = join(dir, 'log.ndjson');
let versions: { program: Program; directory: Directory };
let lines: Record<string, unknown>[];

beforeAll(async () => {
  mkdirSync(join(dir, 'project', 'rules'), { recursive: true });
  writeFileSync(join(dir, 'project', 'rules', 'r.dist'), RULES);
  writeFileSync(join(dir, 'project', 'directory.yaml'), DIRECTORY);
  const loaded = (await loadVersion(join(dir, 'project'), '.'))!;
  versions = { program: loaded.version.program, directory: loaded.version.directory! };
  const { store } = await logged(versions);
  writeFileSync(file, `${(await exportDecisions(store, {})).map(exportLine).join('\n')}\n`);
  lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('re-running the decisions of an exported log', () => {
  test('every decision reproduces exactly, whatever its cause and method', async () => {
    expect(new Set(lines.map((l) => l.cause))).toEqual(new Set(['event', 'manual-retry', 'reassign', 'retry']));
    expect(new Set(lines.map((l) => l.rule))).toEqual(new Set(['Web', 'Partner', 'Graded', 'Lottery', 'Oldest', null]));
    let reproduced = 0;
    for (const line of lines) {
      const id = String(line.decision_id);
      const entry = await findInLog(file, id);
      expect(sameVersions(entry.cause, versions.program, versions.directory)).toBe(true);
      const rerun = await remake(entry.cause, versions.program, versions.directory);
      if (!rerun.ok) throw new Error(`${id}: ${rerun.problem}`);
      expect(fieldDifferences(entry.fields, decisionEntry(rerun.decision)), id).toEqual([]);
      reproduced++;
    }
    expect(reproduced).toBe(lines.length);
  });

  test('the state the log keeps is what reproduces them: without it, rotations hand out other users', async () => {
    const other = new Map<string, number>();
    for (const line of lines.filter((l) => l.cause === 'event' && (l.rule === 'Web' || l.rule === 'Partner'))) {
      const entry = await findInLog(file, String(line.decision_id));
      const forgotten = { ...entry.cause, provenance: { ...entry.cause.provenance!, reads: {} } };
      const rerun = await remake(forgotten, versions.program, versions.directory);
      if (!rerun.ok) throw new Error(rerun.problem);
      if (JSON.stringify(rerun.decision.assigned) !== JSON.stringify(line.assigned)) other.set(String(line.rule), (other.get(String(line.rule)) ?? 0) + 1);
    }
    expect(other.get('Web')).toBeGreaterThan(0);
    expect(other.get('Partner')).toBeGreaterThan(0);
  });
});
