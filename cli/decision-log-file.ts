// Finds one decision in an exported decision log (`dist export-log`,
// `GET /v1/decisions?format=ndjson`) for `dist replay --log`: the file is read
// line by line up to the entry with that id; every line on the way must be a
// log entry, and the entry found must carry what re-running it needs. Each
// problem is a UsageError at `file:line`.
import { exportedId, readExportedEntry, type ExportedEntry } from '../server/decision-export';
import { readNdjson } from './ndjson-file';
import { UsageError } from './project';

/** The entry of decision `id` in `file`, with its line. */
export async function findInLog(file: string, id: string): Promise<ExportedEntry & { line: number }> {
  let seen = 0;
  let first: string | null = null;
  let last: string | null = null;
  for await (const { line, value } of readNdjson(file, 'the log file')) {
    const found = exportedId(value);
    if (found === null) throw new UsageError(`${file}:${line}: expected a decision-log entry (a line of \`dist export-log\`) with its \`decision_id\``);
    if (found === id) {
      const read = readExportedEntry(value);
      if (!read.ok) throw new UsageError(`${file}:${line}: decision \`${id}\`: ${read.problem}`);
      return { ...read.entry, line };
    }
    seen++;
    first ??= found;
    last = found;
  }
  if (seen === 0) throw new UsageError(`no decision \`${id}\` in \`${file}\`: the file holds no decisions`);
  throw new UsageError(`no decision \`${id}\` in \`${file}\` (it holds ${seen.toLocaleString('en')} decisions, \`${first}\` … \`${last}\`)`);
}
