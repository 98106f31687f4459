// Watches a project for hot reload: the rules folder (recursively, new folders
// included) and the directory file. chokidar does the watching: it follows a
// file across saves by rename (`sed -i`, editors' atomic writes) and
// `git checkout`'s unlink-and-create, which Node's own recursive `fs.watch` on
// Linux loses after the first replacement. Bursts of events are debounced into
// one reload, never sooner than chokidar's own 50 ms window in which it drops
// repeated `change` events of one file, so the reload always reads the last write.
// dist.yaml is watched only to say that its changes need a restart.
import path from 'node:path';
import { watch } from 'chokidar';
import type { WorkerLogger } from './outbox/worker';

/** The shortest debounce: longer than chokidar's throttle of repeated `change` events (50 ms). */
export const MIN_DEBOUNCE_MS = 60;

export interface WatchOptions {
  root: string;
  /** Project-relative paths, as dist.yaml gives them. */
  rules: string;
  directory: string;
  debounceMs: number;
  onChange: () => void;
  log: WorkerLogger;
}

/** A running watcher. */
export interface ProjectWatcher {
  /** Resolves once the initial scan is done: changes from then on are seen. */
  ready: Promise<void>;
  close: () => Promise<void>;
}

/** Starts watching (see the top comment). */
export function watchProject(options: WatchOptions): ProjectWatcher {
  const root = path.resolve(options.root);
  const rulesFolder = path.resolve(root, options.rules);
  const directoryFile = path.resolve(root, options.directory);
  const configFile = path.join(root, 'dist.yaml');
  let timer: NodeJS.Timeout | null = null;
  const changed = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      options.onChange();
    }, Math.max(options.debounceMs, MIN_DEBOUNCE_MS));
  };
  const inRules = (file: string) => file === rulesFolder || file.startsWith(rulesFolder + path.sep);
  const onEvent = (event: string, file: string) => {
    const absolute = path.resolve(file);
    if (absolute === configFile) {
      options.log.warn({ step: 'reload', file: 'dist.yaml' }, 'dist.yaml changed; restart `dist serve` to apply server, state and delivery settings');
    } else if (absolute === directoryFile) changed();
    else if (inRules(absolute) && (event === 'addDir' || event === 'unlinkDir' || absolute.endsWith('.dist'))) changed();
  };
  // One watcher per path: chokidar given several paths at once, some missing, reports `ready` before it watches them all.
  const watchers = [...new Set([rulesFolder, directoryFile, configFile])].map((target) => {
    const watcher = watch(target, { ignoreInitial: true, atomic: true });
    watcher.on('all', onEvent);
    watcher.on('error', (error) => options.log.warn({ step: 'reload', path: target, err: error }, 'the file watcher reported a problem; hot reload may miss changes'));
    return { watcher, ready: new Promise<void>((resolve) => watcher.once('ready', () => resolve())) };
  });
  return {
    ready: Promise.all(watchers.map((w) => w.ready)).then(() => undefined),
    async close() {
      if (timer) clearTimeout(timer);
      await Promise.all(watchers.map((w) => w.watcher.close()));
    },
  };
}
