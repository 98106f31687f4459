// One delivery attempt and what to make of its answer: send the request with a
// timeout, keep the target's status and a truncated body, pick the created
// record's id out of a JSON answer, and classify the result (delivered, retry
// later, or failed for good). Plus the retry timing: exponential backoff with full
// jitter, and `Retry-After` in seconds or as an HTTP date.

/** The target's answer to one attempt; `status` null when there was none (network error, timeout). */
export interface AttemptResult {
  status: number | null;
  /** The answer's body, truncated to BODY_LIMIT characters. */
  body: string;
  error: string | null;
  /** Milliseconds the target asked us to wait (`Retry-After`), if it did. */
  retryAfterMs: number | null;
  /** The id found at the delivery's `record_id_path`, if any. */
  recordId: string | null;
  durationMs: number;
}

/** A request ready to send. */
export interface OutgoingRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

/** Sends one request; never throws. */
export type Sender = (request: OutgoingRequest, timeoutMs: number, recordIdPath: string | null) => Promise<AttemptResult>;

/** Characters of the target's answer kept in logs and the delivery log. */
export const BODY_LIMIT = 2048;

/** Sends with fetch; redirects are not followed (a 3xx is a final failure: configure the final URL). */
export const sendWithFetch: Sender = async (request, timeoutMs, recordIdPath) => {
  const started = performance.now();
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text.length > BODY_LIMIT ? `${text.slice(0, BODY_LIMIT)}…` : text,
      error: null,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), Date.now()),
      recordId: response.ok && recordIdPath ? findRecordId(text, recordIdPath) : null,
      durationMs: performance.now() - started,
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const message = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (cause ?? (error as Error).message);
    return { status: null, body: '', error: message, retryAfterMs: null, recordId: null, durationMs: performance.now() - started };
  }
};

/** `delivered` (2xx), `retry` (no answer, 408, 429, 5xx) or `failed` (any other status). */
export function classify(result: Pick<AttemptResult, 'status'>): 'delivered' | 'retry' | 'failed' {
  const { status } = result;
  if (status === null || status === 408 || status === 429 || status >= 500) return 'retry';
  return status >= 200 && status < 300 ? 'delivered' : 'failed';
}

/** Full-jitter exponential backoff: a uniform delay in [0, min(cap, base · 2^(attempt-1))). */
export function backoffDelay(attempt: number, baseMs: number, capMs: number, random: () => number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt - 1, 40));
  return Math.floor(random() * ceiling);
}

/** `Retry-After` as milliseconds from `nowMs`: delta seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/** The value at a dotted path (`id`, `data.id`, `records.0.id`) of a JSON text, as text; null when absent. */
export function findRecordId(text: string, path: string): string | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  for (const segment of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) return null;
    value = (value as Record<string, unknown>)[segment];
  }
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}
