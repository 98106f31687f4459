// Rule and condition coverage of a scenario run (`dist test --coverage`): per rule
// how often it was tried and matched, per boolean condition of its `when` whether
// some decision saw it true and some saw it false. Conditions come from the IR
// (so unexercised ones are listed too) and from the engine's traces, by span.
import type { Expr } from '../compiler/ir';
import { conditionNodes } from '../compiler/ir-walk';
import { locator } from '../language/locate';
import type { ProjectFiles } from './rule-locator';
import { type ExplainedDecision, type Program } from '../api';

export interface ConditionCoverage {
  /** `file:line:column` of the condition. */
  location: string;
  text: string;
  seenTrue: boolean;
  seenFalse: boolean;
}

export interface RuleCoverage {
  rule: string;
  /** `file:line` of the rule. */
  location: string;
  tried: number;
  matched: number;
  conditions: ConditionCoverage[];
}

/** Coverage of one project. */
export interface CoverageReport {
  project: string;
  rules: RuleCoverage[];
}

interface ConditionEntry {
  start: number;
  text: string;
  seenTrue: boolean;
  seenFalse: boolean;
}

interface RuleEntry {
  tried: number;
  matched: number;
  conditions: Map<string, ConditionEntry>;
}

/** Accumulates coverage over every decision of a project's suites. */
export class CoverageCollector {
  private readonly entries = new Map<string, RuleEntry>();

  constructor(
    private readonly project: string,
    private readonly program: Program,
    private readonly files: ProjectFiles,
  ) {
    for (const rule of program.rules) {
      const conditions = new Map<string, ConditionEntry>();
      const text = rule.span ? files.text(rule.span.file) : undefined;
      for (const node of booleanNodes(rule.when)) {
        const span = node.span!;
        const source = text?.slice(span.start, span.end).replace(/\s+/g, ' ') ?? node.op;
        conditions.set(key(span), { start: span.start, text: source, seenTrue: false, seenFalse: false });
      }
      this.entries.set(rule.id, { tried: 0, matched: 0, conditions });
    }
  }

  /** Adds one decision's trace. */
  record(decision: ExplainedDecision): void {
    for (const trace of decision.trace.rules) {
      const entry = this.entries.get(trace.ruleId);
      if (!entry || trace.skipped) continue;
      entry.tried++;
      if (trace.matched) entry.matched++;
      for (const condition of trace.conditions ?? []) {
        if (!condition.span) continue;
        let seen = entry.conditions.get(key(condition.span));
        if (!seen) {
          seen = { start: condition.span.start, text: condition.text, seenTrue: false, seenFalse: false };
          entry.conditions.set(key(condition.span), seen);
        }
        if (condition.value) seen.seenTrue = true;
        else seen.seenFalse = true;
      }
    }
  }

  /** The coverage so far, rules in priority order, conditions in source order. */
  report(): CoverageReport {
    const at = locator(this.files.text);
    const rules = this.program.rules.map((rule): RuleCoverage => {
      const entry = this.entries.get(rule.id)!;
      const file = rule.span?.file;
      const where = (offset: number) => {
        if (file === undefined) return '?';
        const p = at(file, offset);
        return `${this.files.display(file)}:${p.line}:${p.column}`;
      };
      const conditions = [...entry.conditions.values()]
        .sort((a, b) => a.start - b.start)
        .map(({ start, text, seenTrue, seenFalse }) => ({ location: where(start), text, seenTrue, seenFalse }));
      const location = rule.span ? `${this.files.display(rule.span.file)}:${at(rule.span.file, rule.span.start).line}` : '?';
      return { rule: rule.name, location, tried: entry.tried, matched: entry.matched, conditions };
    });
    return { project: this.project, rules };
  }
}

/** The coverage as a text table (for the text reporter). */
export function coverageTable(report: CoverageReport): string {
  const lines = [`coverage of ${report.project}:`];
  for (const rule of report.rules) {
    lines.push(`  ${rule.rule} (${rule.location}): tried ${rule.tried}, matched ${rule.matched}`);
    for (const c of rule.conditions) {
      lines.push(`    ${mark(c.seenTrue)} true  ${mark(c.seenFalse)} false  ${c.text}  (${c.location})`);
    }
  }
  const conditions = report.rules.flatMap((r) => r.conditions);
  const both = conditions.filter((c) => c.seenTrue && c.seenFalse).length;
  const matched = report.rules.filter((r) => r.matched > 0).length;
  lines.push(`  rules matched: ${matched}/${report.rules.length}; conditions seen true and false: ${both}/${conditions.length}`);
  return lines.join('\n');
}

function mark(seen: boolean): string {
  return seen ? '✓' : '✗';
}

function key(span: { start: number; end: number }): string {
  return `${span.start}:${span.end}`;
}

/** Every boolean node (with a span) of a condition, outermost first. */
function booleanNodes(expr: Expr | null): Expr[] {
  return expr ? conditionNodes(expr).filter((node) => node.span) : [];
}
