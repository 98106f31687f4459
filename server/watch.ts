// Watches a project for hot reload: the rules folder (recursively) and the
// directory file (through its folder, since editors replace files by renaming).
// Bursts of events are debounced into one reload. dist.yaml is watched only to
// say that its changes need a restart.
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { WorkerLogger } from './outbox/worker';

export interface WatchOptions {
  root: string;
  /** Project-relative paths, as dist.yaml gives them. */
  rules: string;
  directory: string;
  debounceMs: number;
  onChange: () => void;
  log: WorkerLogger;
}

/** Starts watching; `close` stops it. */
export function watchProject(options: WatchOptions): { close: () => void } {
  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | null = null;
  const changed = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      options.onChange();
    }, options.debounceMs);
  };
  const open = (folder: string, recursive: boolean, listener: (file: string | null) => void) => {
    try {
      const watcher = watch(folder, { recursive }, (_event, file) => listener(file === null ? null : String(file)));
      watcher.on('error', (error) => options.log.warn({ step: 'reload', folder, err: error }, 'watching stopped; hot reload is off for this folder'));
      watchers.push(watcher);
    } catch (error) {
      options.log.warn({ step: 'reload', folder, err: error }, 'cannot watch this folder; hot reload is off for it');
    }
  };
  const directoryFile = path.resolve(options.root, options.directory);
  const rulesFolder = path.resolve(options.root, options.rules);
  open(rulesFolder, true, changed);
  const root = path.resolve(options.root);
  const parent = path.dirname(directoryFile);
  const directoryName = path.basename(directoryFile);
  const configChanged = () =>
    options.log.warn({ step: 'reload', file: 'dist.yaml' }, 'dist.yaml changed; restart `dist serve` to apply server, state and delivery settings');
  open(parent, false, (file) => {
    if (file === null || file === directoryName) changed();
    else if (parent === root && file === 'dist.yaml') configChanged();
  });
  if (parent !== root) open(root, false, (file) => file === 'dist.yaml' && configChanged());
  return {
    close() {
      if (timer) clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
