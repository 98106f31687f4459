// The checks of a suite that need the project (user ids, event types, rule names,
// times, how keys combine) and the building of its cases: each case's and step's
// `given` is merged into the directory and validated here, so a run cannot fail on
// a bad `given`.
import { EVENT_KINDS } from '../compiler/ir';
import { closest } from '../language/suggest';
import { changesDirectory, mergeGiven, mergeState, stateOverrides, type RawDirectory } from './given-merge';
import type { LoadedCase, LoadedStep, StepAction } from './loaded-suite';
import type { PathSegment, SuiteError, SuiteLocator } from './suite-errors';
import type { CaseInput, CloseInput, ExpectInput, GivenInput, ManualAssignmentInput, StepInput, SuiteInput } from './suite-schema';
import { parseDuration } from '../language/literals';
import { parseIsoTime } from '../compiler/values';
import { findMap, mapSources, type Directory, type Program } from '../api';

/** Validates a merged directory: the directory or `path: message` problems. */
export type DirectoryValidator = (raw: RawDirectory) => { directory: Directory } | { problems: string[] };

export interface BuildContext {
  program: Program;
  locator: SuiteLocator;
  /** The suite's directory in file form, and validated. */
  raw: RawDirectory;
  directory: Directory;
  validate: DirectoryValidator;
}

/** Keys that make a step; with `steps`, a case may not have them. */
const STEP_ONLY_KEYS = ['event', 'record', 'source', 'payload', 'changed', 'repeat', 'advance', 'at', 'manual_assignment', 'close', 'expect'] as const;

/** Checks and builds every case; problems go to `errors`. */
export function buildCases(suite: SuiteInput, context: BuildContext, errors: SuiteError[]): LoadedCase[] {
  const checker = new Checker(context, errors);
  checker.given(suite.given, ['given']);
  const suiteRaw = changesDirectory(suite.given) ? mergeGiven(context.raw, suite.given!) : context.raw;
  const suiteDirectory = suiteRaw === context.raw ? context.directory : checker.directoryOf(suiteRaw, ['given']);
  const timezone = context.program.settings.timezone;
  const suiteState = stateOverrides(suite.given, timezone);
  return suite.cases.map((c, index) => {
    const path: PathSegment[] = ['cases', index];
    checker.given(c.given, [...path, 'given']);
    let raw = changesDirectory(c.given) ? mergeGiven(suiteRaw, c.given!) : suiteRaw;
    const directory = raw === suiteRaw ? suiteDirectory : checker.directoryOf(raw, [...path, 'given']);
    const steps: LoadedStep[] = [];
    const single = !c.steps;
    if (!single) checker.noStepKeys(c, path);
    const inputs = c.steps ?? [stepPart(c)];
    inputs.forEach((step, j) => {
      const stepPath = single ? path : [...path, 'steps', j];
      if (!single) checker.given(step.given, [...stepPath, 'given']);
      let stepDirectory: Directory | null = null;
      if (!single && changesDirectory(step.given)) {
        raw = mergeGiven(raw, step.given!);
        stepDirectory = checker.directoryOf(raw, [...stepPath, 'given']);
      }
      steps.push({
        line: context.locator.lineOf(stepPath),
        directory: stepDirectory,
        state: single ? null : stateOverrides(step.given, timezone),
        ...checker.step(step, stepPath),
      });
    });
    return {
      name: c.name,
      line: context.locator.lineOf(path),
      directory,
      state: mergeState(suiteState, stateOverrides(c.given, timezone)),
      steps,
    };
  });
}

/** The step keys of a single-step case (its `given` belongs to the case). */
function stepPart(c: CaseInput): StepInput {
  const { name: _name, steps: _steps, given: _given, ...step } = c;
  return step;
}

class Checker {
  private readonly userIds: Set<string>;
  private readonly timezone: string;

  constructor(
    private readonly context: BuildContext,
    private readonly errors: SuiteError[],
  ) {
    this.userIds = new Set(context.directory.users.map((u) => u.id));
    this.timezone = context.program.settings.timezone;
  }

  private error(path: PathSegment[], message: string, onKey = false): void {
    this.errors.push(this.context.locator.at(path, message, onKey));
  }

  /** A validated directory, or the suite's base one after reporting the problems. */
  directoryOf(raw: RawDirectory, path: PathSegment[]): Directory {
    const result = this.context.validate(raw);
    if ('directory' in result) return result.directory;
    for (const problem of result.problems) this.error(path, `this \`given\` makes the directory invalid: ${problem}`, true);
    return this.context.directory;
  }

