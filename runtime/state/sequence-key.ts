// Where the single-process stores (memory, SQLite) keep the counters of
// `nextSequence`: the kv key `seq/<name>`, as state files have always held them.

/** The kv key of the counter `name`. */
export function sequenceKey(name: string): string {
  return `seq/${name}`;
}
