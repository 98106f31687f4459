// Where a `.dist` file's project is: the `dist.projectRoot` setting when it is set
// (absolute, or relative to the workspace folder), otherwise the nearest folder
// above the file that holds `dist.yaml` or a `rules/` folder, as the `dist`
// command line decides. Pure: the file system is passed in, so tests need no VS Code.
import path from 'node:path';

/** Answers whether a path exists (a file or a folder). */
export type Exists = (absolute: string) => boolean;

/** The markers of a project folder, as `dist` looks for them. */
export const PROJECT_MARKERS = ['dist.yaml', 'rules'] as const;

/**
 * The project folder for `file`: `setting` resolved against `workspaceFolder` when
 * it is not empty, else the nearest ancestor holding a marker, else null.
 */
export function projectRoot(file: string, setting: string, workspaceFolder: string | null, exists: Exists): string | null {
  const configured = setting.trim();
  if (configured !== '') return path.resolve(workspaceFolder ?? path.dirname(file), configured);
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (PROJECT_MARKERS.some((marker) => exists(path.join(dir, marker)))) return dir;
    if (path.dirname(dir) === dir) return null;
  }
}
