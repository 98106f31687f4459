// Places rules and conditions in the project's files for reports: offsets become
// `rules/inbound.dist:12` (or `:12:5`) through one cached line index per file.
import type { Program } from '../compiler/ir';
import { LineIndex, type Position } from '../language/line-index';
import type { RuleLocator } from './results';

/** The project's files as a report needs them. */
export interface ProjectFiles {
  /** The text of a project-relative file (`rules/inbound.dist`); undefined when unknown. */
  text: (file: string) => string | undefined;
  /** How reports name a project-relative file (for example relative to the working folder). */
  display: (file: string) => string;
}

/** Resolves `(file, offset)` to a position, building each file's index once. */
export function positions(files: ProjectFiles): (file: string, offset: number) => Position {
  const indexes = new Map<string, LineIndex>();
  return (file, offset) => {
    let index = indexes.get(file);
    if (!index) {
      index = new LineIndex(files.text(file) ?? '');
      indexes.set(file, index);
    }
    return index.position(offset);
  };
}

/** A locator from rule id to `file:line` of the rule's declaration. */
export function ruleLocator(program: Program, files: ProjectFiles): RuleLocator {
  const at = positions(files);
  const spans = new Map(program.rules.map((r) => [r.id, r.span]));
  return (ruleId) => {
    const span = spans.get(ruleId);
    return span ? `${files.display(span.file)}:${at(span.file, span.start).line}` : null;
  };
}
