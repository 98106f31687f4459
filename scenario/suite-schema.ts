// The shape of a scenario suite file (`tests/*.test.yaml`, TESTING.md) as a zod
// schema: structure and value types only. Checks that need the project (user ids,
// event types, rule names, times in the project's zone) live in load-suite.ts.
import { z } from 'zod';
import { parseDuration } from '../language/literals';

const USER_STATUSES = ['available', 'away', 'busy', 'offline'] as const;
/** Decision outcomes, and `invalid`: a payload step whose payload failed its map. */
export const OUTCOMES = ['assigned', 'fallback', 'unmatched', 'invalid'] as const;

/** Overrides of one directory user: any key of a DIRECTORY.md user except `id`. */
const UserOverride = z
  .strictObject({
    name: z.string(),
    teams: z.array(z.string()),
    active: z.boolean(),
    status: z.enum(USER_STATUSES),
    checked_in: z.boolean(),
    workday: z.string().nullable(),
    holidays: z.string().nullable(),
    leave: z.array(z.unknown()),
    open_load: z.number().int().min(0),
    fields: z.record(z.string(), z.unknown()),
  })
  .partial();

/** A team or sales group given by name: its members replace the directory's. */
const MemberList = z.strictObject({ members: z.array(z.string()) });

/** Values the runtime maintains, set before the step's clock and event. */
const StateGiven = z
  .strictObject({
    last_assigned_at: z.record(z.string(), z.string()),
    open_load: z.record(z.string(), z.number().int().min(0)),
  })
  .partial();

/** `given` at suite, case or step level. */
export const Given = z
  .strictObject({
    users: z.record(z.string(), UserOverride),
    teams: z.record(z.string(), MemberList),
    groups: z.record(z.string(), MemberList),
    workdays: z.record(z.string(), z.unknown()),
    holidays: z.record(z.string(), z.array(z.string())),
    state: StateGiven,
  })
  .partial();

/** What a step expects of its decisions. */
export const Expect = z
  .strictObject({
    rule: z.string(),
    outcome: z.enum(OUTCOMES),
    assigned: z.array(z.string()),
    /** One entry per event sent; `null` (`~`) for an event that assigned nobody. */
    assigned_sequence: z.array(z.string().nullable()),
    not_assigned: z.array(z.string()),
    reason: z.string(),
    queue: z.string(),
    /** What the last decision's assignees earn together under the rule's `turnover` (0 when it has none or assigned nobody). */
    turnover: z.number().finite(),
    /** For a workflow's decision: the users each of its rules chose, by rule name; a rule not listed chose nobody. */
    chosen_by: z.record(z.string(), z.array(z.string())),
    /** A payload step whose payload failed its map: the fields at fault, in any order. */
    invalid_fields: z.array(z.string()),
  })
  .partial();

/** A record id as the API takes it: text, or a number written as one. */
const RecordId = z.union([z.string().min(1), z.number().finite()]).transform(String);

/** `manual_assignment`: a user took the record by hand, as `POST /v1/assignments` reports it. */
const ManualAssignment = z.strictObject({
  record: RecordId,
  user: z.string().min(1),
  entity: z.string().min(1).optional(),
  /** False for a cherry-picked record: no quota, rotation or least_recent effect. */
  counts: z.boolean().optional(),
});

/** `close`: the record was closed, as `POST /v1/records/{entity}/{id}/close` reports it. */
const Close = z.strictObject({ record: RecordId, entity: z.string().min(1).optional() });

const stepShape = {
  given: Given,
  event: z.string(),
  record: z.record(z.string(), z.unknown()),
  /** A raw payload for the `map` block of `source`, instead of `event` and `record`. */
  source: z.string(),
  payload: z.record(z.string(), z.unknown()),
  changed: z.array(z.string()),
  repeat: z.number().int().min(1),
  advance: z
    .string()
    .refine((text) => parseDuration(text) !== null, { error: '`advance` must be a duration such as `61m`, `2h` or `7d`' }),
  at: z.string(),
  manual_assignment: ManualAssignment,
  close: Close,
  expect: Expect,
};

/** One step of a case: `given`, then the clock (`advance` or `at`), then manual assignments and closes, then the event. */
export const Step = z.strictObject(stepShape).partial();

/** A case: either single-step (step keys at case level) or `steps`, never both. */
export const Case = z.strictObject({
  ...Step.shape,
  name: z.string().min(1),
  steps: z.array(Step).min(1).optional(),
});

/** A whole suite file. */
export const Suite = z.strictObject({
  directory: z.string().optional(),
  now: z.string().optional(),
  given: Given.optional(),
  cases: z.array(Case).min(1),
});

export type GivenInput = z.infer<typeof Given>;
export type ExpectInput = z.infer<typeof Expect>;
export type StepInput = z.infer<typeof Step>;
export type CaseInput = z.infer<typeof Case>;
export type SuiteInput = z.infer<typeof Suite>;
export type ManualAssignmentInput = z.infer<typeof ManualAssignment>;
export type CloseInput = z.infer<typeof Close>;

/** The keys allowed at each level, for "unknown key" messages. */
export const ALLOWED_KEYS = {
  suite: Object.keys(Suite.shape),
  case: Object.keys(Case.shape),
  step: Object.keys(Step.shape),
  given: Object.keys(Given.shape),
  user: Object.keys(UserOverride.shape),
  state: Object.keys(StateGiven.shape),
  expect: Object.keys(Expect.shape),
  team: Object.keys(MemberList.shape),
  manual_assignment: Object.keys(ManualAssignment.shape),
  close: Object.keys(Close.shape),
} as const;
