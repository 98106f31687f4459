// Runs re-assignment and queue-retry timers (RUNTIME.md "Re-assignment"): one
// timeout armed for the earliest timer in the store, re-armed after each tick and
// whenever a decision may have scheduled a new timer (coalesced); it polls only
// with a store shared by replicas (`pollMs`), whose timers any replica may
// schedule and exactly one runs (claimDue).
// At start-up it first runs every timer that came due while the server was down.
import type { WorkerLogger } from './outbox/worker';

export interface TimerLoopDeps {
  nextTimerAt: () => Promise<number | null>;
  /** Runs the due timers; resolves to how many decisions they made. */
  tick: () => Promise<number>;
  clock: () => number;
  log: WorkerLogger;
  /** With a store shared by replicas: look again at least this often, for timers other replicas scheduled. */
  pollMs?: number;
}

/** Coalescing delay of re-arm requests after decisions. */
const POKE_DELAY_MS = 10;
/** Pause after a failed tick, so a broken timer cannot spin the loop. */
const RETRY_AFTER_ERROR_MS = 1000;
/** setTimeout's largest delay. */
const MAX_DELAY = 2_147_483_647;

/** The timer loop (see the top comment). */
export class TimerLoop {
  private timeout: NodeJS.Timeout | null = null;
  private armedAt: number | null = null;
  private poking = false;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly deps: TimerLoopDeps) {}

  /** Runs what came due while the server was down, then arms. */
  async start(): Promise<void> {
    await this.fire();
  }

  /** A decision may have scheduled a timer: re-arm soon. */
  poke(): void {
    if (this.poking || this.stopped) return;
    this.poking = true;
    setTimeout(() => {
      this.poking = false;
      void this.arm();
    }, POKE_DELAY_MS).unref();
  }

  /** Stops arming and waits for a tick in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timeout) clearTimeout(this.timeout);
    this.timeout = null;
    await this.running;
  }

  private async arm(): Promise<void> {
    if (this.stopped || this.running) return;
    let next: number | null;
    try {
      next = await this.deps.nextTimerAt();
    } catch (error) {
      this.deps.log.error({ step: 'timer', err: error }, 'could not read the next timer');
      return;
    }
    const poll = this.deps.pollMs ?? null;
    const now = this.deps.clock();
    const at = poll === null ? next : Math.min(next ?? Infinity, now + poll);
    if (this.stopped || at === null || (this.armedAt !== null && this.armedAt <= at)) return;
    if (this.timeout) clearTimeout(this.timeout);
    this.armedAt = at;
    this.timeout = setTimeout(() => void this.fire(), Math.min(MAX_DELAY, Math.max(0, at - now)));
  }

  private async fire(): Promise<void> {
    if (this.stopped || this.running) return;
    this.timeout = null;
    this.armedAt = null;
    this.running = (async () => {
      try {
        const made = await this.deps.tick();
        if (made > 0) this.deps.log.info({ step: 'timer', decisions: made }, `timers made ${made} decision${made === 1 ? '' : 's'}`);
      } catch (error) {
        this.deps.log.error({ step: 'timer', err: error }, `running due timers failed; retrying in ${RETRY_AFTER_ERROR_MS} ms`);
        await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_ERROR_MS).unref());
      }
    })();
    await this.running;
    this.running = null;
    await this.arm();
  }
}
