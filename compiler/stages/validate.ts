// The `validate` stage: the structure of each rule (required clauses, clauses
// given twice), the per-clause checks of clause-checks.ts, priority conflicts
// across rules, queues given two retry policies, and the workflows. Only the first clause of
// each kind is checked; later ones are reported as given twice and otherwise
// ignored.
import type { Clause } from '../../language/ast';
import type { Fix } from '../../language/diagnostics';
import { CLAUSES, listWords } from '../../language/vocabulary';
import { CLAUSE_CHECKS } from './clause-checks';
import { report, reportOn, type ClauseKind, type CompileContext, type RuleInfo, type Stage } from './context';
import { checkPriorityConflicts } from './priority-conflicts';
import { checkQueuePolicies } from './queue-policies';
import { collectWorkflows } from './collect-workflows';

/** The keyword of each clause, for messages. */
const KEYWORDS = new Map<ClauseKind, string>(CLAUSES.map((c) => [c.kind, c.name]));

/** Each required clause with an example to show and the text its quick fix inserts. */
const REQUIRED: Array<[ClauseKind, string, string]> = CLAUSES.flatMap((c) =>
  'required' in c ? [[c.kind, c.required, 'insert' in c ? c.insert : c.required] as [ClauseKind, string, string]] : [],
);

/** Check rule structure, run the clause checks, find priority conflicts and conflicting queue policies. */
export const validateStage: Stage = {
  name: 'validate',
  run(ctx) {
    for (const rule of ctx.rules) validateRule(ctx, rule);
    checkPriorityConflicts(ctx);
    checkQueuePolicies(ctx);
    collectWorkflows(ctx);
  },
};

/** The checks of one rule on its own: its structure and each clause. */
export function validateRule(ctx: CompileContext, rule: RuleInfo): void {
  checkStructure(ctx, rule);
  for (const clause of rule.decl.clauses) {
    if (rule.clauses[clause.kind] !== clause) continue;
    const checks = CLAUSE_CHECKS[clause.kind] as Array<(ctx: CompileContext, rule: RuleInfo, clause: Clause) => void> | undefined;
    for (const check of checks ?? []) check(ctx, rule, clause);
  }
}

function checkStructure(ctx: CompileContext, rule: RuleInfo): void {
  for (const clause of rule.decl.clauses) {
    const first = rule.clauses[clause.kind]!;
    if (first === clause) continue;
    const keyword = KEYWORDS.get(clause.kind)!;
    report(ctx, 'DIST304', rule.file, clause.span, `\`${keyword}\` is given twice in rule \`${rule.decl.name.value}\`; keep one`, {
      related: [{ file: rule.file, span: first.span, message: `first \`${keyword}\`` }],
    });
  }
  if (rule.decl.recovered) return;
  const missing = REQUIRED.filter(([kind]) => !rule.clauses[kind]);
  if (missing.length === 0) return;
  const names = missing.map(([kind]) => KEYWORDS.get(kind)!);
  const list = listWords(names);
  const fix = missing.length === 1 ? 'add one' : 'add them';
  const insert = missingClausesFix(ctx, rule, missing.map(([, , text]) => text));
  reportOn(ctx, 'DIST305', rule.file, rule.decl, 'name', `rule \`${rule.decl.name.value}\` has no ${list} clause; ${fix}, e.g. \`${missing[0]![1]}\``, {
    data: { clauses: names, ...(insert ? { fix: insert } : {}) },
  });
}

/** The fix that inserts `clauses` before the rule's closing brace (on their own lines when the brace has its own). */
function missingClausesFix(ctx: CompileContext, rule: RuleInfo, clauses: string[]): Fix | null {
  const text = ctx.sources.find((s) => s.file === rule.file)?.text ?? '';
  const close = rule.decl.span.end - 1;
  if (text[close] !== '}') return null;
  const lineStart = text.lastIndexOf('\n', close - 1) + 1;
  const ownLine = /^[ \t]*$/.test(text.slice(lineStart, close));
  const at = ownLine ? lineStart : close;
  const newText = ownLine ? clauses.map((c) => `  ${c}\n`).join('') : `${clauses.join(' ')} `;
  return { title: `add ${listWords(clauses, 'and')}`, edits: [{ span: { start: at, end: at }, newText }] };
}
