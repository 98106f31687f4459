// The server's pure parts: dist.yaml's serve sections with field-path errors,
// the safe JSON body parser, retry timing and answer classification, and the
// delivery worker's per-target pause on 429 (with a fake sender and clock).
import { describe, expect, it } from 'vitest';
import { backoffDelay, classify, findRecordId, parseRetryAfter, type AttemptResult } from '../../server/outbox/attempt';
import { OutboxWorker } from '../../server/outbox/worker';
import { MemoryStore } from '../../runtime/state/memory-store';
import type { OutboxItem } from '../../runtime/state/store';
import { parseConfigDuration, parseServeConfig, parseSize } from '../../server/config';
import type { ApiError } from '../../server/errors';
import { findForbiddenKey, nestingDepth, parseJsonBody } from '../../server/json-body';

describe('serve configuration', () => {
  it('applies defaults', () => {
    const { config } = parseServeConfig({});
    expect(config?.server).toMatchObject({ body_limit: 1_048_576, batch_body_limit: 16_777_216, batch_max_events: 1000 });
    expect(config?.server.retry).toEqual({ base: 1000, cap: 300_000, max_attempts: 30, timeout: 10_000 });
    expect(config?.deliveries).toEqual([]);
  });

  it('reads deliveries as a mapping or a list, with sizes and durations', () => {
    const mapping = parseServeConfig({
      server: { body_limit: '2MiB', retry: { base: '250ms', cap: '1m' } },
      deliveries: { crm: { on: ['assigned'], url: 'https://crm.test/leads', record_id_path: 'id' } },
    });
    expect(mapping.config?.server.body_limit).toBe(2 * 1_048_576);
    expect(mapping.config?.server.retry).toMatchObject({ base: 250, cap: 60_000 });
    expect(mapping.config?.deliveries[0]).toMatchObject({ name: 'crm', method: 'POST', max_in_flight: 1, headers: {} });
    const list = parseServeConfig({ deliveries: [{ name: 'crm', on: ['queued'], url: 'http://127.0.0.1:9/x' }] });
    expect(list.config?.deliveries[0]?.name).toBe('crm');
  });

  it('names the field of every problem', () => {
    const paths = (raw: Parameters<typeof parseServeConfig>[0]) => parseServeConfig(raw).issues.map((i) => i.path);
    expect(paths({ deliveries: { crm: { on: ['sold'], url: 'ftp://x' } } })).toEqual(['deliveries.crm.on[0]', 'deliveries.crm.url']);
    expect(paths({ deliveries: [{ name: 'a', on: ['assigned'], url: 'http://x', colour: 1 }] })).toEqual(['deliveries[0].colour']);
    expect(paths({ server: { retry: { base: 'soon' } } })).toEqual(['server.retry.base']);
    expect(paths({ server: { tokens: [{ name: 't', team: 'East', token_env: 'not a var' }] } })).toEqual(['server.tokens[0].token_env']);
    expect(paths({ deliveries: [{ name: 'a', on: ['assigned'], url: 'http://x' }, { name: 'a', on: ['assigned'], url: 'http://y' }] })).toEqual(['deliveries[1].name']);
  });

  it('parses durations and sizes', () => {
    expect([parseConfigDuration('1.5s'), parseConfigDuration('5m'), parseConfigDuration(20), parseConfigDuration('5 minutes')]).toEqual([1500, 300_000, 20, null]);
    expect([parseSize('1MiB'), parseSize('512kb'), parseSize(10), parseSize('big')]).toEqual([1_048_576, 512_000, 10, null]);
  });
});

describe('the JSON body parser', () => {
  const code = (text: string, depth = 32) => {
    try {
      parseJsonBody(text, depth);
      return 'ok';
    } catch (error) {
      return (error as ApiError).code;
    }
  };

  it('measures nesting without counting brackets in strings', () => {
    expect(nestingDepth('{"a":"[[[[{{{{","b":[{"c":[]}]}')).toBe(4);
    expect(nestingDepth('"\\"["')).toBe(0);
    expect(code(`${'['.repeat(32)}${']'.repeat(32)}`)).toBe('ok');
    expect(code(`${'['.repeat(33)}${']'.repeat(33)}`)).toBe('nesting_too_deep');
    expect(code(`${'['.repeat(500_000)}`)).toBe('nesting_too_deep');
  });

  it('finds prototype keys anywhere, escaped or not', () => {
    expect(findForbiddenKey(JSON.parse('{"a":[{"b":{"\\u005f_proto__":1}}]}'))).toEqual({ key: '__proto__', path: 'a[0].b.__proto__' });
    expect(findForbiddenKey({ a: [1, { prototype: 2 }] })).toEqual({ key: 'prototype', path: 'a[1].prototype' });
    expect(findForbiddenKey({ proto: 1, constructors: [] })).toBeNull();
    expect(code('{"x":1,}')).toBe('invalid_json');
    expect(code('  ')).toBe('invalid_json');
  });
});

describe('retry timing', () => {
  it('classifies answers', () => {
    const verdicts = [200, 204, 301, 400, 404, 408, 409, 429, 500, 503, null].map((status) => classify({ status }));
    expect(verdicts).toEqual(['delivered', 'delivered', 'failed', 'failed', 'failed', 'retry', 'failed', 'retry', 'retry', 'retry', 'retry']);
  });

  it('backs off exponentially with full jitter, capped', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, 1000, 300_000, () => 0.999))).toEqual([999, 1998, 3996, 7992]);
    expect(backoffDelay(30, 1000, 300_000, () => 0.5)).toBe(150_000);
    expect(backoffDelay(3, 1000, 300_000, () => 0)).toBe(0);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect([parseRetryAfter('soon', now), parseRetryAfter(null, now)]).toEqual([null, null]);
  });

  it('finds the record id in a JSON answer', () => {
    expect(findRecordId('{"data":{"records":[{"id":77}]}}', 'data.records.0.id')).toBe('77');
    expect(findRecordId('{"id":"abc"}', 'id')).toBe('abc');
    expect(findRecordId('not json', 'id')).toBeNull();
    expect(findRecordId('{"id":{"nested":1}}', 'id')).toBeNull();
  });
});

describe('the delivery worker', () => {
  it('pauses a whole target on 429 and delivers each item once', async () => {
    let now = 1_000;
    const calls: { id: string; at: number }[] = [];
    const answer = (status: number, retryAfterMs: number | null = null): AttemptResult => ({ status, body: '', error: null, retryAfterMs, recordId: null, durationMs: 1 });
    const store = new MemoryStore();
    const worker = new OutboxWorker({
      store,
      retry: { base: 10, cap: 100, max_attempts: 5, timeout: 1000 },
      maxInFlight: () => 1,
      headers: () => ({}),
      log: { info: () => {}, warn: () => {}, error: () => {} },
      clock: () => now,
      random: () => 0,
      send: async (request) => {
        const id = JSON.parse(request.body) as string;
        calls.push({ id, at: now });
        return calls.length === 1 ? answer(429, 60) : answer(200);
      },
    });
    const item = (id: string): OutboxItem => ({ id, decisionId: 'd', createdAt: now, target: { name: 't', url: 'http://x', method: 'POST', headers: {}, recordIdPath: null }, payload: id, attempts: 0, nextAttemptAt: now });
    worker.add([item('one'), item('two')]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls.map((c) => c.id)).toEqual(['one']);
    now += 60;
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(calls.map((c) => c.id)).toEqual(['one', 'two', 'one']);
    expect(worker.backlog).toBe(0);
    expect((store.snapshot() as { outbox: unknown[] }).outbox).toEqual([]);
    await worker.stop(100);
  });
});
