// Reads a replay file for `dist diff --replay`: NDJSON, one JSON object a line,
// either an event (`{ "id", "type", "record", "changed"?, "at"? }`, decided at
// its `at`) or a decision-log entry as `dist export-log` and
// `GET /v1/decisions?format=ndjson` write it (decided at its `decided_at`; only
// entries caused by an event carry one, timer decisions are made again by the
// replay's own timers). Blank lines are skipped; anything else is an error at
// `file:line`.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { UsageError } from './project';
import type { IncomingEvent } from '../api';
import type { ReplayEvent } from '../runtime/replay';

/** The events of a replay file, in file order; `clockOf` reads an event's time. */
export async function* readReplayFile(file: string, clockOf: (event: IncomingEvent, at: unknown) => number | null): AsyncGenerator<ReplayEvent> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (error: NodeJS.ErrnoException) => reject(new UsageError(`cannot read the replay file \`${file}\` (${error.code ?? 'error'}); check the path`)));
  });
  await opened;
  let line = 0;
  for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
    line++;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new UsageError(`${file}:${line}: invalid JSON: ${(error as Error).message.replace(/ in JSON at position \d+.*$/, '').toLowerCase()}`);
    }
    const item = replayItem(value);
    if (item === 'skip') continue;
    if (item === null) {
      throw new UsageError(`${file}:${line}: expected an event (\`{ "id", "type", "record", … }\`) or a decision-log entry with its \`event\`, one a line`);
    }
    yield { event: item.event, at: clockOf(item.event, item.at) };
  }
}

/** An event and its time, `skip` for a log entry a timer made, null for anything else. */
function replayItem(value: unknown): { event: IncomingEvent; at: unknown } | 'skip' | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if ('decision_id' in v) {
    if (v.cause !== 'event') return 'skip';
    return isEvent(v.event) ? { event: v.event, at: v.decided_at } : null;
  }
  return isEvent(v) ? { event: v, at: v.at } : null;
}

function isEvent(value: unknown): value is IncomingEvent {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'type' in value && 'record' in value;
}
