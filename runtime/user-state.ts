// Per-user values the engine keeps in state (`last_assigned_at`, its own
// `open_load` count) joined with the directory into the UserViews that rules,
// filters and methods read. Loaded with one getMany per decision.
import type { DirectoryIndex } from './directory-index';
import type { UserView } from './evaluator/context';
import { keys } from './state-keys';
import type { Transaction } from './state/store';

/** Views of `ids` with their state; ids not in the directory are left out. */
export async function loadUserViews(tx: Transaction, dir: DirectoryIndex, ids: readonly string[]): Promise<Map<string, UserView>> {
  const known = ids.filter((id) => dir.users.has(id));
  const stateKeys: string[] = [];
  for (const id of known) stateKeys.push(keys.lastAssignedAt(id), keys.lastAssignedSeq(id), keys.openLoad(id));
  const values = await tx.getMany(stateKeys);
  const views = new Map<string, UserView>();
  known.forEach((id, i) => {
    const base = (dir.users.get(id) as { base: UserView }).base;
    const [last, seq, load] = values.slice(3 * i, 3 * i + 3);
    views.set(id, {
      ...base,
      openLoad: base.openLoad + (typeof load === 'number' ? load : 0),
      lastAssignedAt: typeof last === 'number' ? last : undefined,
      lastAssignedSeq: typeof seq === 'number' ? seq : 0,
    });
  });
  return views;
}

/** Adds `delta` to a numeric key (missing counts as 0). */
export async function addTo(tx: Transaction, key: string, delta: number): Promise<number> {
  const current = await tx.get(key);
  const next = (typeof current === 'number' ? current : 0) + delta;
  await tx.put(key, next);
  return next;
}
