// The vocabulary of the `.dist` language: one table of every word it gives a
// meaning to — declarations, rule clauses, settings, other keywords, methods,
// functions, statuses, requirements, quota periods, triggers and event kinds —
// each with a one-line doc. The lexer's keyword set, the parser's messages, the
// compiler's checks and the IR's enums derive from these tables; hover and
// completion read the docs.
import type { Clause, Setting } from './ast';

/** A word of the language and what it means, in one line. */
export interface Word<N extends string = string> {
  readonly name: N;
  readonly doc: string;
}

/** The names of a table, as a non-empty tuple (what zod's `z.enum` takes). */
export function namesOf<const T extends readonly Word[]>(table: T): readonly [T[number]['name'], ...T[number]['name'][]] {
  return table.map((w) => w.name) as unknown as readonly [T[number]['name'], ...T[number]['name'][]];
}

/** Top-level declarations. */
export const DECLARATIONS = [
  { name: 'schema', doc: 'Declares the fields and types of an entity (`schema lead { … }`) or of users (`schema user { … }`).' },
  { name: 'settings', doc: 'Project-wide settings: time zone, trigger mode, capacity, quotas and the unmatched queue; at most one.' },
  { name: 'rule', doc: 'An assignment rule: which records it takes, the pool of users, and how it distributes them.' },
  { name: 'map', doc: "How one source's raw payload becomes a typed record: `map lead from \"website-form\" { … }`." },
  { name: 'workflow', doc: 'Several rules that distribute one record together, in order: `workflow "Solar" { rules "A", "B" take 4 min 2 }`.' },
] as const satisfies readonly Word[];

/** A rule clause: its keyword, its AST kind, and what to write when a required one is missing. */
export interface ClauseWord<N extends string = string> extends Word<N> {
  readonly kind: Clause['kind'];
  /** Set for the clauses every rule must have: an example to show. */
  readonly required?: string;
  /** What the quick fix for a missing required clause inserts, when not `required` itself. */
  readonly insert?: string;
}

/** Rule clauses, in the order `dist fmt` writes them. */
export const CLAUSES = [
  { name: 'priority', kind: 'Priority', required: 'priority 10', doc: 'Lower runs first; two active rules that can see the same event may not share a priority.' },
  { name: 'id', kind: 'Id', doc: "The rule's stable id, which keys its state (rotation cursors, counters); kept when the rule is renamed. Default: derived from the name." },
  { name: 'description', kind: 'Description', doc: 'Free text describing the rule.' },
  { name: 'status', kind: 'Status', doc: '`active` (the default), `draft` or `inactive`; only active rules run.' },
  { name: 'scope', kind: 'Scope', doc: '`global` (the default) or `team "T"`: a team rule selects only members of that team.' },
  { name: 'on', kind: 'On', required: 'on lead.created', doc: 'The events that bring a record to this rule, e.g. `lead.created, lead.updated(status)`.' },
  { name: 'when', kind: 'When', doc: 'The condition a record must meet; omitted means every record.' },
  { name: 'assign', kind: 'Assign', required: 'assign users where …', insert: 'assign anyone', doc: 'The user pool: `users "a", "b"`, `users where COND`, `teams "T"`, `groups "G"` or `anyone`.' },
  { name: 'require', kind: 'Require', doc: 'Availability every assignee must have: `checked_in`, `available`, `workday`, `holidays`, `leave`, `capacity`.' },
  { name: 'distribute', kind: 'Distribute', required: 'distribute round_robin', doc: 'The distribution method: round_robin, least_recent, weighted (by), load_balance, score, ordered by, random, max_turnover, max_lead_count.' },
  { name: 'take', kind: 'Take', doc: '`take N [min M]`: assign up to N distinct users; with `min M`, nobody unless M can be had.' },
  { name: 'turnover', kind: 'Turnover', doc: '`turnover EXPR [min N]`: what one assignment earns (`user.price`); with `min N`, nobody unless the chosen users earn N together.' },
  { name: 'expect', kind: 'Expect', doc: '`expect N per day`: the records this rule takes per hour, day, week or month; checked against the quotas of its pool.' },
  { name: 'fallback', kind: 'Fallback', doc: 'What happens when nobody in the pool is eligible: `fallback user "u"` or `fallback queue "q"`.' },
  { name: 'reassign', kind: 'Reassign', doc: '`reassign after D when COND max N`: distribute again, excluding earlier owners, if COND still holds D later.' },
] as const satisfies readonly ClauseWord[];