  given(given: GivenInput | undefined, path: PathSegment[]): void {
    if (!given) return;
    for (const id of Object.keys(given.users ?? {})) this.user(id, [...path, 'users', id], true);
    for (const section of ['teams', 'groups'] as const) {
      for (const [name, { members }] of Object.entries(given[section] ?? {})) {
        members.forEach((id, i) => this.user(id, [...path, section, name, 'members', i]));
      }
    }
    const state = given.state;
    for (const [id, text] of Object.entries(state?.last_assigned_at ?? {})) {
      const at = [...path, 'state', 'last_assigned_at', id];
      this.user(id, at, true);
      if (parseIsoTime(text, this.timezone) === null) this.error(at, timeMessage('last_assigned_at', text));
    }
    for (const id of Object.keys(state?.open_load ?? {})) this.user(id, [...path, 'state', 'open_load', id], true);
  }

  noStepKeys(c: CaseInput, path: PathSegment[]): void {
    for (const key of STEP_ONLY_KEYS) {
      if (c[key] !== undefined) {
        this.error([...path, key], `a case with \`steps\` cannot also have \`${key}\`; move it into a step`, true);
      }
    }
  }

  step(step: StepInput, path: PathSegment[]): Pick<LoadedStep, 'clock' | 'actions' | 'event' | 'payload' | 'expect'> {
    const sends = step.payload !== undefined || step.source !== undefined;
    for (const key of ['record', 'changed', 'repeat'] as const) {
      if (step[key] !== undefined && step.event === undefined && (key === 'repeat' ? !sends : true)) {
        this.error([...path, key], `\`${key}\` needs an \`event\` in the same step; add one`, true);
      }
    }
    if (sends && step.event !== undefined) {
      this.error([...path, 'event'], 'a step sends either an `event` with its `record` or a `payload` from a `source`; keep one', true);
    }
    if (step.advance !== undefined && step.at !== undefined) {
      this.error([...path, 'at'], 'a step moves the clock once; use either `advance` or `at`', true);
    }
    const acts = step.event !== undefined || sends || step.advance !== undefined || step.at !== undefined;
    if (step.expect && !acts) {
      this.error([...path, 'expect'], '`expect` needs an `event`, `payload`, `advance` or `at` in the same step', true);
    }
    const clock = this.clock(step, path);
    const actions = this.actions(step, path);
    const event = step.event === undefined ? null : this.event(step, path);
    const payload = sends && step.event === undefined ? this.payload(step, path) : null;
    if (step.expect) this.expect(step.expect, [...path, 'expect'], event?.repeat ?? payload?.repeat ?? null, payload !== null);
    return { clock, actions, event, payload, expect: step.expect ?? null };
  }

