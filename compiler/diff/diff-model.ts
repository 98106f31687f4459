// The shape of a semantic diff between two versions of a project: what changed
// in meaning, rule by rule and clause by clause, what the directory change does
// to rule pools, and which analysis findings appeared or went away. Plain JSON
// data: `dist diff --format json` prints it as it is, and the text and markdown
// renderers read nothing else.
import type { Directory } from '../directory/model';
import type { Program } from '../ir';

/** One version of a project: its program and directory (null: none). */
export interface ProjectVersion {
  program: Program;
  directory: Directory | null;
}

/** A rule as the diff names it. */
export interface RuleRef {
  id: string;
  name: string;
  priority: number;
  /** The file that declares it (project-relative), when known. */
  file: string | null;
}

/** A clause or setting whose text changed; null is "not written" (the default). */
export interface ClauseChange {
  clause: string;
  before: string | null;
  after: string | null;
  /** What the change means beyond its text, e.g. `weight of "Sales East": 2 → 3`. */
  notes: string[];
}

/** Users who can now, or can no longer, be picked by a rule's pool. */
export interface MemberChange {
  joined: string[];
  left: string[];
}

export type RuleChange =
  | { change: 'added'; rule: RuleRef; lines: string[] }
  | { change: 'removed'; rule: RuleRef; lines: string[] }
  | {
      change: 'changed';
      rule: RuleRef;
      /** The rule in the base version (another id and name when renamed). */
      before: RuleRef;
      renamed: boolean;
      clauses: ClauseChange[];
      /** Rules on the same events that ran before this one and now run after it. */
      overtakes: string[];
      /** Rules on the same events that ran after this one and now run before it. */
      fallsBehind: string[];
      /** Pool members gained and lost (static users, teams and groups), from the rule or the directory. */
      members: MemberChange | null;
    };

/** A team or sales group named by a rule, whose members changed in the directory. */
export interface DirectoryChange {
  kind: 'team' | 'group';
  name: string;
  joined: string[];
  left: string[];
  /** The rules (head names) whose pool or scope names it. */
  rules: string[];
}

/** An analysis finding (compiler/analysis) as a diff lists it. */
export interface FindingChange {
  code: string;
  rule: string | null;
  text: string;
}

export interface DiffSummary {
  added: number;
  removed: number;
  renamed: number;
  changed: number;
  settings: number;
  /** Workflows added, removed or changed; left out when none. */
  workflows?: number;
  directory: number;
  findingsNew: number;
  findingsGone: number;
  /** True when nothing that affects routing changed. */
  unchanged: boolean;
}

export interface ProjectDiff {
  summary: DiffSummary;
  /** In head priority order; removed rules at their base place. */
  rules: RuleChange[];
  settings: ClauseChange[];
  /** Each workflow (`workflow "Name"`) whose text differs; left out when none does. */
  workflows?: ClauseChange[];
  directory: DirectoryChange[];
  findings: { added: FindingChange[]; removed: FindingChange[] };
}