/** A setting: its keyword and its AST kind. */
export interface SettingWord<N extends string = string> extends Word<N> {
  readonly kind: Setting['kind'];
}

/** Settings inside `settings { … }`, in the order `dist fmt` writes them. */
export const SETTINGS = [
  { name: 'timezone', kind: 'TimezoneSetting', doc: 'The IANA time zone of quota windows and of times written without an offset, e.g. `"Asia/Kolkata"`.' },
  { name: 'trigger', kind: 'TriggerSetting', doc: '`entity` (records enter through events) or `automation` (only through the distribute endpoint).' },
  { name: 'capacity', kind: 'CapacitySetting', doc: 'The user field that load_balance and `require capacity` measure open load against.' },
  { name: 'quota', kind: 'QuotaSetting', doc: '`quota PERIOD LIMIT`: caps assignments per user in a calendar window; a user without a value has no cap.' },
  { name: 'expect', kind: 'ExpectSetting', doc: '`expect N per day`: the records the whole project receives per period; checked against the quotas of every active user.' },
  { name: 'unmatched', kind: 'UnmatchedSetting', doc: '`unmatched queue "q"`: where records go that no rule or user could take.' },
] as const satisfies readonly SettingWord[];

/** Reserved words: operators and literals. */
export const OPERATORS = [
  { name: 'and', doc: 'Both conditions hold; mixing `and` and `or` at one level needs parentheses.' },
  { name: 'or', doc: 'Either condition holds; mixing `and` and `or` at one level needs parentheses.' },
  { name: 'not', doc: 'The condition does not hold; also `not in`.' },
  { name: 'true', doc: 'The boolean true.' },
  { name: 'false', doc: 'The boolean false.' },
  { name: 'in', doc: '`X in [a, b]` or `X in user.list_field`: X is one of the values.' },
  { name: 'contains', doc: '`L contains X`: the list L holds X.' },
  { name: 'starts_with', doc: '`X starts_with "p"`: the text X begins with the prefix (exact case).' },
  { name: 'ends_with', doc: '`X ends_with "s"`: the text X ends with the suffix (exact case).' },
  { name: 'between', doc: '`X between A and B`: A ≤ X ≤ B.' },
  { name: 'is', doc: '`X is set` / `X is not set`: whether the field has a value.' },
  { name: 'set', doc: '`X is set` / `X is not set`: whether the field has a value.' },
  { name: 'asc', doc: 'Ascending order in `ordered by` (the default).' },
  { name: 'desc', doc: 'Descending order in `ordered by`.' },
] as const satisfies readonly Word[];

