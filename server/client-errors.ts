// The API's error shape for requests that never reach a route: a URL path that
// is not valid percent-encoding or holds an over-long segment (fastify's router),
// and requests Node's HTTP parser refuses before fastify sees them — headers over
// 16 KiB, a body that does not match its Content-Length, a malformed request, a
// request that takes too long to arrive. No answer echoes the request back.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_ID_LENGTH } from '../language/limits';
import { errorBody } from './errors';

/** How long a request may take to arrive in full (headers and body) before it is answered 408. */
export const REQUEST_TIMEOUT_MS = 30_000;

/** Answers for fastify's framework errors (passed as its `frameworkErrors` option). */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const [status, code, message] =
    error.code === 'FST_ERR_BAD_URL'
      ? [400, 'invalid_url', 'the URL path is not valid percent-encoding; encode each path segment with encodeURIComponent']
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? [414, 'uri_too_long', `a segment of the URL path is too long; ids are at most ${MAX_ID_LENGTH} characters`]
        : [500, 'internal_error', `the server failed on this request; the log has the details under request id ${request.id}`];
  request.log.info({ step: 'refused', method: request.method, status, code }, message);
  void reply.status(status).send(errorBody(code, message));
}

/** The status, code and message that answer an HTTP parser error. */
export function clientErrorAnswer(error: NodeJS.ErrnoException): { status: number; code: string; message: string } {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, code: 'request_timeout', message: `the request did not arrive in full within ${REQUEST_TIMEOUT_MS / 1000} s` };
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, code: 'headers_too_large', message: 'the request headers are over 16 KiB' };
    case 'HPE_INVALID_CONTENT_LENGTH':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
      return { status: 400, code: 'invalid_request', message: 'the Content-Length header is not valid' };
    default:
      return {
        status: 400,
        code: 'invalid_request',
        message: 'the request is not valid HTTP/1.1: a malformed request line or header, or more body than its Content-Length',
      };
  }
}

/** Answers a request Node's HTTP parser refused (fastify's `clientErrorHandler`), then closes the connection. */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const { status, code, message } = clientErrorAnswer(error);
    const body = JSON.stringify(errorBody(code, message));
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