  private payload(step: StepInput, path: PathSegment[]): NonNullable<LoadedStep['payload']> {
    const { program } = this.context;
    if (step.source === undefined) this.error([...path, 'payload'], '`payload` needs the `source` whose `map` block reads it; add `source:`', true);
    else if (step.payload === undefined) this.error([...path, 'source'], '`source` needs a `payload` in the same step; add one', true);
    else if (!findMap(program, step.source)) {
      const sources = mapSources(program);
      const suggestion = closest(step.source, sources);
      const hint = suggestion
        ? `did you mean \`${suggestion}\`?`
        : sources.length === 0
          ? 'the rules have no `map` block; add `map lead from "…" { … }`'
          : `use one of ${sources.map((x) => `\`${x}\``).join(', ')}`;
      this.error([...path, 'source'], `no \`map\` block reads source \`${step.source}\`; ${hint}`);
    }
    return { source: step.source ?? '', payload: step.payload ?? {}, repeat: step.repeat ?? 1 };
  }

  /** `manual_assignment` then `close`, each with its entity resolved and its user checked. */
  private actions(step: StepInput, path: PathSegment[]): StepAction[] {
    const actions: StepAction[] = [];
    const assignment: ManualAssignmentInput | undefined = step.manual_assignment;
    if (assignment) {
      const at = [...path, 'manual_assignment'];
      this.user(assignment.user, [...at, 'user']);
      const entity = this.entity(assignment.entity, at);
      actions.push({ kind: 'manual_assignment', entity, recordId: assignment.record, user: assignment.user, counts: assignment.counts ?? true });
    }
    const close: CloseInput | undefined = step.close;
    if (close) actions.push({ kind: 'close', entity: this.entity(close.entity, [...path, 'close']), recordId: close.record });
    return actions;
  }

  /** The entity an action names, or the project's only record entity (else `lead`). */
  private entity(named: string | undefined, path: PathSegment[]): string {
    const entities = Object.keys(this.context.program.schemas).filter((e) => e !== 'user');
    const entity = named ?? (entities.length === 1 ? entities[0]! : 'lead');
    if (!entities.includes(entity)) {
      const suggestion = closest(entity, entities);
      const hint = suggestion ? `did you mean \`${suggestion}\`?` : `use one of ${entities.map((e) => `\`${e}\``).join(', ')}`;
      this.error(named === undefined ? path : [...path, 'entity'], named === undefined ? `name the record's \`entity\` (the project has no \`lead\`); ${hint}` : `unknown entity \`${entity}\`; ${hint}`, named === undefined);
    }
    return entity;
  }

  private clock(step: StepInput, path: PathSegment[]): LoadedStep['clock'] {
    if (step.advance !== undefined) return { kind: 'advance', ms: parseDuration(step.advance) ?? 0 };
    if (step.at === undefined) return null;
    const ms = parseIsoTime(step.at, this.timezone);
    if (ms === null) this.error([...path, 'at'], timeMessage('at', step.at));
    return { kind: 'at', ms: ms ?? 0 };
  }

  private event(step: StepInput, path: PathSegment[]): NonNullable<LoadedStep['event']> {
    const type = step.event!;
    const entities = Object.keys(this.context.program.schemas).filter((e) => e !== 'user');
    const [entity, kind, extra] = type.split('.');
    const known = entities.flatMap((e) => EVENT_KINDS.map((k) => `${e}.${k}`));
    if (extra !== undefined || !entity || !entities.includes(entity) || !(EVENT_KINDS as readonly string[]).includes(kind ?? '')) {
      const suggestion = closest(type, known);
      this.error(
        [...path, 'event'],
        `unknown event \`${type}\`; ${suggestion ? `did you mean \`${suggestion}\`?` : `use \`<entity>.<kind>\` such as \`${known[0] ?? 'lead.created'}\``}`,
      );
    }
    if (step.changed !== undefined && kind !== 'updated') {
      this.error([...path, 'changed'], '`changed` applies only to `updated` events; remove it or change the event', true);
    }
    const repeat = step.repeat ?? 1;
    if (repeat > 1 && step.record?.id !== undefined) {
      this.error([...path, 'record', 'id'], '`record.id` cannot be combined with `repeat`; remove the id so each event gets a fresh one', true);
    }
    return { type, record: step.record ?? {}, changed: step.changed ?? null, repeat };
  }

  private expect(expect: ExpectInput, path: PathSegment[], repeat: number | null, sendsPayload: boolean): void {
    if (!sendsPayload) {
      if (expect.outcome === 'invalid') this.error([...path, 'outcome'], 'only a `payload` step can be `invalid`; expect `assigned`, `fallback` or `unmatched`');
      if (expect.invalid_fields !== undefined) this.error([...path, 'invalid_fields'], '`invalid_fields` needs a `payload` step; send a `payload` from a `source`', true);
    }
    if (expect.rule !== undefined && !this.context.program.rules.some((r) => r.name === expect.rule)) {
      const suggestion = closest(expect.rule, this.context.program.rules.map((r) => r.name));
      const hint = suggestion ? `; did you mean \`${suggestion}\`?` : '; use a rule name from the project';
      this.error([...path, 'rule'], `unknown rule \`${expect.rule}\`${hint}`);
    }
    for (const key of ['assigned', 'not_assigned', 'assigned_sequence'] as const) {
      (expect[key] ?? []).forEach((id, i) => {
        if (id !== null) this.user(id, [...path, key, i]);
      });
    }
    const sequence = expect.assigned_sequence;
    if (sequence && repeat !== null && sequence.length !== repeat) {
      this.error(
        [...path, 'assigned_sequence'],
        `\`assigned_sequence\` lists ${sequence.length} user${sequence.length === 1 ? '' : 's'} but the step sends ${repeat} event${repeat === 1 ? '' : 's'}; make them agree`,
      );
    }
  }

  private user(id: string, path: PathSegment[], onKey = false): void {
    if (this.userIds.has(id)) return;
    const suggestion = closest(id, this.userIds);
    const hint = suggestion ? `did you mean \`${suggestion}\`?` : 'use an id from the directory';
    this.error(path, `unknown user \`${id}\`; ${hint}`, onKey);
  }
}

function timeMessage(key: string, text: string): string {
  return `\`${key}\` must be a time such as \`2026-11-23T10:00:00+05:30\`; got \`${text}\``;
}
