// Child process of the crash test (sqlite-crash.test.ts): writes pairs (a key and a
// decision with the same id) in concurrent transactions with group commit until it
// is killed, printing each id once its commit has resolved.
// Usage: node --import tsx sqlite-crash-child.ts DB_PATH ID_PREFIX
import { createSqliteStore } from '../../runtime/state/sqlite-store';
import { inTransaction } from '../../runtime/state/store';
import { decision } from './fixtures';

const [path = '', prefix = ''] = process.argv.slice(2);
const store = await createSqliteStore(path);
const padding = 'x'.repeat(2_000);

for (let batch = 0; ; batch++) {
  const ids = Array.from({ length: 1 + Math.floor(Math.random() * 40) }, (_, i) => `${prefix}-${batch}-${i}`);
  await Promise.all(
    ids.map(async (id) => {
      await inTransaction(store, async (tx) => {
        await tx.put(`k/${id}`, { id, padding });
        await tx.appendDecision(decision(id));
      });
      process.stdout.write(`${id}\n`);
    }),
  );
}
