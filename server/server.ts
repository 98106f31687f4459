// Starting and stopping `dist serve`. Start-up: open the state store, set the
// running version (project + directory changes kept in state), resume the
// deliveries a previous process left, run the timers that came due while down,
// listen, then watch the files. Shutdown (SIGTERM): answer new requests 503,
// drain the connections (drain.ts), let deliveries in flight finish, commit the
// last group and close the store.
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { deliveryHeaders, missingEnv } from './outbox/headers';
import { CALLBACK_PREFIX } from './outbox/plan';
import { OutboxWorker } from './outbox/worker';
import { buildApp } from './app';
import { ConnectionTracker } from './drain';
import type { AuthSecrets } from './auth';
import type { ServeConfig } from './config';
import type { ServerContext } from './context';
import { IdempotencyKeys } from './idempotency';
import { Ingest } from './ingest';
import { LiveProject, queuesOf, type InitialProject, type LiveDeps, type LiveVersion } from './live-project';
import { ServerMetrics } from './metrics';
import { TimerLoop } from './timer-loop';
import { watchProject } from './watch';
import { WEB_ROOT } from './web-assets';
import path from 'node:path';
import { createEngine, openStore, redactUrl, type ProjectConfig, type StateStore } from '../api';
import { Shadow } from './shadow';
import { compileShadowOrThrow, watchShadow, type ShadowVersionFiles } from './shadow-project';

/** How often a replica sharing its store looks for timers the other replicas scheduled. */
const SHARED_TIMER_POLL_MS = 1000;

export interface ServeOptions {
  /** The project (dist.yaml with its defaults and the absolute root). */
  project: ProjectConfig;
  config: ServeConfig;
  host: string;
  port: number;
  /** The state URL (`sqlite:PATH`, relative to the project; `postgres://…`). */
  state: string;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
  clock?: () => number;
  random?: () => number;
  /** Hot reload (default on). */
  watch?: boolean;
  /** The project as the caller already compiled it, so start-up does not compile it again. */
  initial?: InitialProject;
  /** A candidate project folder (absolute) deciding every event in shadow; default `server.shadow` of dist.yaml. */
  shadow?: string;
  /** The built web pages (default: build/web of this package). */
  webRoot?: string;
}

/** A running server. */
export interface RunningServer {
  url: string;
  app: FastifyInstance;
  context: ServerContext;
  /** Graceful shutdown; safe to call more than once. */
  close: () => Promise<void>;
}

/** Starts a server (see the top comment); on failure everything opened so far is closed again. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const store = await openStore(options.state, { base: options.project.root, sqliteWorker: true });
  const parts = assemble(options, store);
  const { context, timers, worker } = parts;
  const { logger, config } = options;
  let app: FastifyInstance | null = null;
  let unfollow = async () => {};
  let shadowCompiled: ShadowVersionFiles | null = null;
  try {
    context.live = await LiveProject.open(parts.liveDeps, options.initial);
    const opened = await openShadow(options, store, context);
    context.shadow = opened?.shadow ?? null;
    shadowCompiled = opened?.compiled ?? null;
    unfollow = await context.live.follow();
    app = buildApp(context, logger);
    const resumed = await worker.start();
    if (resumed > 0) logger.info({ step: 'start', deliveries: resumed }, `resuming ${resumed} pending deliveries`);
    await timers.start();
    await app.listen({ host: options.host, port: options.port, listenTextResolver: (address) => `socket bound at ${address}` });
  } catch (error) {
    await unfollow();
    await timers.stop();
    await app?.close();
    await worker.stop(0);
    await store.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  const watcher =
    options.watch === false
      ? null
      : watchProject({
          root: options.project.root,
          rules: options.project.rules,
          directory: options.project.directory,
          debounceMs: config.server.reload_debounce,
          onChange: () => void context.live.reloadFromFiles(),
          log: logger,
        });
  const shadowWatcher =
    options.watch === false || !context.shadow || !shadowCompiled ? null : watchShadow(context.shadow, shadowCompiled, { debounceMs: config.server.reload_debounce, log: logger });
  await watcher?.ready;
  await shadowWatcher?.ready;
  context.readiness = { ready: true, reason: '' };
  logger.info({ step: 'start', url, state: redactUrl(options.state), rules: context.live.current.program.rules.length }, `listening on ${url}`);

  const running = app;
  const connections = new ConnectionTracker(app.server);
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      context.readiness = { ready: false, reason: 'the server is shutting down' };
      logger.info({ step: 'stop' }, 'shutting down: finishing requests and deliveries in flight');
      await watcher?.close();
      await shadowWatcher?.close();
      await unfollow();
      await timers.stop();
      await connections.drain(config.server.shutdown_grace);
      await running.close();
      await worker.stop(config.server.shutdown_grace);
      await context.shadow?.idle();
      await store.close();
      logger.info({ step: 'stop', pending_deliveries: worker.backlog }, 'stopped');
    })());
  return { url, app: running, context, close };
}

/** The server's parts, wired together; `context.live` is set once the project is open. */
function assemble(options: ServeOptions, store: StateStore) {
  const { config, logger } = options;
  const env = options.env ?? process.env;
  const clock = options.clock ?? Date.now;
  const secrets = readSecrets(config, env, logger);
  const deliveries = new Map(config.deliveries.map((d) => [d.name, d]));
  for (const d of config.deliveries) {
    const missing = missingEnv(d.headers, env);
    if (missing.length) logger.warn({ step: 'start', delivery: d.name, missing }, `delivery \`${d.name}\` references unset environment variables`);
  }
  // Filled in two steps: the parts below need each other, and `live` needs the store opened by startServer.
  const context = { store, secrets, config, clock, shadow: null, webRoot: options.webRoot ?? WEB_ROOT, idempotency: new IdempotencyKeys(store), readiness: { ready: false, reason: 'the server is starting' } } as ServerContext;
  const version = () => context.live.current;
  const worker = new OutboxWorker({
    store,
    retry: config.server.retry,
    maxInFlight: (target) => deliveries.get(target)?.max_in_flight ?? (target.startsWith(CALLBACK_PREFIX) ? config.server.callbacks.max_in_flight : 1),
    headers: deliveryHeaders({ env, secret: secrets.webhookSecret, clock }),
    log: logger,
    clock,
    random: options.random,
    onAttempt: (target, result) => metrics.deliveries.inc({ target, result }),
  });
  const metrics = new ServerMetrics({ outboxBacklog: () => worker.backlog, queueSizes: () => queueSizes(version()) });
  const timers: TimerLoop = new TimerLoop({
    nextTimerAt: () => version().engine.nextTimerAt(),
    tick: async () => (await ingest.tick()).length,
    clock,
    log: logger,
    ...(store.shared ? { pollMs: SHARED_TIMER_POLL_MS } : {}),
  });
  const ingest = new Ingest({ version, worker, metrics, log: logger, deliveries: config.deliveries, timersChanged: () => timers.poke(), shadow: () => context.shadow });
  Object.assign(context, { worker, metrics, ingest });
  const liveDeps: LiveDeps = {
    root: options.project.root,
    store,
    makeEngine: (program, directory) => createEngine({ program, directory, store, clock, onCommit: ingest.onDecision, provenance: true }),
    log: logger,
    clock,
    onChange: (ok) => {
      metrics.reloads.inc({ result: ok ? 'ok' : 'failed' });
      if (ok) timers.poke();
    },
  };
  return { context, worker, timers, liveDeps };
}

