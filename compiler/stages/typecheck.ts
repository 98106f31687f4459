// The `typecheck` stage: types every expression site with the rules of
// expr-types.ts, then checks what the site expects (a condition, a number, a sort
// key, a value that fits a mapped field). Parts that failed earlier have no type
// and silence every check above them.
import type { Expr } from '../../language/ast';
import type { Diagnostic, DiagnosticCode } from '../../language/diagnostics';
import { report, type CompileContext, type ExprSite, type Stage } from './context';
import { TYPE_RULES, choiceOk, type Checker } from './expr-types';
import { exprChildren } from '../../language/ast-walk';
import { compatible, isTextual, showType, type Type } from './types';

/** Type every expression and check it against its site. */
export const typecheckStage: Stage = {
  name: 'typecheck',
  run(ctx) {
    typecheckSites(ctx, ctx.sites);
  },
};

/** Types and checks `sites` (the workspace checks each file's rule sites on their own). */
export function typecheckSites(ctx: CompileContext, sites: readonly ExprSite[]): void {
  const texts = new Map<string, string>();
  const textOf = (file: string) => {
    let text = texts.get(file);
    if (text === undefined) texts.set(file, (text = ctx.sources.find((s) => s.file === file)?.text ?? ''));
    return text;
  };
  for (const site of sites) {
    const checker = new SiteChecker(ctx, site, textOf(site.file));
    const type = checker.typeOf(site.expr);
    if (type) checkExpectation(checker, site, type);
  }
}

/** Types the expressions of one site (recursion is bounded: the parser refuses deep trees). */
class SiteChecker implements Checker {
  constructor(
    readonly ctx: CompileContext,
    readonly site: ExprSite,
    private readonly text: string,
  ) {}

  typeOf(e: Expr): Type | null {
    if (this.ctx.failed.has(e)) {
      // Still type the parts, so that mistakes inside a failed node are reported too.
      for (const child of exprChildren(e)) this.typeOf(child);
      return null;
    }
    const type = (TYPE_RULES[e.kind] as (e: Expr, c: Checker) => Type | null)(e, this);
    if (type) this.ctx.exprTypes.set(e, type);
    return type;
  }

  quote(e: Expr): string {
    const source = this.text.slice(e.span.start, e.span.end).replace(/\s+/g, ' ');
    return `\`${source.length > 40 ? `${source.slice(0, 39)}…` : source}\``;
  }

  report(code: DiagnosticCode, e: Expr, message: string, extra: Pick<Diagnostic, 'data'> = {}): null {
    report(this.ctx, code, this.site.file, e.span, message, extra);
    return null;
  }
}

function checkExpectation(c: Checker, site: ExprSite, t: Type): void {
  const e = site.expr;
  if (t.type === 'any') return;
  if (site.expect === 'bool') {
    if (t.type !== 'bool') c.report('DIST202', e, `${site.label} must be a condition (true or false), but ${described(c, e, t)}; compare it with a value`);
  } else if (site.expect === 'number') {
    if (t.type !== 'number') c.report('DIST201', e, `${site.label} must be a number, but ${described(c, e, t)}`);
  } else if (site.expect === 'ordered') {
    if (t.type !== 'number' && t.type !== 'time' && t.type !== 'duration' && t.type !== 'bool' && !isTextual(t)) {
      c.report('DIST201', e, `${site.label} sorts by numbers, times, text or booleans, but ${described(c, e, t)}`);
    }
  } else if (!fits(t, site.expect.field)) {
    const field = site.expect.field;
    c.report('DIST201', e, `\`${site.expect.name}\` is \`${showType(field)}\`, but ${described(c, e, t)}; convert the value or change the field's type`);
  } else {
    choiceOk(c, site.expect.field, `\`${site.expect.name}\``, e);
  }
}

/** `` `lead.city` is `text` `` for messages. */
function described(c: Checker, e: Expr, t: Type): string {
  return `${c.quote(e)} is \`${showType(t)}\``;
}

/** A mapped value fits a field of a compatible type; text also fits a `time` field (parsed when mapped). */
function fits(value: Type, field: Type): boolean {
  return compatible(value, field) || (field.type === 'time' && isTextual(value));
}
