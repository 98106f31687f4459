// The zod schemas of the HTTP bodies and query strings (field names as on the
// wire), and the small parsers they share: times given as ISO 8601 or epoch ms,
// durations, page sizes.
import { z } from 'zod';
import { MAX_ID_LENGTH } from '../language/limits';
import { parseConfigDuration } from './config';

/** `POST /v1/events:batch`. */
export function batchBody(maxEvents: number) {
  return z.strictObject({
    events: z.array(z.unknown()).min(1, 'send at least one event').max(maxEvents, `at most ${maxEvents} events per batch`),
  });
}

/** `POST /v1/distribute`. */
export const DistributeBody = z.strictObject({
  /** Its fields are checked by the engine, as on `POST /v1/events`. */
  event: z.record(z.string(), z.unknown(), { error: 'expected an event object: `{ "id", "type", "record", "changed"?, "at"? }`' }),
  callback_url: z
    .string()
    .refine((text) => /^https?:\/\//.test(text) && URL.canParse(text), 'expected an http(s) URL')
    .optional(),
  default_user: z.string().min(1).optional(),
  /** How long to wait for the decision before answering 202 (ms or `10s`). */
  timeout: z
    .union([z.string(), z.number()])
    .transform((value, ctx) => {
      const ms = parseConfigDuration(value);
      if (ms === null || ms <= 0) ctx.addIssue({ code: 'custom', message: 'expected a duration such as `10s` or a number of milliseconds' });
      return ms ?? 0;
    })
    .optional(),
});

/** The latest instant a JavaScript date holds (±8.64e15 ms around 1970). */
const MAX_INSTANT = 8_640_000_000_000_000;

/** An instant given as ISO 8601 or epoch milliseconds, within the range of a date. */
const instant = z.string().transform((text, ctx) => {
  const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  if (Number.isNaN(ms)) ctx.addIssue({ code: 'custom', message: 'expected an ISO 8601 time or epoch milliseconds' });
  else if (Math.abs(ms) > MAX_INSTANT) ctx.addIssue({ code: 'custom', message: `expected a time between years -271821 and 275760 (at most ${MAX_INSTANT} epoch milliseconds)` });
  return ms;
});

/** `GET /v1/decisions`. */
export const DecisionQuery = z.strictObject({
  record: z.string().min(1).optional(),
  entity: z.string().min(1).optional(),
  rule: z.string().min(1).optional(),
  user: z.string().min(1).optional(),
  outcome: z.enum(['assigned', 'fallback', 'unmatched']).optional(),
  /** Decisions of rules scoped to this team. */
  team: z.string().min(1).optional(),
  from: instant.optional(),
  to: instant.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  before: z.string().min(1).optional(),
  /** `ndjson`: every matching decision, oldest first, one JSON object a line, with its event and provenance (no paging). */
  format: z.enum(['json', 'ndjson']).default('json'),
});

/** `GET /v1/stats`. */
export const StatsQuery = z.strictObject({ from: instant.optional(), to: instant.optional(), team: z.string().min(1).optional() });

/** `GET /v1/decisions/{id}`: `why` asks why one user did or did not get the record. */
export const DecisionDetailQuery = z.strictObject({ why: z.string().min(1).optional() });

/** `POST /v1/queues/{name}/{record}/retry`: the record's entity, needed when records of several entities share the id. */
export const RetryQuery = z.strictObject({ entity: z.string().min(1).optional() });

/** `POST /v1/assignments`. */
export const AssignmentBody = z.strictObject({
  entity: z.string().min(1),
  record_id: z.union([z.string().min(1).max(MAX_ID_LENGTH), z.number().finite()]).transform(String),
  user: z.string().min(1).max(MAX_ID_LENGTH),
  /** False for cherry-picked records: no quota, rotation or least_recent effect. */
  counts: z.boolean().default(true),
  /** Who made the assignment (a person's name or id), kept in the distribution history. */
  by: z.string().min(1).max(MAX_ID_LENGTH).optional(),
});
