// Places rules and conditions in the project's files for reports: offsets become
// `rules/inbound.dist:12` (or `:12:5`) through one cached line index per file.
import { locator } from '../language/locate';
import type { RuleLocator } from './results';
import { type Program } from '../api';

/** The project's files as a report needs them. */
export interface ProjectFiles {
  /** The text of a project-relative file (`rules/inbound.dist`); undefined when unknown. */
  text: (file: string) => string | undefined;
  /** How reports name a project-relative file (for example relative to the working folder). */
  display: (file: string) => string;
}

/** A locator from rule id to `file:line` of the rule's declaration. */
export function ruleLocator(program: Program, files: ProjectFiles): RuleLocator {
  const at = locator(files.text);
  const spans = new Map(program.rules.map((r) => [r.id, r.span]));
  return (ruleId) => {
    const span = spans.get(ruleId);
    return span ? `${files.display(span.file)}:${at(span.file, span.start).line}` : null;
  };
}
