// Shared fixtures of the server tests: a small project written to a temp folder,
// an in-process server on 127.0.0.1:0 with a real SQLite file and captured JSON
// logs, HTTP helpers, signatures, and a snapshot of everything in the state file
// (for "no state change" checks).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { loadProject } from '../../compiler/node/project';
import { signBody } from '../../server/auth';
import { parseServeConfig } from '../../server/config';
import { startServer, type RunningServer } from '../../server/server';

export const RULES = `schema lead {
  source: text
  status: text
  score: number
}

schema user {
  grade: text
}

settings {
  timezone "UTC"
  unmatched queue "triage"
}

rule "Web" {
  priority 10
  on lead.created
  when lead.source == "Website"
  assign users "a@x.test", "b@x.test", "c@x.test"
  distribute round_robin
}

rule "East" {
  priority 20
  scope team "East"
  on lead.created
  when lead.source == "East"
  assign anyone
  distribute round_robin
}

rule "Slow" {
  priority 30
  on lead.created
  when lead.source == "Slow"
  assign users "a@x.test", "b@x.test"
  distribute round_robin
  reassign after 1s when lead.status == "New" max 1
}
`;

export const DIRECTORY = `users:
  - { id: a@x.test, name: A, teams: [East], fields: { grade: A } }
  - { id: b@x.test, name: B, teams: [East], fields: { grade: B } }
  - { id: c@x.test, name: C, fields: { grade: C } }
teams:
  - { name: East, members: [a@x.test, b@x.test] }
`;

/** Writes a project to a fresh temp folder; returns its path. */
export function writeProject(files: { rules?: string; directory?: string; distYaml?: string } = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), 'dist-serve-'));
  mkdirSync(path.join(root, 'rules'));
  writeFileSync(path.join(root, 'rules', 'main.dist'), files.rules ?? RULES);
  writeFileSync(path.join(root, 'directory.yaml'), files.directory ?? DIRECTORY);
  if (files.distYaml) writeFileSync(path.join(root, 'dist.yaml'), files.distYaml);
  return root;
}

/** Removes a temp project. */
export function removeProject(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/** A parsed JSON log line. */
export type LogLine = Record<string, unknown> & { msg: string; step?: string };

export interface TestServer {
  url: string;
  root: string;
  statePath: string;
  logs: LogLine[];
  server: RunningServer;
  close: () => Promise<void>;
}

/** Starts the project's server in this process (hot reload off unless asked). */
export async function startTestServer(
  root: string,
  options: { env?: NodeJS.ProcessEnv; random?: () => number; watch?: boolean; clock?: () => number } = {},
): Promise<TestServer> {
  const loaded = await loadProject(root);
  const parsed = parseServeConfig(loaded.config);
  if (!parsed.config) throw new Error(`bad dist.yaml: ${JSON.stringify(parsed.issues)}`);
  const logs: LogLine[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) });
  const statePath = path.join(root, '.dist', 'state.db');
  const server = await startServer({
    project: loaded.config,
    config: parsed.config,
    host: '127.0.0.1',
    port: 0,
    state: `sqlite:${statePath}`,
    logger,
    env: options.env ?? {},
    random: options.random,
    clock: options.clock,
    watch: options.watch ?? false,
  });
  return { url: server.url, root, statePath, logs, server, close: server.close };
}

/**
 * A server on a fresh project for the tests of one file: started before them,
 * closed and removed after. Call at the top of the file; read `.current` inside tests.
 */
export function serverForFile(files: Parameters<typeof writeProject>[0] = {}): { current: TestServer } {
  const holder = {} as { current: TestServer };
  beforeAll(async () => {
    holder.current = await startTestServer(writeProject(files));
  });
  afterAll(async () => {
    await holder.current.close();
    removeProject(holder.current.root);
  });
  return holder;
}

/** An HTTP answer, parsed. */
export interface Answer {
  status: number;
  // Tests read answers loosely (`body.error.code`); the assertions check the shapes.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Headers;
}

/** Sends a request; `body` strings are sent as they are, other values as JSON. */
export async function call(
  url: string,
  method: string,
  route: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  const response = await fetch(`${url}${route}`, {
    method,
    headers: text === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: text,
  });
  const raw = await response.text();
  let parsed: unknown = raw;
  try {
    parsed = JSON.parse(raw);
  } catch {
    // not JSON (metrics)
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

/** A `lead.created` event. */
export function lead(id: string, record: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, type: 'lead.created', record: { id: `L-${id}`, source: 'Website', ...record } };
}

/** The `Dist-Signature` header for a body, at `t` (default now). */
export function signature(secret: string, body: string, t = Math.floor(Date.now() / 1000)): Record<string, string> {
  return { 'dist-signature': signBody(secret, body, t) };
}

/** Everything in the state file, as comparable data. */
export function stateSnapshot(statePath: string): unknown {
  const db = new Database(statePath, { readonly: true });
  try {
    const all = (sql: string) => db.prepare(sql).all();
    return {
      kv: all('SELECT key, value FROM kv ORDER BY key'),
      decisions: all('SELECT id, event_id FROM decisions ORDER BY seq'),
      timers: all('SELECT id FROM timers ORDER BY id'),
      queues: all('SELECT queue, record_id FROM queue_items ORDER BY seq'),
      outbox: all('SELECT id FROM outbox ORDER BY seq'),
    };
  } finally {
    db.close();
  }
}

/** Waits until `check` holds (polling), or fails after `ms`. */
export async function eventually(check: () => boolean | Promise<boolean>, ms = 5000, what = 'condition'): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A request a delivery target received. */
export interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

/** A local delivery target (CRM, callback receiver) that answers by the request's index. */
export interface Target {
  url: string;
  received: Received[];
  /** The most requests it had in flight at once. */
  maxConcurrent: number;
  close: () => Promise<void>;
}

/** How a target answers one request. */
export interface TargetReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
}

/** Starts a target on 127.0.0.1:0; `answer(n)` gives the reply to the n-th request. */
export async function startTarget(answer: (n: number, request: Received) => TargetReply): Promise<Target> {
  let inFlight = 0;
  const target: Target = { url: '', received: [], maxConcurrent: 0, close: async () => {} };
  const server = createServer((req, res) => {
    target.maxConcurrent = Math.max(target.maxConcurrent, ++inFlight);
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const request: Received = { path: req.url ?? '', headers: req.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
      target.received.push(request);
      const reply = answer(target.received.length - 1, request);
      setTimeout(() => {
        inFlight--;
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        res.end(JSON.stringify(reply.body ?? {}));
      }, reply.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  target.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  target.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return target;
}
