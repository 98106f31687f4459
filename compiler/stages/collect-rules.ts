// Resolve, part 3: every rule, in file order. Gives each rule its id and its
// table of clauses (the first of each kind), and reports empty and duplicate rule
// names and colliding ids.
import type { Clause, RuleDecl } from '../../language/ast';
import type { ClauseTable, CompileContext, RuleInfo } from './context';
import { report, reportOn } from './context';
import { ruleId } from './rule-id';

/** Collects every rule into `ctx.rules`. */
export function collectRules(ctx: CompileContext): void {
  const byName = new Map<string, RuleInfo>();
  const byId = new Map<string, RuleInfo>();
  for (const file of ctx.files) {
    for (const decl of file.declarations) {
      if (decl.kind !== 'Rule') continue;
      const rule: RuleInfo = {
        decl,
        file: file.file,
        index: ctx.rules.length,
        id: '',
        clauses: clauseTable(decl),
        entity: null,
        events: [],
        eventsOk: false,
        status: null,
      };
      rule.id = rule.clauses.Id?.value.value ?? ruleId(decl.name.value);
      ctx.rules.push(rule);
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
}

function clauseTable(decl: RuleDecl): ClauseTable {
  const table: ClauseTable = {};
  for (const clause of decl.clauses) {
    if (!table[clause.kind]) (table as Record<string, Clause>)[clause.kind] = clause;
  }
  return table;
}
