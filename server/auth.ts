// Who may call what (API.md "Authentication"). Ingest endpoints check the
// `Dist-Signature` HMAC when a webhook secret is set; read and admin endpoints take
// a bearer token: the admin token, or a team token that sees only its team's
// decisions. Without an admin token they are open to loopback clients only. Every
// secret comparison is constant-time.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ApiError } from './errors';

/** Largest distance between a signature's `t` and now. */
export const SIGNATURE_TOLERANCE_S = 300;

/** Who is calling: the administrator, or a token limited to one team. */
export type Caller = { kind: 'admin' } | { kind: 'team'; team: string; name: string };

/** The secrets in force, read from the environment at start-up. */
export interface AuthSecrets {
  webhookSecret: string | null;
  adminToken: string | null;
  teamTokens: { name: string; team: string; token: string }[];
}

/** The `Dist-Signature` value for `body` at unix time `t` (what senders compute). */
export function signBody(secret: string, body: string, t: number): string {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/** Throws 401 unless `header` signs `body` with `secret` within the tolerance of `nowS`. */
export function verifySignature(secret: string, header: string | undefined, body: string, nowS: number): void {
  if (!header) throw new ApiError(401, 'invalid_signature', 'the `Dist-Signature` header is missing');
  let t: number | null = null;
  const candidates: string[] = [];
  for (const part of header.split(',')) {
    const [name, value = ''] = part.trim().split('=', 2);
    if (name === 't' && /^\d{1,12}$/.test(value)) t = Number(value);
    else if (name === 'v1') candidates.push(value);
  }
  if (t === null || candidates.length === 0) {
    throw new ApiError(401, 'invalid_signature', 'the `Dist-Signature` header must read `t=<unix seconds>,v1=<hex HMAC-SHA256>`');
  }
  if (Math.abs(nowS - t) > SIGNATURE_TOLERANCE_S) {
    throw new ApiError(401, 'stale_signature', `the signature's time is more than ${SIGNATURE_TOLERANCE_S} seconds away from now`);
  }
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  const matches = candidates.some((hex) => {
    const given = /^[0-9a-f]+$/i.test(hex) ? Buffer.from(hex, 'hex') : Buffer.alloc(0);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw new ApiError(401, 'invalid_signature', 'the signature does not match the body');
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Constant-time equality of two secrets of any length. */
function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

/** True for 127.0.0.0/8 and ::1, in either address family. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

/** Identifies the caller of a read or admin endpoint; throws 401 when it cannot. */
export function authenticate(secrets: AuthSecrets, request: FastifyRequest): Caller {
  const header = request.headers.authorization;
  if (header === undefined) {
    if (secrets.adminToken === null && isLoopback(request.socket.remoteAddress)) return { kind: 'admin' };
    const why = secrets.adminToken === null ? 'without DIST_ADMIN_TOKEN only loopback clients may call it unauthenticated' : 'send `Authorization: Bearer <token>`';
    throw new ApiError(401, 'unauthorized', `this endpoint needs a bearer token; ${why}`, undefined, { 'WWW-Authenticate': 'Bearer' });
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new ApiError(401, 'unauthorized', 'the Authorization header must read `Bearer <token>`', undefined, { 'WWW-Authenticate': 'Bearer' });
  const token = match[1] as string;
  if (secrets.adminToken !== null && sameSecret(token, secrets.adminToken)) return { kind: 'admin' };
  const team = secrets.teamTokens.find((t) => sameSecret(token, t.token));
  if (team) return { kind: 'team', team: team.team, name: team.name };
  throw new ApiError(401, 'unauthorized', 'the bearer token is not valid', undefined, { 'WWW-Authenticate': 'Bearer' });
}

/** Throws 403 unless the caller is the administrator. */
export function requireAdmin(caller: Caller): void {
  if (caller.kind !== 'admin') {
    throw new ApiError(403, 'forbidden', `the token \`${caller.name}\` is limited to team \`${caller.team}\` and cannot call this endpoint`);
  }
}
