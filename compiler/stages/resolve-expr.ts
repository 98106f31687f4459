// Resolve, part 5: the names inside one expression site. Paths must name a known
// entity and field that the site may read (see `Place` in context.ts); calls must
// name a function usable there; `??` beside arithmetic needs parentheses. A name that fails is
// reported once and marked in `ctx.failed`, so the type checker skips it.
import type { Call, Expr, Path, Span } from '../../language/ast';
import type { Diagnostic, DiagnosticCode } from '../../language/diagnostics';
import {
  brokenField,
  fieldNames,
  fieldType,
  report,
  type CompileContext,
  type ExprSite,
  type SchemaInfo,
} from './context';
import { exprChildren } from '../../language/ast-walk';
import { SIGNATURES, functionNames } from './functions';
import { closest, didYouMean, suggestionData } from '../../language/suggest';
import { ANY, FORBIDDEN_NAMES } from './types';
import type { FunctionName } from '../ir';

/** Resolves every name of a site's expression (recursion is bounded: the parser refuses deep trees). */
export function resolveSite(ctx: CompileContext, site: ExprSite, e: Expr = site.expr): void {
  switch (e.kind) {
    case 'Path':
      return resolvePath(ctx, site, e);
    case 'Call':
      resolveCall(ctx, site, e);
      break;
    case 'Binary': {
      const mixed = e.op === '??' ? [e.left, e.right].find((o) => o.kind === 'Binary' && o.op !== '??') : undefined;
      if (mixed?.kind === 'Binary') {
        report(ctx, 'DIST318', site.file, mixed.span, `\`??\` and \`${mixed.op}\` are mixed without parentheses; write \`(…)\` around the part that comes first`);
        ctx.failed.add(e);
      }
      break;
    }
    case 'Number':
    case 'String':
    case 'Bool':
    case 'Duration':
      return;
  }
  for (const child of exprChildren(e)) resolveSite(ctx, site, child);
}

/** Reports a name that failed and marks its expression, so that later stages skip it. */
function fail(
  ctx: CompileContext,
  site: ExprSite,
  e: Expr,
  code: DiagnosticCode,
  span: Span,
  message: string,
  extra: Pick<Diagnostic, 'data'> = {},
): void {
  report(ctx, code, site.file, span, message, extra);
  ctx.failed.add(e);
}

function resolvePath(ctx: CompileContext, site: ExprSite, e: Path): void {
  const forbidden = FORBIDDEN_NAMES.has(e.head.text) ? e.head : e.segments.find((n) => FORBIDDEN_NAMES.has(n.text));
  if (forbidden) return fail(ctx, site, e, 'DIST113', forbidden.span, `\`${forbidden.text}\` cannot be a field name; name a declared field`);
  const head = e.head.text;
  if (head === 'payload') {
    if (site.place === 'map') ctx.pathTypes.set(e, ANY);
    else fail(ctx, site, e, 'DIST314', e.head.span, '`payload` can be read only in a `map` block; read the record\'s fields instead');
    return;
  }
  if (site.place === 'map') {
    return fail(ctx, site, e, 'DIST314', e.head.span, `a \`map\` block reads the raw input; write \`payload.…\` instead of \`${head}.…\``);
  }
  const schema = ctx.schemas.get(head);
  if (!schema) {
    const suggestion = closest(head, [...ctx.schemas.keys()]);
    const hint = didYouMean(suggestion, (s) => `\`${s}\``, `declare it with \`schema ${head} { … }\``);
    return fail(ctx, site, e, 'DIST101', e.head.span, `unknown entity \`${head}\`${hint}`, suggestionData(suggestion, e.head));
  }
  if (!placeAllows(ctx, site, e)) return;
  resolveField(ctx, site, e, schema);
}

/** Reports (and returns false) when the site may not read the path's entity. */
function placeAllows(ctx: CompileContext, site: ExprSite, e: Path): boolean {
  const head = e.head.text;
  if (site.place === 'limit' && head !== 'user') {
    fail(ctx, site, e, 'DIST314', e.head.span, `${site.label} reads a user's field; write \`user.…\` instead of \`${head}.…\``);
    return false;
  }
  if (site.place === 'when' && head === 'user') {
    const message = `${site.label} cannot read \`user.…\`, since no user is chosen yet; filter users in \`assign users where …\``;
    fail(ctx, site, e, 'DIST314', e.head.span, message);
    return false;
  }
  if (head !== 'user' && site.entity !== null && head !== site.entity) {
    const message = `${site.label} reads \`${head}\`, but this rule runs on \`${site.entity}\` events; read \`${site.entity}.…\` fields or split the rule`;
    fail(ctx, site, e, 'DIST308', e.head.span, message);
    return false;
  }
  return true;
}

function resolveField(ctx: CompileContext, site: ExprSite, e: Path, schema: SchemaInfo): void {
  const [field, extra] = e.segments;
  const head = e.head.text;
  if (!field) return fail(ctx, site, e, 'DIST102', e.span, `\`${head}\` alone is not a value; name one of its fields, e.g. \`${head}.id\``);
  const type = fieldType(schema, field.text);
  if (!type) {
    if (brokenField(schema, field.text)) return void ctx.failed.add(e);
    const suggestion = closest(field.text, fieldNames(schema));
    const hint = didYouMean(suggestion, (s) => `\`${head}.${s}\``, `declare it in \`schema ${head}\``);
    const message = `unknown field \`${head}.${field.text}\`${hint}`;
    return fail(ctx, site, e, 'DIST102', field.span, message, suggestionData(suggestion, field));
  }
  if (extra) {
    return fail(ctx, site, e, 'DIST102', extra.span, `\`${head}.${field.text}\` has no field \`${extra.text}\`; remove \`.${extra.text}\``);
  }
  ctx.pathTypes.set(e, type);
}

function resolveCall(ctx: CompileContext, site: ExprSite, e: Call): void {
  const name = e.callee.text;
  const inMap = site.place === 'map';
  const sig = SIGNATURES.get(name as FunctionName);
  if (!sig) {
    const suggestion = closest(name, functionNames(inMap));
    const hint = didYouMean(suggestion, (s) => `\`${s}\``, `use one of ${functionNames(inMap).map((f) => `\`${f}\``).join(', ')}`);
    return fail(ctx, site, e, 'DIST103', e.callee.span, `unknown function \`${name}\`${hint}`, suggestionData(suggestion, e.callee));
  }
  if (sig.mapOnly && !inMap) {
    fail(ctx, site, e, 'DIST314', e.callee.span, `\`${name}\` can be used only in a \`map\` block; clean the value when it is mapped`);
  }
}
