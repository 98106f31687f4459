// The one error shape of the HTTP API (API.md): `{ error: { code, message,
// details? } }` with a snake_case code. Handlers throw ApiError; fastify's own
// errors (body too large, wrong media type) are mapped here; anything else is a
// 500 `internal_error` that names the request id, with the stack in the log only.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { formatPath } from './config';

/** A `{ path, message }` pair, as `details` lists them. */
export interface IssueDetail {
  path: string;
  message: string;
}

/** An error answered to the client as-is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The wire form of an error. */
export function errorBody(code: string, message: string, details?: unknown): { error: Record<string, unknown> } {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Parses `value` with a zod schema, or throws 400 `code` listing every issue with its path. */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown, code = 'invalid_request', what = 'the request body'): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details: IssueDetail[] = result.error.issues.map((i) => ({ path: formatPath(i.path), message: issueMessage(i, value) }));
  const first = details[0] as IssueDetail;
  throw new ApiError(400, code, `${what} is invalid: ${first.path ? `${first.path}: ` : ''}${first.message}`, details);
}

/** A zod issue in words: a field that is absent is `required`, anything else as zod says it. */
function issueMessage(issue: z.core.$ZodIssue, value: unknown): string {
  const last = issue.path.at(-1);
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && last !== undefined && valueAt(value, issue.path) === undefined) return `\`${String(last)}\` is required`;
  return issue.message;
}

/** The value at `path` inside `value` (own properties only); undefined when absent. */
function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

const FASTIFY_CODES: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'body_too_large', message: 'the request body is over the size limit' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    message: 'send the body as `application/json`',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'invalid_request',
    message: 'the Content-Length header does not match the body',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'invalid_json', message: 'the request body is empty; send a JSON object' },
};

/** Installs the error and not-found handlers on an app. */
export function installErrorHandlers(app: FastifyInstance, limits: { bodyLimit: (url: string) => number }): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const refused = (status: number, code: string, message: string, details?: unknown) => {
      request.log.info({ step: 'refused', method: request.method, url: request.url, status, code }, message);
      void reply.status(status).send(errorBody(code, message, details));
    };
    if (error instanceof ApiError) {
      void reply.headers(error.headers);
      refused(error.status, error.code, error.message, error.details);
      return;
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) {
      refused(known.status, known.code, known.code === 'body_too_large' ? `${known.message} of ${limits.bodyLimit(request.url)} bytes` : known.message);
      return;
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      refused(error.statusCode, 'bad_request', error.message);
      return;
    }
    request.log.error({ step: 'error', err: error }, 'request failed');
    void reply
      .status(500)
      .send(errorBody('internal_error', `the server failed on this request; the log has the details under request id ${request.id}`, { request_id: request.id }));
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    void reply.status(404).send(errorBody('not_found', `no endpoint \`${request.method} ${path.length > 200 ? `${path.slice(0, 200)}…` : path}\``));
  });
}
