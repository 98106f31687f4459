// Reads an NDJSON file line by line for the commands that take one (`dist diff
// --replay`, `dist replay --log`): each non-blank line parsed as JSON, with its
// line number; a file that cannot be opened or a line that is not JSON is a
// UsageError naming the file (and `file:line`).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { UsageError } from './project';

/** Every non-blank line of `file` as a JSON value with its 1-based line number; `what` names the file in errors (`the replay file`). */
export async function* readNdjson(file: string, what: string): AsyncGenerator<{ line: number; value: unknown }> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (error: NodeJS.ErrnoException) => reject(new UsageError(`cannot read ${what} \`${file}\` (${error.code ?? 'error'}); check the path`)));
  });
  let line = 0;
  try {
    for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
      line++;
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new UsageError(`${file}:${line}: invalid JSON: ${(error as Error).message.replace(/ in JSON at position \d+.*$/, '').toLowerCase()}`);
      }
      yield { line, value };
    }
  } finally {
    stream.destroy();
  }
}
