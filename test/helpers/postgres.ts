// PostgreSQL for tests: the database named by DIST_TEST_POSTGRES_URL (.ci/run
// starts one and sets it). Without it, PostgreSQL tests are skipped with a notice,
// except under CI=true, where a missing database fails the run. Each test gets a
// fresh schema (`?schema=dist_test_…`), dropped when the file's tests end.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, it } from 'vitest';

/** The test database's URL, or undefined. */
export const POSTGRES_URL = process.env.DIST_TEST_POSTGRES_URL || undefined;

const schemas: string[] = [];

afterAll(async () => {
  if (!POSTGRES_URL || schemas.length === 0) return;
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    for (const schema of schemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
});

/** `describe` for tests that need PostgreSQL (see the top comment). */
export function describePostgres(name: string, body: (url: string) => void): void {
  if (POSTGRES_URL) {
    describe(name, () => body(POSTGRES_URL));
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs DIST_TEST_POSTGRES_URL', () => {
        throw new Error('DIST_TEST_POSTGRES_URL is not set: CI must provide a PostgreSQL database for these tests (see .ci/run)');
      });
    });
    return;
  }
  console.warn(`skipping "${name}": set DIST_TEST_POSTGRES_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run the PostgreSQL tests`);
  describe.skip(`${name} (needs DIST_TEST_POSTGRES_URL)`, () => body(''));
}

/** A state URL for a new, empty schema of the test database (dropped after the file's tests). */
export function freshSchemaUrl(url: string): string {
  const schema = `dist_test_${randomBytes(6).toString('hex')}`;
  schemas.push(schema);
  const parsed = new URL(url);
  parsed.searchParams.set('schema', schema);
  return parsed.toString();
}
