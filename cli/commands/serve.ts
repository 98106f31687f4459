// `dist serve [PROJECT]`: the webhook runtime (API.md). Checks the project first
// (diagnostics as `dist check` prints them; exit 1 on errors), reads the server
// sections of dist.yaml, then runs until SIGTERM or SIGINT, when it shuts down
// gracefully and exits 0. Logs are JSON lines on stdout.
import path from 'node:path';
import type { Command } from 'commander';
import pino from 'pino';
import { parseServeConfig } from '../../server/config';
import { ProjectError } from '../../server/live-project';
import { startServer } from '../../server/server';
import { EXIT_FAILURE, EXIT_USAGE, painter, writeError } from '../output';
import { compileProjectAt, hasErrors, runCommand } from '../project';
import { renderText } from '../render-diagnostics';
import { parseStateUrl } from '../../api';

interface ServeFlags {
  host?: string;
  port?: string;
  state?: string;
  shadow?: string;
}

/** Registers `dist serve`. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .summary('serve the rules over HTTP')
    .description(
      'Starts the webhook server: forms, CRMs and automations post events, each is decided once, durably, and explained.\n' +
        'Secrets come from the environment: DIST_WEBHOOK_SECRET (signed ingest), DIST_ADMIN_TOKEN (read and admin endpoints).\n' +
        'Exit status: 0 after a graceful shutdown, 1 when the project has errors, 2 on usage or I/O problems.',
    )
    .argument('[project]', 'the project folder, or a file inside it', '.')
    .option('--host <host>', 'address to listen on (default: dist.yaml server.host, else 127.0.0.1)')
    .option('--port <port>', 'port to listen on; 0 picks a free one (default: dist.yaml server.port, else 8080)')
    .option('--state <url>', 'state store: sqlite:PATH, relative to the project (default: sqlite:.dist/state.db), or postgres://USER@HOST:PORT/DB[?schema=NAME] shared by several replicas')
    .option('--shadow <path>', 'a candidate project that also decides every event, on a copy of the state, after the answer, hot-reloaded when its files change; compared at GET /v1/shadow (default: server.shadow in dist.yaml)')
    .addHelpText('after', '\nExamples:\n  dist serve\n  dist serve examples/tour --port 0\n  DIST_ADMIN_TOKEN=… dist serve --host 0.0.0.0')
    .action(async (target: string, flags: ServeFlags) => {
      process.exitCode = await runCommand('serve', () => runServe(target, flags));
    });
}

async function runServe(target: string, flags: ServeFlags): Promise<number> {
  const project = await compileProjectAt(target);
  if (project.diagnostics.length > 0) writeError(renderText(project.diagnostics, project.texts, painter(process.stderr)));
  if (hasErrors(project.diagnostics)) return EXIT_FAILURE;
  // The serve sections were checked with the project (DIST602 above); this only narrows the type.
  const parsed = parseServeConfig(project.config);
  if (!parsed.config) return EXIT_FAILURE;
  const { config } = parsed;
  const state = stateFile(flags.state ?? config.state ?? 'sqlite:.dist/state.db', project.root);
  const port = flags.port === undefined ? (config.server.port ?? 8080) : Number(flags.port);
  if ('error' in state || !Number.isInteger(port) || port < 0 || port > 65_535) {
    writeError(`dist serve: ${'error' in state ? state.error : `--port must be a number from 0 to 65535, got \`${flags.port}\``}`);
    return EXIT_USAGE;
  }
  // Buffered: lines go out in 4 KiB writes, and at least every 100 ms.
  const destination = pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 100 });
  const logger = pino({ level: process.env.DIST_LOG_LEVEL ?? 'info', timestamp: pino.stdTimeFunctions.isoTime }, destination);
  let server;
  try {
    server = await startServer({ project: project.config, initial: { input: project.input, result: project.result }, config, host: flags.host ?? config.server.host ?? '127.0.0.1', port, state: state.url, logger, ...(flags.shadow ? { shadow: path.resolve(flags.shadow) } : {}) });
  } catch (error) {
    logger.fatal({ step: 'start', err: error }, 'dist serve could not start');
    destination.flushSync();
    writeError(`dist serve: ${(error as Error).message}`);
    return error instanceof ProjectError ? EXIT_FAILURE : EXIT_USAGE;
  }
  destination.flush();
  const running = server;
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(EXIT_FAILURE);
    stopping = true;
    logger.info({ step: 'stop', signal }, `received ${signal}`);
    running.close().then(
      () => {
        destination.flushSync();
        process.exit(0);
      },
      (error: unknown) => {
        logger.fatal({ step: 'stop', err: error }, 'shutdown failed');
        destination.flushSync();
        process.exit(EXIT_FAILURE);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  return 0;
}

/** A `--state` URL checked for `dist serve` (a durable store), SQLite paths resolved against the project. */
function stateFile(url: string, root: string): { url: string } | { error: string } {
  const location = parseStateUrl(url, root);
  if ('error' in location) return location;
  if (location.kind === 'memory') return { error: `\`dist serve\` keeps its state durably: use \`--state sqlite:PATH\` or \`--state postgres://…\`, got \`${url}\`` };
  return { url: location.kind === 'sqlite' ? `sqlite:${location.path}` : url };
}
