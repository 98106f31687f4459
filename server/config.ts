// The `state`, `server` and `deliveries` sections of dist.yaml, as `dist serve`
// reads them: one zod schema, defaults applied, durations and sizes turned into
// numbers, and every problem reported with its field path
// (`deliveries[0].url: expected a URL`). The compiler only passes these sections
// through; this file owns their meaning.
import { z } from 'zod';
import { parseDuration } from '../language/literals';
import { closest, didYouMean } from '../language/suggest';

const SIZE = /^(\d+(?:\.\d+)?)\s*(b|kb|kib|mb|mib)?$/i;
const SIZE_BYTES = new Map([['b', 1], ['kb', 1000], ['kib', 1024], ['mb', 1_000_000], ['mib', 1_048_576]]);

/** `250ms`, `1s`, `5m`, `2h`, `1d`, or a number of milliseconds. */
export function parseConfigDuration(value: string | number): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
  return parseDuration(value.trim());
}

/** `1MiB`, `512kb`, `16 MiB`, or a number of bytes. */
export function parseSize(value: string | number): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? value : null;
  const match = SIZE.exec(value.trim());
  return match ? Math.round(Number(match[1]) * (SIZE_BYTES.get((match[2] ?? 'b').toLowerCase())!)) : null;
}

const duration = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const ms = parseConfigDuration(value);
  if (ms === null) ctx.addIssue({ code: 'custom', message: 'expected a duration such as `500ms`, `1s`, `5m` or `2h`' });
  return ms ?? 0;
});

const size = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const bytes = parseSize(value);
  if (bytes === null) ctx.addIssue({ code: 'custom', message: 'expected a size such as `1MiB`, `512KiB` or a number of bytes' });
  return bytes ?? 0;
});

