// The commit feed of the stores this process alone writes: every listener gets
// the keys of each commit until it stops, and one that stops during a report
// leaves the others called.
import { describe, expect, it } from 'vitest';
import { CommitFeed } from '../../runtime/state/commit-feed';
import { MemoryStore } from '../../runtime/state/memory-store';
import { inTransaction } from '../../runtime/state/store';

describe('commit feed', () => {
  it('reports each commit to every listener until it stops', async () => {
    const store = new MemoryStore();
    const first: string[][] = [];
    const second: string[][] = [];
    const stopFirst = store.onCommit((keys) => first.push([...keys]));
    store.onCommit((keys) => second.push([...keys]));
    await inTransaction(store, async (tx) => {
      await tx.put('user/u1/open_load', 1);
      await tx.put('rr/r/pool', ['u1']);
    });
    stopFirst();
    await inTransaction(store, (tx) => tx.put('user/u2/open_load', 2));
    await inTransaction(store, (tx) => tx.get('user/u2/open_load'));
    expect(first).toEqual([['user/u1/open_load', 'rr/r/pool']]);
    expect(second).toEqual([['user/u1/open_load', 'rr/r/pool'], ['user/u2/open_load'], []]);
  });

  it('calls every listener of a report, also when one of them stops during it', () => {
    const feed = new CommitFeed();
    const heard: string[] = [];
    const stop = feed.listen((keys) => {
      heard.push(`a:${[...keys].join()}`);
      stop();
    });
    feed.listen((keys) => heard.push(`b:${[...keys].join()}`));
    feed.report(new Set(['k1', 'k2']).values());
    feed.report(['k3']);
    expect(heard).toEqual(['a:k1,k2', 'b:k1,k2', 'b:k3']);
  });
});