/** The other contextual keywords, inside clauses and settings. */
export const OTHER_KEYWORDS = [
  { name: 'from', doc: '`map lead from "source"`: the source whose payloads the map reads.' },
  { name: 'min', doc: '`take N min M`: assign nobody unless at least M users can be had; `turnover EXPR min N`: unless they earn N together.' },
  { name: 'max', doc: '`reassign … max N`: at most N re-assignments, then the fallback.' },
  { name: 'after', doc: '`reassign after 60m`: how long after an assignment the condition is checked again.' },
  { name: 'where', doc: '`users where COND`: a dynamic pool, or a filter on a static list.' },
  { name: 'users', doc: '`assign users …`: a pool of users, static (`"a", "b"`) or dynamic (`where COND`).' },
  { name: 'teams', doc: '`assign teams "T1", "T2"`: the members of these teams, in member order.' },
  { name: 'groups', doc: '`assign groups "G1"`: the members of these sales groups.' },
  { name: 'anyone', doc: '`assign anyone`: every active user.' },
  { name: 'global', doc: '`scope global`: the rule may select any user (the default).' },
  { name: 'team', doc: '`scope team "T"`: the rule may select only members of team T.' },
  { name: 'by', doc: '`weighted by user.F { … }` and `ordered by EXPR`.' },
  { name: 'within', doc: '`workday within 120h`: look ahead in 24-hour buckets when nobody is working now.' },
  { name: 'user', doc: 'The user being considered (`user.grade`), or `fallback user "u"`.' },
  { name: 'queue', doc: '`fallback queue "q"` / `unmatched queue "q"`: a named queue that keeps records.' },
  { name: 'retry', doc: '`queue "q" retry every 15m for 24h`: send queued records through the rules again.' },
  { name: 'every', doc: '`retry every 15m`: how often queued records are tried again.' },
  { name: 'for', doc: '`retry … for 24h`: how long queued records are tried again (the distribution window).' },
  { name: 'weighted', doc: '`distribute weighted { "key": w, … }`: interleaved weighted round robin.' },
  { name: 'score', doc: '`distribute score EXPR`: the eligible user with the highest value wins.' },
  { name: 'ordered', doc: '`distribute ordered by EXPR [asc|desc], …`: sort eligible users by the keys.' },
  { name: 'invalid', doc: '`on invalid queue "q"` in a map: keep payloads that fail the schema in that queue.' },
  { name: 'per', doc: '`expect 200 per day`: the period of an expected volume.' },
  { name: 'rules', doc: '`rules "A", "B"` in a workflow: the rules that distribute its records, in this order.' },
] as const satisfies readonly Word[];

/** Distribution methods (`distribute …`); `simple` ones take no argument. */
export interface MethodWord<N extends string = string> extends Word<N> {
  readonly simple: boolean;
  /** How the method is written when it differs from its name (`ordered by`). */
  readonly written?: string;
}

export const METHODS = [
  { name: 'round_robin', simple: true, doc: 'A rotation queue that never resets: ineligible users leave it, returning ones join at the end.' },
  { name: 'least_recent', simple: true, doc: 'The eligible user assigned longest ago (never-assigned first, in pool order).' },
  { name: 'weighted', simple: false, doc: 'Interleaved weighted round robin over users, teams or groups: `weighted { "A": 3, "B": 1 }`.' },
  { name: 'load_balance', simple: true, doc: 'The eligible user with the most available capacity (capacity minus open load).' },
  { name: 'score', simple: false, doc: 'The eligible user with the highest value of an expression: `score user.conversion_rate * 10`.' },
  { name: 'ordered', simple: false, written: 'ordered by', doc: 'Sort eligible users by keys: `ordered by user.quality_score desc, user.price desc`.' },
  { name: 'random', simple: true, doc: 'Uniform among eligible users, from a seeded generator kept in state.' },
  { name: 'max_turnover', simple: true, doc: 'The eligible users who earn the most by the rule\'s `turnover`, so `take N` earns the most any N can.' },
  { name: 'max_lead_count', simple: true, doc: 'The eligible users with the most shares left under `quota total` first, so later records still find users.' },
] as const satisfies readonly MethodWord[];

/** Functions in expressions; `mapOnly` ones turn raw payload values into fields and are allowed only in `map` blocks. */
export interface FunctionWord<N extends string = string> extends Word<N> {
  readonly mapOnly: boolean;
}

