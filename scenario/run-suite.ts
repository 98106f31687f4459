// Runs a loaded suite against a compiled program (TESTING.md): every case on a
// fresh memory store from the suite's `now`; per step `given`, then the clock
// (due timers fire in order), then manual assignments and closes, then the event
// (`repeat` times); the case stops at
// its first failing step.
import { checkExpect, type StepDecisions } from './check-expect';
import type { CoverageCollector } from './coverage';
import type { LoadedCase, LoadedStep, LoadedSuite } from './loaded-suite';
import type { CaseFailure, CaseResult, RuleLocator, SuiteResult } from './results';
import { createEngine, MemoryStore, type Decision, type Engine, type EngineOptions, type ExplainedDecision, type IncomingEvent, type InputIssue, type Program } from '../api';

export interface RunOptions {
  /** Run only cases whose name contains this text (case-insensitive). */
  filter?: string;
  /**
   * Report only cases in which some decision reached the rule with this id: the rule
   * took the record, or was tried on it (its events matched and it was active).
   */
  rule?: string;
  /** Lists in each case result the ids of the rules its decisions reached (`reached`). */
  reached?: boolean;
  /** Awaited before each case, so that a host can let other work run between cases. */
  between?: () => Promise<void>;
  /** Collects coverage from every decision (explained with every condition's value). */
  coverage?: CoverageCollector;
  /** Builds each case's engine (tests substitute their own). */
  engine?: (options: EngineOptions) => Engine;
}

/** The most timer firings one clock move may cause before the runner gives up. */
const MAX_TIMER_ROUNDS = 10_000;

/** Runs every (filtered) case of a suite. */
export async function runSuite(
  suite: LoadedSuite,
  program: Program,
  locate: RuleLocator,
  options: RunOptions = {},
): Promise<SuiteResult> {
  const needle = options.filter?.toLowerCase();
  const cases: CaseResult[] = [];
  for (const [index, c] of suite.cases.entries()) {
    if (needle !== undefined && !c.name.toLowerCase().includes(needle)) continue;
    await options.between?.();
    const started = performance.now();
    const reached = options.rule !== undefined || options.reached === true ? new Set<string>() : null;
    const failure = await runCase(c, index, suite.nowMs, program, locate, options, reached);
    if (options.rule !== undefined && !reached!.has(options.rule)) continue;
    const result: CaseResult = { name: c.name, line: c.line, passed: failure === null, durationMs: performance.now() - started };
    if (failure) result.failure = failure;
    if (options.reached === true) result.reached = [...reached!].sort();
    cases.push(result);
  }
  return { file: suite.file, errors: [], cases };
}

async function runCase(
  c: LoadedCase,
  caseIndex: number,
  nowMs: number,
  program: Program,
  locate: RuleLocator,
  options: RunOptions,
  reached: Set<string> | null,
): Promise<CaseFailure | null> {
  const clock = { now: nowMs };
  const engine = (options.engine ?? createEngine)({
    program,
    directory: c.directory,
    store: new MemoryStore(),
    clock: () => clock.now,
  });
  if (c.state) await engine.setUserState(c.state);
  for (const [stepIndex, step] of c.steps.entries()) {
    const where = { step: stepIndex + 1, stepLine: step.line };
    if (step.directory) engine.setDirectory(step.directory);
    if (step.state) await engine.setUserState(step.state);
    const decisions: StepDecisions = { timers: [], events: [], hasEvent: step.event !== null || step.payload !== null, invalid: null };
    const clockProblem = await moveClock(engine, clock, step, decisions.timers);
    if (clockProblem) return { ...where, check: 'clock', message: clockProblem };
    const actionProblem = await runActions(engine, step);
    if (actionProblem) return { ...where, check: 'close', message: actionProblem };
    const id = (n: number) => `${caseIndex + 1}-${stepIndex + 1}-${n}`;
    for (let n = 1; step.event && n <= step.event.repeat; n++) {
      const result = await engine.decide(buildEvent(step.event, id(n)));
      if (!result.ok) return { ...where, check: 'event', message: `the engine refused event ${n} of this step: ${showIssues(result.issues)}` };
      decisions.events.push(result.decision);
    }
    for (let n = 1; step.payload && n <= step.payload.repeat; n++) {
      const result = await engine.decidePayload(step.payload.source, step.payload.payload, `e${id(n)}`);
      decisions.invalid = result.ok ? null : { issues: result.issues, queue: result.queue };
      if (result.ok) decisions.events.push(result.decision);
      else if (step.expect?.outcome !== 'invalid' && step.expect?.invalid_fields === undefined) {
        const kept = result.queue === null ? 'rejected' : `kept in queue \`${result.queue}\``;
        return { ...where, check: 'payload', message: `payload ${n} of this step failed its map (${kept}): ${showIssues(result.issues)}` };
      }
    }
    const made = [...decisions.timers, ...decisions.events];
    if (reached) for (const d of made) addReached(engine.explain(d), reached);
    for (const d of made) options.coverage?.record(engine.explain(d, true));
    const failure = step.expect ? checkExpect(step.expect, decisions, locate, (d) => engine.explain(d)) : null;
    if (failure) return { ...where, ...failure };
  }
  return null;
}

/** Adds the rules a decision reached: the rule that took the record and every rule tried on it. */
function addReached(decision: ExplainedDecision, reached: Set<string>): void {
  if (decision.ruleId !== null) reached.add(decision.ruleId);
  for (const r of decision.trace.rules) if (r.skipped === undefined) reached.add(r.ruleId);
}

/** Moves the clock for `advance`/`at`, firing every timer that comes due on the way, in order. */
async function moveClock(engine: Engine, clock: { now: number }, step: LoadedStep, fired: Decision[]): Promise<string | null> {
  if (!step.clock) return null;
  const target = step.clock.kind === 'advance' ? clock.now + step.clock.ms : step.clock.ms;
  if (target < clock.now) {
    return `\`at\` is ${new Date(target).toISOString()}, before the clock (${new Date(clock.now).toISOString()}); the clock only moves forward`;
  }
  for (let round = 0; ; round++) {
    if (round === MAX_TIMER_ROUNDS) return `timers kept coming due after ${MAX_TIMER_ROUNDS} firings; check the rules' \`reassign\` and queue retries`;
    const next = await engine.nextTimerAt();
    if (next === null || next > target) break;
    clock.now = Math.max(clock.now, next);
    fired.push(...(await engine.tick()));
  }
  clock.now = target;
  return null;
}

function showIssues(issues: readonly InputIssue[]): string {
  return issues.map((i) => `\`${i.path}\`: ${i.message}`).join('; ');
}

/** Reports the step's manual assignments and closes, as the API calls would; a problem when a closed record is unknown. */
async function runActions(engine: Engine, step: LoadedStep): Promise<string | null> {
  for (const action of step.actions) {
    if (action.kind === 'manual_assignment') {
      await engine.reportAssignment({ entity: action.entity, recordId: action.recordId, user: action.user, counts: action.counts });
    } else if (!(await engine.closeRecord(action.entity, action.recordId))) {
      return `\`close\`: ${action.entity} \`${action.recordId}\` is unknown or already closed; close a record an earlier step sent or assigned`;
    }
  }
  return null;
}

function buildEvent(event: NonNullable<LoadedStep['event']>, id: string): IncomingEvent {
  const record = { ...event.record, id: event.record.id ?? `r${id}` };
  const incoming: IncomingEvent = { id: `e${id}`, type: event.type, record };
  if (event.changed) incoming.changed = event.changed;
  return incoming;
}
