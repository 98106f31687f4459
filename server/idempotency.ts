// The `Idempotency-Key` header (API.md, in the manner of Stripe's): the first
// request with a key stores `idem/<key>` → { hash of endpoint and body, decision }
// in the decision's own transaction; the same key with the same body answers
// that decision again and changes nothing; with a different body it is a 422; and
// while the first request is still being decided in this process, a 409. Event
// ids give the same replay guarantee without the header (the engine keeps them).
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { inTransaction, type Json } from '../runtime/state/store';
import { ApiError } from './errors';
import { type Decision, type StateStore, type Transaction } from '../api';

/** What a key remembers. */
export interface IdempotencyRecord {
  hash: string;
  /** The decision it answered; null for a batch (whose events replay by their ids). */
  decisionId: string | null;
  at: number;
}

/** A key and the fingerprint of the request that carries it. */
export interface IdempotencyClaim {
  key: string;
  hash: string;
}

const KEY = /^[\x21-\x7e]{1,255}$/;
const stateKey = (key: string) => `idem/${key}`;

/** Writes a key's record (in the decision's transaction, or after a batch). */
export async function rememberKey(tx: Transaction, claim: IdempotencyClaim, decisionId: string | null, at: number): Promise<void> {
  const record: IdempotencyRecord = { hash: claim.hash, decisionId, at };
  await tx.put(stateKey(claim.key), record as unknown as Json);
}

/** Keys of requests being decided right now, and the checks around them. */
export class IdempotencyKeys {
  private readonly inFlight = new Set<string>();

  constructor(private readonly store: StateStore) {}

  /** The request's claim, or null without the header; 400 for a malformed key. */
  claimOf(request: FastifyRequest, body: string): IdempotencyClaim | null {
    const header = request.headers['idempotency-key'];
    if (header === undefined) return null;
    const key = Array.isArray(header) ? header[0] : header;
    if (key === undefined || !KEY.test(key)) {
      throw new ApiError(400, 'invalid_idempotency_key', 'the Idempotency-Key header must be 1 to 255 visible ASCII characters');
    }
    const hash = createHash('sha256').update(`${request.routeOptions.url ?? request.url}\n${body}`).digest('hex');
    return { key, hash };
  }

  /**
   * Starts a request with a claim: 409 while the key is in flight, 422 when the key
   * was used for another body. Resolves to the earlier record when this is a
   * replay (the caller answers it and must not call `end`), else null.
   */
  async begin(claim: IdempotencyClaim): Promise<{ record: IdempotencyRecord; decision: Decision | null } | null> {
    if (this.inFlight.has(claim.key)) {
      throw new ApiError(409, 'request_in_flight', 'a request with this Idempotency-Key is still being processed; retry later');
    }
    this.inFlight.add(claim.key);
    try {
      const found = await inTransaction(this.store, async (tx) => {
        const record = (await tx.get(stateKey(claim.key))) as IdempotencyRecord | undefined;
        if (!record) return null;
        return { record, decision: record.decisionId ? await tx.getDecision(record.decisionId) : null };
      });
      if (found && found.record.hash !== claim.hash) {
        throw new ApiError(422, 'idempotency_key_reused', 'this Idempotency-Key was used before with a different request body');
      }
      if (found) this.inFlight.delete(claim.key);
      return found;
    } catch (error) {
      this.inFlight.delete(claim.key);
      throw error;
    }
  }

  /** Ends a request started with `begin` (that was not a replay). */
  end(claim: IdempotencyClaim): void {
    this.inFlight.delete(claim.key);
  }
}
