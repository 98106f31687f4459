// Long work on the server (a batch of events, a large directory) is done in
// slices with a turn of the event loop between them, so that health checks and
// other requests are answered meanwhile.
import { setImmediate } from 'node:timers/promises';

/** Lets the event loop serve whatever is waiting (I/O, timers) before the work goes on. */
export function yieldToLoop(): Promise<void> {
  return setImmediate();
}
