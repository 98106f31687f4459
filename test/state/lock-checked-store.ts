// A store wrapper that enforces the lock discipline of runtime/state/store.ts:
// every write must fall under a lock the transaction holds (`rr/<rule>/…`,
// `cursor/<rule>`, `seed/<rule>` under `rule/<rule>`; `user/<id>/…` and
// `quota/<id>/…` under `user/<id>`; `record/…`, its queue items, timers and
// decisions under the record's lock), and locks must come in the contract's class
// order. A violation throws (so the engine aborts and the test fails) and is kept
// in `violations`. Engine tests run over it, so a change that writes a key it did
// not lock — harmless on one process, a lost update across replicas — fails them.
import { locks, userOfStateKey } from '../../runtime/state-keys';
import type { Decision } from '../../runtime/types';
import type { Json, QueueItem, StateStore, Timer, Transaction } from '../../runtime/state/store';

/** Lock classes in the contract's order. */
const CLASS_OF = new Map([
  ['event', 1],
  ['record', 2],
  ['rule', 3],
  ['user', 4],
]);

/** The lock a key's write needs, or null when the key is in no lock class. */
export function lockFor(key: string): string | null {
  const [prefix] = key.split('/', 1);
  const rest = key.slice((prefix as string).length + 1);
  switch (prefix) {
    case 'rr':
    case 'cursor':
    case 'seed':
      return `rule/${rest.split('/', 1)[0]}`;
    case 'user':
    case 'quota': {
      const user = userOfStateKey(key);
      return user === null ? null : locks.user(user);
    }
    case 'record':
      return key;
    default:
      return null;
  }
}

/** `store` with every transaction checked (see the top comment). */
export class LockCheckedStore implements StateStore {
  readonly violations: string[] = [];

  /** The inner store's commit feed, when it has one (so the engine keeps its memos over a checked store too). */
  readonly onCommit?: (listener: (keys: Iterable<string>) => void) => () => void;

  constructor(readonly inner: StateStore) {
    const feed = inner.onCommit?.bind(inner);
    if (feed) this.onCommit = feed;
  }

  async begin(): Promise<Transaction> {
    return checked(await this.inner.begin(), this.violations);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

function checked(tx: Transaction, violations: string[]): Transaction {
  const held = new Set<string>();
  /** The highest class an earlier call took new locks of. */
  let top = 0;
  const fail = (message: string): never => {
    violations.push(message);
    throw new Error(`lock discipline: ${message}`);
  };
  const need = (lock: string | null, what: string) => {
    if (lock === null) fail(`${what} is in no lock class`);
    else if (!held.has(lock)) fail(`${what} without holding \`${lock}\``);
  };
  const record = (entity: string, recordId: string) => `record/${entity}/${recordId}`;
  const wrapper: Partial<Transaction> = {
    async lock(keys) {
      const fresh = [...new Set(keys)].filter((key) => !held.has(key));
      if (fresh.length > 0) {
        const classes = fresh.map((key) => CLASS_OF.get(key.split('/', 1)[0] as string) ?? fail(`\`${key}\` is in no lock class`));
        const lowest = Math.min(...classes);
        if (lowest <= top) fail(`\`${fresh[classes.indexOf(lowest)]}\` locked after a lock of its class or a later one`);
        top = Math.max(...classes);
        for (const key of fresh) held.add(key);
      }
      return tx.lock(keys);
    },
    async put(key: string, value: Json) {
      need(lockFor(key), `writing \`${key}\``);
      return tx.put(key, value);
    },
    async delete(key: string) {
      need(lockFor(key), `deleting \`${key}\``);
      return tx.delete(key);
    },
    async appendDecision(decision: Decision) {
      need(record(decision.entity, decision.recordId), `logging decision ${decision.id}`);
      return tx.appendDecision(decision);
    },
    async scheduleTimer(timer: Timer) {
      need(record(timer.entity, timer.recordId), `scheduling timer ${timer.id}`);
      return tx.scheduleTimer(timer);
    },
    async enqueue(item: QueueItem) {
      need(record(item.entity, item.recordId), `queueing ${item.entity} ${item.recordId}`);
      return tx.enqueue(item);
    },
    async dequeue(queue: string, entity: string, recordId: string) {
      need(record(entity, recordId), `taking ${entity} ${recordId} out of a queue`);
      return tx.dequeue(queue, entity, recordId);
    },
  };
  return new Proxy(tx, {
    get(target, property, receiver) {
      const own = (wrapper as Record<PropertyKey, unknown>)[property];
      if (own !== undefined) return own;
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
