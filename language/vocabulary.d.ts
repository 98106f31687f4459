import type { Clause, Setting } from './ast';
/** A word of the language and what it means, in one line. */
export interface Word<N extends string = string> {
    readonly name: N;
    readonly doc: string;
}
/** The names of a table, as a non-empty tuple (what zod's `z.enum` takes). */
export declare function namesOf<const T extends readonly Word[]>(table: T): readonly [T[number]['name'], ...T[number]['name'][]];
/** Top-level declarations. */
export declare const DECLARATIONS: readonly [{
    readonly name: "schema";
    readonly doc: "Declares the fields and types of an entity (`schema lead { … }`) or of users (`schema user { … }`).";
}, {
    readonly name: "settings";
    readonly doc: "Project-wide settings: time zone, trigger mode, capacity, quotas and the unmatched queue; at most one.";
}, {
    readonly name: "rule";
    readonly doc: "An assignment rule: which records it takes, the pool of users, and how it distributes them.";
}, {
    readonly name: "map";
    readonly doc: "How one source's raw payload becomes a typed record: `map lead from \"website-form\" { … }`.";
}];
/** A rule clause: its keyword, its AST kind, and what to write when a required one is missing. */
export interface ClauseWord<N extends string = string> extends Word<N> {
    readonly kind: Clause['kind'];
    /** Set for the clauses every rule must have: an example to insert. */
    readonly required?: string;
}
/** Rule clauses, in the order `dist fmt` writes them. */
export declare const CLAUSES: readonly [{
    readonly name: "priority";
    readonly kind: "Priority";
    readonly required: "priority 10";
    readonly doc: "Lower runs first; two active rules that can see the same event may not share a priority.";
}, {
    readonly name: "description";
    readonly kind: "Description";
    readonly doc: "Free text describing the rule.";
}, {
    readonly name: "status";
    readonly kind: "Status";
    readonly doc: "`active` (the default), `draft` or `inactive`; only active rules run.";
}, {
    readonly name: "scope";
    readonly kind: "Scope";
    readonly doc: "`global` (the default) or `team \"T\"`: a team rule selects only members of that team.";
}, {
    readonly name: "on";
    readonly kind: "On";
    readonly required: "on lead.created";
    readonly doc: "The events that bring a record to this rule, e.g. `lead.created, lead.updated(status)`.";
}, {
    readonly name: "when";
    readonly kind: "When";
    readonly doc: "The condition a record must meet; omitted means every record.";
}, {
    readonly name: "assign";
    readonly kind: "Assign";
    readonly required: "assign users where …";
    readonly doc: "The user pool: `users \"a\", \"b\"`, `users where COND`, `teams \"T\"`, `groups \"G\"` or `anyone`.";
}, {
    readonly name: "require";
    readonly kind: "Require";
    readonly doc: "Availability every assignee must have: `checked_in`, `available`, `workday`, `holidays`, `leave`, `capacity`.";
}, {
    readonly name: "distribute";
    readonly kind: "Distribute";
    readonly required: "distribute round_robin";
    readonly doc: "The distribution method: round_robin, least_recent, weighted, weighted by, load_balance, score, ordered by, random.";
}, {
    readonly name: "take";
    readonly kind: "Take";
    readonly doc: "`take N [min M]`: assign up to N distinct users; with `min M`, nobody unless M can be had.";
}, {
    readonly name: "fallback";
    readonly kind: "Fallback";
    readonly doc: "What happens when nobody in the pool is eligible: `fallback user \"u\"` or `fallback queue \"q\"`.";
}, {
    readonly name: "reassign";
    readonly kind: "Reassign";
    readonly doc: "`reassign after D when COND max N`: distribute again, excluding earlier owners, if COND still holds D later.";
}];
/** A setting: its keyword and its AST kind. */
export interface SettingWord<N extends string = string> extends Word<N> {
    readonly kind: Setting['kind'];
}
/** Settings inside `settings { … }`, in the order `dist fmt` writes them. */
export declare const SETTINGS: readonly [{
    readonly name: "timezone";
    readonly kind: "TimezoneSetting";
    readonly doc: "The IANA time zone of quota windows and of times written without an offset, e.g. `\"Asia/Kolkata\"`.";
}, {
    readonly name: "trigger";
    readonly kind: "TriggerSetting";
    readonly doc: "`entity` (records enter through events) or `automation` (only through the distribute endpoint).";
}, {
    readonly name: "capacity";
    readonly kind: "CapacitySetting";
    readonly doc: "The user field that load_balance and `require capacity` measure open load against.";
}, {
    readonly name: "quota";
    readonly kind: "QuotaSetting";
    readonly doc: "`quota PERIOD LIMIT`: caps assignments per user in a calendar window; a user without a value has no cap.";
}, {
    readonly name: "unmatched";
    readonly kind: "UnmatchedSetting";
    readonly doc: "`unmatched queue \"q\"`: where records go that no rule or user could take.";
}];
/** Reserved words: operators and literals. */
export declare const OPERATORS: readonly [{
    readonly name: "and";
    readonly doc: "Both conditions hold; mixing `and` and `or` at one level needs parentheses.";
}, {
    readonly name: "or";
    readonly doc: "Either condition holds; mixing `and` and `or` at one level needs parentheses.";
}, {
    readonly name: "not";
    readonly doc: "The condition does not hold; also `not in`.";
}, {
    readonly name: "true";
    readonly doc: "The boolean true.";
}, {
    readonly name: "false";
    readonly doc: "The boolean false.";
}, {
    readonly name: "in";
    readonly doc: "`X in [a, b]` or `X in user.list_field`: X is one of the values.";
}, {
    readonly name: "contains";
    readonly doc: "`L contains X`: the list L holds X.";
}, {
    readonly name: "starts_with";
    readonly doc: "`X starts_with \"p\"`: the text X begins with the prefix (exact case).";
}, {
    readonly name: "ends_with";
    readonly doc: "`X ends_with \"s\"`: the text X ends with the suffix (exact case).";
}, {
    readonly name: "between";
    readonly doc: "`X between A and B`: A ≤ X ≤ B.";
}, {
    readonly name: "is";
    readonly doc: "`X is set` / `X is not set`: whether the field has a value.";
}, {
    readonly name: "set";
    readonly doc: "`X is set` / `X is not set`: whether the field has a value.";
}, {
    readonly name: "asc";
    readonly doc: "Ascending order in `ordered by` (the default).";
}, {
    readonly name: "desc";
    readonly doc: "Descending order in `ordered by`.";
}];
/** The other contextual keywords, inside clauses and settings. */
export declare const OTHER_KEYWORDS: readonly [{
    readonly name: "from";
    readonly doc: "`map lead from \"source\"`: the source whose payloads the map reads.";
}, {
    readonly name: "min";
    readonly doc: "`take N min M`: assign nobody unless at least M users can be had.";
}, {
    readonly name: "max";
    readonly doc: "`reassign … max N`: at most N re-assignments, then the fallback.";
}, {
    readonly name: "after";
    readonly doc: "`reassign after 60m`: how long after an assignment the condition is checked again.";
}, {
    readonly name: "where";
    readonly doc: "`users where COND`: a dynamic pool, or a filter on a static list.";
}, {
    readonly name: "users";
    readonly doc: "`assign users …`: a pool of users, static (`\"a\", \"b\"`) or dynamic (`where COND`).";
}, {
    readonly name: "teams";
    readonly doc: "`assign teams \"T1\", \"T2\"`: the members of these teams, in member order.";
}, {
    readonly name: "groups";
    readonly doc: "`assign groups \"G1\"`: the members of these sales groups.";
}, {
    readonly name: "anyone";
    readonly doc: "`assign anyone`: every active user.";
}, {
    readonly name: "global";
    readonly doc: "`scope global`: the rule may select any user (the default).";
}, {
    readonly name: "team";
    readonly doc: "`scope team \"T\"`: the rule may select only members of team T.";
}, {
    readonly name: "by";
    readonly doc: "`weighted by user.F { … }` and `ordered by EXPR`.";
}, {
    readonly name: "within";
    readonly doc: "`workday within 120h`: look ahead in 24-hour buckets when nobody is working now.";
}, {
    readonly name: "user";
    readonly doc: "The user being considered (`user.grade`), or `fallback user \"u\"`.";
}, {
    readonly name: "queue";
    readonly doc: "`fallback queue \"q\"` / `unmatched queue \"q\"`: a named queue that keeps records.";
}, {
    readonly name: "retry";
    readonly doc: "`queue \"q\" retry every 15m for 24h`: send queued records through the rules again.";
}, {
    readonly name: "every";
    readonly doc: "`retry every 15m`: how often queued records are tried again.";
}, {
    readonly name: "for";
    readonly doc: "`retry … for 24h`: how long queued records are tried again (the distribution window).";
}, {
    readonly name: "weighted";
    readonly doc: "`distribute weighted { \"key\": w, … }`: interleaved weighted round robin.";
}, {
    readonly name: "score";
    readonly doc: "`distribute score EXPR`: the eligible user with the highest value wins.";
}, {
    readonly name: "ordered";
    readonly doc: "`distribute ordered by EXPR [asc|desc], …`: sort eligible users by the keys.";
}, {
    readonly name: "invalid";
    readonly doc: "`on invalid queue \"q\"` in a map: keep payloads that fail the schema in that queue.";
}];
/** Distribution methods (`distribute …`); `simple` ones take no argument. */
export interface MethodWord<N extends string = string> extends Word<N> {
    readonly simple: boolean;
    /** How the method is written when it differs from its name (`ordered by`). */
    readonly written?: string;
}
export declare const METHODS: readonly [{
    readonly name: "round_robin";
    readonly simple: true;
    readonly doc: "A rotation queue that never resets: ineligible users leave it, returning ones join at the end.";
}, {
    readonly name: "least_recent";
    readonly simple: true;
    readonly doc: "The eligible user assigned longest ago (never-assigned first, in pool order).";
}, {
    readonly name: "weighted";
    readonly simple: false;
    readonly doc: "Interleaved weighted round robin over users, teams or groups: `weighted { \"A\": 3, \"B\": 1 }`.";
}, {
    readonly name: "load_balance";
    readonly simple: true;
    readonly doc: "The eligible user with the most available capacity (capacity minus open load).";
}, {
    readonly name: "score";
    readonly simple: false;
    readonly doc: "The eligible user with the highest value of an expression: `score user.conversion_rate * 10`.";
}, {
    readonly name: "ordered";
    readonly simple: false;
    readonly written: "ordered by";
    readonly doc: "Sort eligible users by keys: `ordered by user.quality_score desc, user.price desc`.";
}, {
    readonly name: "random";
    readonly simple: true;
    readonly doc: "Uniform among eligible users, from a seeded generator kept in state.";
}];
/** Functions in expressions; `mapOnly` ones turn raw payload values into fields and are allowed only in `map` blocks. */
export interface FunctionWord<N extends string = string> extends Word<N> {
    readonly mapOnly: boolean;
}
export declare const FUNCTIONS: readonly [{
    readonly name: "lower";
    readonly mapOnly: false;
    readonly doc: "`lower(text)`: the text in lower case, for case-insensitive matching.";
}, {
    readonly name: "upper";
    readonly mapOnly: false;
    readonly doc: "`upper(text)`: the text in upper case.";
}, {
    readonly name: "length";
    readonly mapOnly: false;
    readonly doc: "`length(text|list)`: the number of characters or items.";
}, {
    readonly name: "distance";
    readonly mapOnly: false;
    readonly doc: "`distance(geo, geo)`: the distance in kilometres.";
}, {
    readonly name: "hours_since";
    readonly mapOnly: false;
    readonly doc: "`hours_since(time)`: hours from that time to now.";
}, {
    readonly name: "days_since";
    readonly mapOnly: false;
    readonly doc: "`days_since(time)`: days from that time to now.";
}, {
    readonly name: "trim";
    readonly mapOnly: true;
    readonly doc: "`trim(text)`: the text without leading and trailing spaces.";
}, {
    readonly name: "title";
    readonly mapOnly: true;
    readonly doc: "`title(text)`: each word capitalised.";
}, {
    readonly name: "digits";
    readonly mapOnly: true;
    readonly doc: "`digits(text)`: only the digits of the text (phone numbers, ZIPs).";
}, {
    readonly name: "left";
    readonly mapOnly: true;
    readonly doc: "`left(text, n)`: the first n characters.";
}, {
    readonly name: "right";
    readonly mapOnly: true;
    readonly doc: "`right(text, n)`: the last n characters.";
}, {
    readonly name: "number";
    readonly mapOnly: true;
    readonly doc: "`number(text)`: the text read as a number.";
}, {
    readonly name: "concat";
    readonly mapOnly: true;
    readonly doc: "`concat(text, …)`: the texts joined.";
}];
/** Rule statuses (`status …`). */
export declare const STATUSES: readonly [{
    readonly name: "active";
    readonly doc: "The rule runs (the default).";
}, {
    readonly name: "draft";
    readonly doc: "The rule is checked but never runs.";
}, {
    readonly name: "inactive";
    readonly doc: "The rule is switched off; it is checked but never runs.";
}];
/** Availability requirements (`require …`). */
export declare const REQUIREMENTS: readonly [{
    readonly name: "checked_in";
    readonly doc: "The user has checked in (the directory value, changed over the API).";
}, {
    readonly name: "available";
    readonly doc: "The user's status is Available.";
}, {
    readonly name: "workday";
    readonly doc: "Inside the user's working hours now; `workday within H` looks ahead up to H when nobody is working.";
}, {
    readonly name: "holidays";
    readonly doc: "Today is not a holiday of the user's calendar.";
}, {
    readonly name: "leave";
    readonly doc: "Now is not inside one of the user's leave periods.";
}, {
    readonly name: "capacity";
    readonly doc: "The user has available capacity (capacity minus open load above zero).";
}];
/** Quota periods (`quota …`), calendar windows in `settings.timezone`. */
export declare const QUOTA_PERIODS: readonly [{
    readonly name: "hourly";
    readonly doc: "Assignments per clock hour, from :00.";
}, {
    readonly name: "daily";
    readonly doc: "Assignments per day, from midnight.";
}, {
    readonly name: "weekly";
    readonly doc: "Assignments per week, from Monday.";
}, {
    readonly name: "monthly";
    readonly doc: "Assignments per month, from the 1st.";
}, {
    readonly name: "total";
    readonly doc: "Assignments over all time (a share count).";
}];
/** Trigger modes (`trigger …`). */
export declare const TRIGGERS: readonly [{
    readonly name: "entity";
    readonly doc: "Records enter through events posted to the server (the default).";
}, {
    readonly name: "automation";
    readonly doc: "Records enter only through the distribute endpoint, sent by an automation.";
}];
/** Event kinds: `<entity>.<kind>` in `on` and in incoming events. */
export declare const EVENT_KINDS: readonly [{
    readonly name: "created";
    readonly doc: "A record was created.";
}, {
    readonly name: "updated";
    readonly doc: "A record was updated; `updated(field, …)` only when one of those fields changed.";
}, {
    readonly name: "activity_created";
    readonly doc: "An activity was logged on the record.";
}, {
    readonly name: "opportunity_created";
    readonly doc: "An opportunity was created from the record.";
}, {
    readonly name: "task_created";
    readonly doc: "A task was created on the record.";
}];
/** `a`, `b` or `c`, each in backticks. */
export declare function listWords(words: readonly string[], joiner?: string): string;