/** The shadow of `--shadow PATH` (or `server.shadow`, relative to the project); a candidate that does not compile stops the start. */
async function openShadow(options: ServeOptions, store: StateStore, context: ServerContext): Promise<{ shadow: Shadow; compiled: ShadowVersionFiles } | null> {
  const folder = options.shadow ?? (options.config.server.shadow === undefined ? null : path.resolve(options.project.root, options.config.server.shadow));
  if (folder === null) return null;
  const compiled = await compileShadowOrThrow(folder);
  const metrics = context.metrics;
  options.logger.info({ step: 'start', shadow: folder, rules: compiled.program.rules.length }, `shadow rules from ${folder}`);
  const shadow = new Shadow(folder, compiled.program, compiled.directory, store, {
    log: options.logger,
    metrics: { compared: (result, rule) => metrics.shadowEvents.inc({ result, rule }) },
    clock: context.clock,
  });
  return { shadow, compiled };
}

/** Sizes of every queue the program can fill. */
async function queueSizes(version: LiveVersion): Promise<Map<string, number>> {
  const { program, engine } = version;
  const sizes = new Map<string, number>();
  for (const name of queuesOf(program)) sizes.set(name, (await engine.listQueue(name)).length);
  return sizes;
}

/** Secrets from the environment; warns about what is open. */
function readSecrets(config: ServeConfig, env: NodeJS.ProcessEnv, logger: Logger): AuthSecrets {
  const nonEmpty = (value: string | undefined) => (value === undefined || value === '' ? null : value);
  const webhookSecret = nonEmpty(env.DIST_WEBHOOK_SECRET);
  const adminToken = nonEmpty(env.DIST_ADMIN_TOKEN);
  if (webhookSecret === null) logger.warn({ step: 'start' }, 'DIST_WEBHOOK_SECRET is not set: ingest endpoints accept unsigned requests');
  if (adminToken === null) logger.warn({ step: 'start' }, 'DIST_ADMIN_TOKEN is not set: read and admin endpoints are open to loopback clients only');
  const teamTokens: AuthSecrets['teamTokens'] = [];
  for (const t of config.server.tokens) {
    const token = nonEmpty(env[t.token_env]);
    if (token === null) logger.warn({ step: 'start', token: t.name }, `team token \`${t.name}\` is disabled: ${t.token_env} is not set`);
    else teamTokens.push({ name: t.name, team: t.team, token });
  }
  return { webhookSecret, adminToken, teamTokens };
}
