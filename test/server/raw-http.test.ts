// Requests that never reach a route still get the API's error shape: bad
// percent-encoding, an over-long path segment, headers over 16 KiB, a body that
// does not match its Content-Length, a malformed request. Sent over raw sockets,
// since an HTTP client would refuse to send most of them.
import { connect } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { clientErrorAnswer } from '../../server/client-errors';
import { serverForFile } from './helpers';

const served = serverForFile();
let port = 0;

beforeAll(() => {
  port = Number(new URL(served.current.url).port);
});

/** Sends `text` as it is and returns the status and parsed body of the answer. */
function send(text: string): Promise<{ status: number; body: unknown; raw: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let raw = '';
    socket.on('data', (chunk) => (raw += chunk.toString()));
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1] ?? 0);
      const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
      try {
        resolve({ status, body: JSON.parse(body), raw });
      } catch {
        reject(new Error(`not JSON: ${raw.slice(0, 300)}`));
      }
    });
    socket.on('error', () => undefined);
  });
}

const request = (line: string, headers: string[] = [], body = '') => [line, 'Host: x', 'Connection: close', ...headers, '', body].join('\r\n');

describe('answers before any route', () => {
  it.each([
    ['bad percent-encoding', request('GET /v1/decisions/%E0%A4%A HTTP/1.1'), 400, 'invalid_url'],
    ['a path segment over the id limit', request(`GET /v1/decisions/${'x'.repeat(10_000)} HTTP/1.1`), 414, 'uri_too_long'],
    ['headers over 16 KiB', request('GET /healthz HTTP/1.1', [`X-Big: ${'x'.repeat(17_000)}`]), 431, 'headers_too_large'],
    ['more body than its Content-Length', request('POST /v1/events HTTP/1.1', ['Content-Type: application/json', 'Content-Length: 5'], '{"id":"x","type":"lead.created"}'), 400, 'invalid_request'],
    ['a Content-Length that is not a number', request('POST /v1/events HTTP/1.1', ['Content-Type: application/json', 'Content-Length: abc'], '{}'), 400, 'invalid_request'],
    ['a malformed request line', 'GARBAGE\r\n\r\n', 400, 'invalid_request'],
  ])('%s → %i %s in the error shape, without echoing the request', async (_name, text, status, code) => {
    const answer = await send(text);
    expect(answer.status).toBe(status);
    expect(answer.body).toEqual({ error: { code, message: expect.any(String) } });
    expect(answer.raw.length).toBeLessThan(1000);
  });

  it('answers a request that does not arrive in time 408 in the same shape', () => {
    expect(clientErrorAnswer(Object.assign(new Error('timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }))).toMatchObject({ status: 408, code: 'request_timeout' });
  });

  it('still answers afterwards', async () => {
    expect((await send(request('GET /healthz HTTP/1.1'))).status).toBe(200);
  });
});
