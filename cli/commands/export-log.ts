// `dist export-log --state URL`: writes the decision log as NDJSON, oldest
// first, one entry a line with its event and provenance (server/decision-export.ts),
// for `dist diff --replay` and other tools. URL is the state store
// (`sqlite:PATH`, relative to the working folder) or the address of a running
// `dist serve` (`http://host:port`, read through `GET /v1/decisions?format=ndjson`
// with the token in DIST_ADMIN_TOKEN). Exit 0 written, 2 usage or I/O problems.
import { createWriteStream } from 'node:fs';
import { type Command } from 'commander';
import { parseIsoTime } from '../../compiler/values';
import { exportDecisions, exportLine } from '../../server/decision-export';
import { EXIT_OK } from '../output';
import { runCommand, UsageError } from '../project';
import { openStore } from '../../api';

interface ExportOptions {
  state: string;
  from?: string;
  to?: string;
  output?: string;
}

/** Registers `dist export-log`. */
export function registerExportLog(program: Command): void {
  program
    .command('export-log')
    .summary('write the decision log as NDJSON')
    .description(
      'Writes every logged decision (in a time range) as NDJSON, oldest first: the log entry with the event that caused it ' +
        'and its provenance (the state it read, fingerprints of its rules and directory). The file replays with ' +
        '`dist diff BASE HEAD --replay FILE`.\nExit status: 0 written, 2 usage or I/O problems.',
    )
    .requiredOption('--state <url>', 'sqlite:PATH (relative to the working folder), or a running server: http://HOST:PORT (token in DIST_ADMIN_TOKEN)')
    .option('--from <time>', 'only decisions at or after this time (ISO 8601, e.g. 2026-11-01 or 2026-11-01T09:00:00Z)')
    .option('--to <time>', 'only decisions before this time')
    .option('-o, --output <file>', 'write to FILE instead of stdout')
    .addHelpText('after', '\nExamples:\n  dist export-log --state sqlite:.dist/state.db --from 2026-11-01 > recorded/leads.ndjson\n  dist export-log --state http://127.0.0.1:8080 -o leads.ndjson')
    .action(async (options: ExportOptions) => {
      process.exitCode = await runCommand('export-log', () => runExport(options));
    });
}

async function runExport(options: ExportOptions): Promise<number> {
  const fromMs = timeOption('--from', options.from);
  const toMs = timeOption('--to', options.to);
  const out = options.output === undefined ? process.stdout : createWriteStream(options.output);
  const failed = new Promise<never>((_, reject) => out.once('error', (e: NodeJS.ErrnoException) => reject(new UsageError(`cannot write \`${options.output}\`: ${e.code ?? 'error'}`))));
  const write = (text: string) => Promise.race([new Promise<void>((done) => (out.write(text) ? done() : out.once('drain', done))), failed]);
  if (/^https?:\/\//.test(options.state)) await fromServer(options.state, options, write);
  else {
    const store = await openStore(options.state).catch((error: Error) => {
      throw new UsageError(error.message);
    });
    try {
      for (const d of await exportDecisions(store, { fromMs, toMs })) await write(`${exportLine(d)}\n`);
    } finally {
      await store.close();
    }
  }
  if (out !== process.stdout) await new Promise<void>((done) => out.end(done));
  return EXIT_OK;
}

async function fromServer(base: string, options: ExportOptions, write: (text: string) => Promise<void>): Promise<void> {
  const url = new URL('/v1/decisions', base);
  url.searchParams.set('format', 'ndjson');
  if (options.from) url.searchParams.set('from', options.from);
  if (options.to) url.searchParams.set('to', options.to);
  const token = process.env.DIST_ADMIN_TOKEN;
  const response = await fetch(url, token ? { headers: { authorization: `Bearer ${token}` } } : {}).catch((error: Error) => {
    throw new UsageError(`cannot reach \`${base}\`: ${error.message}`);
  });
  const body = await response.text();
  if (!response.ok) throw new UsageError(`\`${url.href}\` answered ${response.status}: ${body.slice(0, 300)}`);
  await write(body);
}

function timeOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = parseIsoTime(text, 'UTC');
  if (ms === null) throw new UsageError(`\`${name}\` must be a time such as \`2026-11-01\` or \`2026-11-01T09:00:00Z\`; got \`${text}\``);
  return ms;
}
