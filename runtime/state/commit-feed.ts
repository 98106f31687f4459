// The commit feed of a store that this process alone writes (StateStore.onCommit):
// the listeners, each called synchronously with the keys of every commit (and of
// writes dropped after they were reported), until it stops listening.

/** Called with the keys a commit wrote or deleted. */
export type CommitListener = (keys: Iterable<string>) => void;

/** A store's commit listeners. */
export class CommitFeed {
  private listeners: readonly CommitListener[] = [];

  /** Adds `listener`; returns the function that removes it. */
  listen(listener: CommitListener): () => void {
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /** Calls every listener with `keys` (a listener that stops meanwhile does not change who is called this time). */
  report(keys: Iterable<string>): void {
    const now = this.listeners;
    if (now.length === 1) (now[0] as CommitListener)(keys);
    else if (now.length > 1) {
      const list = [...keys];
      for (const listener of now) listener(list);
    }
  }
}