export const FUNCTIONS = [
  { name: 'lower', mapOnly: false, doc: '`lower(text)`: the text in lower case, for case-insensitive matching.' },
  { name: 'upper', mapOnly: false, doc: '`upper(text)`: the text in upper case.' },
  { name: 'length', mapOnly: false, doc: '`length(text|list)`: the number of characters or items.' },
  { name: 'distance', mapOnly: false, doc: '`distance(geo, geo)`: the distance in kilometres.' },
  { name: 'hours_since', mapOnly: false, doc: '`hours_since(time)`: hours from that time to now.' },
  { name: 'days_since', mapOnly: false, doc: '`days_since(time)`: days from that time to now.' },
  { name: 'trim', mapOnly: true, doc: '`trim(text)`: the text without leading and trailing spaces.' },
  { name: 'title', mapOnly: true, doc: '`title(text)`: each word capitalised.' },
  { name: 'digits', mapOnly: true, doc: '`digits(text)`: only the digits of the text (phone numbers, ZIPs).' },
  { name: 'left', mapOnly: true, doc: '`left(text, n)`: the first n characters.' },
  { name: 'right', mapOnly: true, doc: '`right(text, n)`: the last n characters.' },
  { name: 'number', mapOnly: true, doc: '`number(text)`: the text read as a number.' },
  { name: 'concat', mapOnly: true, doc: '`concat(text, …)`: the texts joined.' },
] as const satisfies readonly FunctionWord[];

/** Rule statuses (`status …`). */
export const STATUSES = [
  { name: 'active', doc: 'The rule runs (the default).' },
  { name: 'draft', doc: 'The rule is checked but never runs.' },
  { name: 'inactive', doc: 'The rule is switched off; it is checked but never runs.' },
] as const satisfies readonly Word[];

/** Availability requirements (`require …`). */
export const REQUIREMENTS = [
  { name: 'checked_in', doc: 'The user has checked in (the directory value, changed over the API).' },
  { name: 'available', doc: "The user's status is Available." },
  { name: 'workday', doc: "Inside the user's working hours now; `workday within H` looks ahead up to H when nobody is working." },
  { name: 'holidays', doc: "Today is not a holiday of the user's calendar." },
  { name: 'leave', doc: 'Now is not inside one of the user\'s leave periods.' },
  { name: 'capacity', doc: 'The user has available capacity (capacity minus open load above zero).' },
] as const satisfies readonly Word[];

/** Quota periods (`quota …`), calendar windows in `settings.timezone`. */
export const QUOTA_PERIODS = [
  { name: 'hourly', doc: 'Assignments per clock hour, from :00.' },
  { name: 'daily', doc: 'Assignments per day, from midnight.' },
  { name: 'weekly', doc: 'Assignments per week, from Monday.' },
  { name: 'monthly', doc: 'Assignments per month, from the 1st.' },
  { name: 'total', doc: 'Assignments over all time (a share count).' },
] as const satisfies readonly Word[];

/** Periods of an expected volume (`expect N per …`), calendar windows in `settings.timezone`. */
export const VOLUME_PERIODS = [
  { name: 'hour', doc: 'Records per clock hour.' },
  { name: 'day', doc: 'Records per day.' },
  { name: 'week', doc: 'Records per week, from Monday.' },
  { name: 'month', doc: 'Records per month, from the 1st.' },
] as const satisfies readonly Word[];

/** Trigger modes (`trigger …`). */
export const TRIGGERS = [
  { name: 'entity', doc: 'Records enter through events posted to the server (the default).' },
  { name: 'automation', doc: 'Records enter only through the distribute endpoint, sent by an automation.' },
] as const satisfies readonly Word[];

/** Event kinds: `<entity>.<kind>` in `on` and in incoming events. */
export const EVENT_KINDS = [
  { name: 'created', doc: 'A record was created.' },
  { name: 'updated', doc: 'A record was updated; `updated(field, …)` only when one of those fields changed.' },
  { name: 'activity_created', doc: 'An activity was logged on the record.' },
  { name: 'opportunity_created', doc: 'An opportunity was created from the record.' },
  { name: 'task_created', doc: 'A task was created on the record.' },
] as const satisfies readonly Word[];

/** `a`, `b` or `c`, each in backticks. */
export function listWords(words: readonly string[], joiner = 'or'): string {
  const quoted = words.map((w) => `\`${w}\``);
  return quoted.length < 2 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} ${joiner} ${quoted.at(-1)}`;
}
