// Resolve, part 3: every rule, in file order. Gives each rule its id and its
// table of clauses (the first of each kind), and reports empty and duplicate rule
// names and colliding ids.
import type { Clause, RuleDecl, SourceFile } from '../../language/ast';
import type { ClauseTable, CompileContext, RuleInfo } from './context';
import { report, reportOn } from './context';
import { ruleId } from './rule-id';

/** Collects every rule into `ctx.rules`, then checks their names. */
export function collectRules(ctx: CompileContext): void {
  for (const file of ctx.files) {
    for (const rule of ruleInfosOf(file)) {
      rule.index = ctx.rules.length;
      ctx.rules.push(rule);
    }
  }
  checkRuleNames(ctx);
}

/** The rules of one file, each with its id and clause table (`index` is set by the caller, which knows the project order). */
export function ruleInfosOf(file: SourceFile): RuleInfo[] {
  const rules: RuleInfo[] = [];
  for (const decl of file.declarations) {
    if (decl.kind !== 'Rule') continue;
    const clauses = clauseTable(decl);
    const id = clauses.Id?.value.value ?? ruleId(decl.name.value);
    rules.push({ decl, file: file.file, index: -1, id, clauses, entity: null, events: [], eventsOk: false, status: null });
  }
  return rules;
}

/** Reports empty rule names, names used twice and colliding ids across `ctx.rules` (in project order). */
export function checkRuleNames(ctx: CompileContext): void {
  const byName = new Map<string, RuleInfo>();
  const byId = new Map<string, RuleInfo>();
  for (const rule of ctx.rules) {
    const { decl } = rule;
    if (decl.name.value.trim() === '') {
      reportOn(ctx, 'DIST317', rule.file, decl, 'name', 'a rule needs a name that says what it routes; write one between the quotes, e.g. `rule "Web leads"`');
      continue;
    }
    const sameName = byName.get(decl.name.value);
    const sameId = byId.get(rule.id);
    if (sameName) {
      reportOn(ctx, 'DIST301', rule.file, decl, 'name', `rule name \`${decl.name.value}\` is used twice; rename one of the rules`, {
        related: [{ file: sameName.file, span: sameName.decl.name.span, message: 'first rule with this name' }],
      });
    } else if (sameId) {
      report(
        ctx,
        'DIST313',
        rule.file,
        decl.name.span,
        `rules \`${sameId.decl.name.value}\` and \`${decl.name.value}\` both get the id \`${rule.id}\`; rename one of them`,
        { related: [{ file: sameId.file, span: sameId.decl.name.span, message: `rule with id \`${rule.id}\`` }] },
      );
    }
    if (!sameName) byName.set(decl.name.value, rule);
    if (!sameId) byId.set(rule.id, rule);
  }
}

function clauseTable(decl: RuleDecl): ClauseTable {
  const table: ClauseTable = {};
  for (const clause of decl.clauses) {
    if (!table[clause.kind]) (table as Record<string, Clause>)[clause.kind] = clause;
  }
  return table;
}