const httpUrl = z.string().refine((text) => /^https?:\/\//.test(text) && URL.canParse(text), 'expected an http(s) URL');

/** What a delivery reacts to: any assignment, a fallback, an unmatched record, a record put in a queue, or every decision. */
export const DELIVERY_TRIGGERS = ['assigned', 'fallback', 'unmatched', 'queued', 'decided'] as const;
export type DeliveryTrigger = (typeof DELIVERY_TRIGGERS)[number];

const Retry = z
  .object({
    base: duration.default(1000),
    cap: duration.default(300_000),
    max_attempts: z.number().int().positive().default(30),
    timeout: duration.default(10_000),
  })
  .strict();

const Delivery = z
  .object({
    name: z
      .string()
      .regex(/^[A-Za-z0-9_.-]+$/, 'expected a name of letters, digits, `_`, `.` or `-`')
      .refine((name) => name !== 'callback', '`callback` is reserved for the callbacks of `/v1/distribute`'),
    on: z.array(z.enum(DELIVERY_TRIGGERS)).min(1),
    url: httpUrl,
    method: z.enum(['POST', 'PUT', 'PATCH']).default('POST'),
    /** Values may reference the environment as `${VAR}`; resolved at send time, never stored. */
    headers: z.record(z.string(), z.string()).default({}),
    /** Dotted path into the target's JSON answer where the created record's id is. */
    record_id_path: z.string().min(1).optional(),
    max_in_flight: z.number().int().positive().default(1),
    /** Only for decisions of these rules (by name); default every rule. */
    rules: z.array(z.string()).optional(),
    /** Only for these queues (`queued` trigger); default every queue. */
    queues: z.array(z.string()).optional(),
  })
  .strict();

const Token = z
  .object({
    name: z.string().min(1),
    team: z.string().min(1),
    token_env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name'),
  })
  .strict();

const Server = z
  .object({
    host: z.string().min(1).optional(),
    port: z.number().int().min(0).max(65_535).optional(),
    body_limit: size.default(1_048_576),
    batch_body_limit: size.default(16_777_216),
    batch_max_events: z.number().int().positive().max(10_000).default(1000),
    tokens: z.array(Token).default([]),
    retry: Retry.default(Retry.parse({})),
    /** Callbacks of `/v1/distribute`: how many may be in flight per target host. */
    callbacks: z.object({ max_in_flight: z.number().int().positive().default(4) }).strict().default({ max_in_flight: 4 }),
    /** Debounce of the hot-reload watcher. */
    reload_debounce: duration.default(100),
    /** How long SIGTERM waits for in-flight requests and deliveries. */
    shutdown_grace: duration.default(10_000),
    /** A candidate project (folder, relative to the project) that decides every event in shadow (server/shadow.ts). */
    shadow: z.string().min(1).optional(),
  })
  .strict();

const ServeConfig = z.object({
  state: z.string().min(1).optional(),
  server: Server.default(Server.parse({})),
  deliveries: z.array(Delivery).default([]),
});

export type DeliveryConfig = z.infer<typeof Delivery>;
/** The validated serve configuration, defaults applied. */
export type ServeConfig = z.infer<typeof ServeConfig>;

/** A configuration problem: `deliveries[0].url` and what is wrong with it. */
export interface ConfigIssue {
  path: string;
  /** The same path as segments into dist.yaml (`['deliveries', 'crm', 'url']`), to find its line. */
  segments: PropertyKey[];
  message: string;
}

/**
 * Validates the serve sections of dist.yaml; every issue names its field path.
 * `deliveries` is a mapping from name to delivery (`deliveries.crm.url`), or a
 * list of deliveries with a `name` each (`deliveries[0].url`).
 */
export function parseServeConfig(raw: {
  state?: unknown;
  server?: unknown;
  deliveries?: unknown;
}): { config: ServeConfig; issues: [] } | { config: null; issues: ConfigIssue[] } {
  const named = isMapping(raw.deliveries) ? Object.keys(raw.deliveries) : null;
  const deliveries = named ? named.map((name) => ({ name, ...Object((raw.deliveries as Record<string, unknown>)[name]) })) : raw.deliveries;
  const result = ServeConfig.safeParse({
    ...(raw.state != null ? { state: raw.state } : {}),
    ...(raw.server != null ? { server: raw.server } : {}),
    ...(deliveries != null ? { deliveries } : {}),
  });
  if (result.success) {
    const duplicate = duplicateName(result.data.deliveries);
    if (duplicate) return { config: null, issues: [duplicate] };
    return { config: result.data, issues: [] };
  }
  const issues = result.error.issues.flatMap((i): ConfigIssue[] => {
    const path = named && i.path[0] === 'deliveries' && typeof i.path[1] === 'number' ? ['deliveries', named[i.path[1]] as string, ...i.path.slice(2)] : i.path;
    if (i.code !== 'unrecognized_keys') return [{ path: formatPath(path), segments: path, message: lowerFirst(i.message) }];
    return i.keys.map((key) => ({ path: formatPath([...path, key]), segments: [...path, key], message: unknownKey(i.path, key) }));
  });
  return { config: null, issues };
}

/** The keys a mapping at `path` may have (zod path, deliveries as a list). */
function keysAt(path: readonly PropertyKey[]): string[] {
  const [section, second, third] = path;
  if (section === 'server' && path.length === 1) return Object.keys(Server.shape);
  if (section === 'server' && second === 'retry') return Object.keys(Retry.shape);
  if (section === 'server' && second === 'callbacks') return ['max_in_flight'];
  if (section === 'server' && second === 'tokens' && typeof third === 'number') return Object.keys(Token.shape);
  if (section === 'deliveries') return Object.keys(Delivery.shape).filter((key) => key !== 'name');
  return [];
}

function unknownKey(path: readonly PropertyKey[], key: string): string {
  const keys = keysAt(path);
  const advice = keys.length ? `use ${keys.map((k) => `\`${k}\``).join(', ')}` : 'remove it';
  return `unknown key${didYouMean(closest(key, keys), (k) => `\`${k}\``, advice)}`;
}

function lowerFirst(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1);
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function duplicateName(deliveries: readonly DeliveryConfig[]): ConfigIssue | null {
  const seen = new Set<string>();
  for (const [index, d] of deliveries.entries()) {
    if (seen.has(d.name)) return { path: `deliveries[${index}].name`, segments: ['deliveries', index, 'name'], message: `the delivery name \`${d.name}\` is used twice` };
    seen.add(d.name);
  }
  return null;
}

/** `deliveries[0].headers.Authorization`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out;
}
