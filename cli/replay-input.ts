// Reads a replay file for `dist diff --replay`: NDJSON, one JSON object a line,
// either an event (`{ "id", "type", "record", "changed"?, "at"? }`, decided at
// its `at`) or a decision-log entry as `dist export-log` and
// `GET /v1/decisions?format=ndjson` write it (decided at its `decided_at`; only
// entries caused by an event carry one, timer decisions are made again by the
// replay's own timers). Blank lines are skipped; anything else is an error at
// `file:line`.
import { readNdjson } from './ndjson-file';
import { UsageError } from './project';
import type { IncomingEvent } from '../api';
import type { ReplayEvent } from '../runtime/replay';

/** The events of a replay file, in file order; `clockOf` reads an event's time. */
export async function* readReplayFile(file: string, clockOf: (event: IncomingEvent, at: unknown) => number | null): AsyncGenerator<ReplayEvent> {
  for await (const { line, value } of readNdjson(file, 'the replay file')) {
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
