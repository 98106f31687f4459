// Resolve, part 1: every `schema` of every file becomes an entity with typed
// fields. Reports duplicate schemas and fields, built-in fields declared again,
// forbidden names and unknown or malformed types.
import type { FieldDecl, SchemaDecl, TypeExpr } from '../../language/ast';
import type { FieldType } from '../ir';
import { builtinsOf, report, reportOn, type CompileContext } from './context';
import { closest, didYouMean, suggestionData } from '../../language/suggest';
import { FORBIDDEN_NAMES, SIMPLE_TYPES } from './types';

/** Collects every schema into `ctx.schemas`. */
export function collectSchemas(ctx: CompileContext): void {
  for (const file of ctx.files) {
    for (const decl of file.declarations) {
      if (decl.kind === 'Schema') collectSchema(ctx, file.file, decl);
    }
  }
}

function collectSchema(ctx: CompileContext, file: string, decl: SchemaDecl): void {
  const entity = decl.entity.text;
  if (FORBIDDEN_NAMES.has(entity) || entity === 'payload') {
    const why = entity === 'payload' ? 'is the raw input of `map` blocks' : 'is reserved';
    reportOn(ctx, 'DIST113', file, decl, 'entity', `\`${entity}\` ${why}; name the entity differently`);
    return;
  }
  const existing = ctx.schemas.get(entity);
  if (existing?.decl) {
    reportOn(ctx, 'DIST302', file, decl, 'entity', `\`schema ${entity}\` is declared twice; merge the two into one`, {
      related: [{ file: existing.file, span: existing.decl.entity.span, message: 'first declared here' }],
    });
    // Keep the fields only this copy declares (checked quietly), so that their uses do not fail too.
    const quiet: CompileContext = { ...ctx, diagnostics: [] };
    for (const field of decl.fields) {
      const type = existing.fields.has(field.name.text) ? null : fieldType(quiet, file, field.type);
      if (type && !FORBIDDEN_NAMES.has(field.name.text) && !existing.builtins.has(field.name.text)) {
        existing.fields.set(field.name.text, type);
      }
    }
    return;
  }
  const fields = new Map<string, FieldType>();
  const seen = new Map<string, FieldDecl>();
  let complete = !decl.recovered;
  for (const field of decl.fields) {
    const ok = checkFieldName(ctx, file, entity, field, seen.get(field.name.text));
    seen.set(field.name.text, seen.get(field.name.text) ?? field);
    const type = fieldType(ctx, file, field.type);
    if (ok && type) fields.set(field.name.text, type);
    else complete = false;
  }
  ctx.schemas.set(entity, { entity, decl, file, fields, builtins: builtinsOf(entity), complete });
}

function checkFieldName(
  ctx: CompileContext,
  file: string,
  entity: string,
  field: FieldDecl,
  earlier: FieldDecl | undefined,
): boolean {
  const name = field.name.text;
  if (FORBIDDEN_NAMES.has(name)) {
    reportOn(ctx, 'DIST113', file, field, 'name', `\`${name}\` cannot be a field name; rename the field`);
    return false;
  }
  if (builtinsOf(entity).has(name)) {
    report(
      ctx,
      'DIST312',
      file,
      field.name.span,
      `\`${entity}.${name}\` is a built-in field; remove this declaration or rename the field`,
    );
    return false;
  }
  if (earlier) {
    reportOn(ctx, 'DIST312', file, field, 'name', `field \`${name}\` is declared twice in \`schema ${entity}\`; keep one`, {
      related: [{ file, span: earlier.name.span, message: 'first declared here' }],
    });
    return false;
  }
  return true;
}

/** The field type a type expression denotes, or null after reporting why it has none. */
export function fieldType(ctx: CompileContext, file: string, t: TypeExpr): FieldType | null {
  switch (t.kind) {
    case 'SimpleType': {
      const name = t.name.text;
      if ((SIMPLE_TYPES as readonly string[]).includes(name)) return { type: name as (typeof SIMPLE_TYPES)[number] };
      const suggestion = closest(name, [...SIMPLE_TYPES, 'choice', 'list']);
      const hint = didYouMean(suggestion, (s) => `\`${s}\``, `use one of ${SIMPLE_TYPES.map((s) => `\`${s}\``).join(', ')}, \`choice(…)\` or \`list(…)\``);
      reportOn(ctx, 'DIST107', file, t, 'name', `unknown type \`${name}\`${hint}`, suggestionData(suggestion, t.name));
      return null;
    }
    case 'ChoiceType': {
      if (t.options.length === 0) {
        report(ctx, 'DIST107', file, t.span, 'a `choice` type needs at least one option, e.g. `choice("A", "B")`');
        return null;
      }
      const options = new Set<string>();
      for (const option of t.options) {
        if (options.has(option.value)) {
          report(ctx, 'DIST312', file, option.span, `option \`${option.raw}\` is listed twice; remove one`);
          return null;
        }
        options.add(option.value);
      }
      return { type: 'choice', options: [...options] };
    }
    case 'ListType': {
      const element = fieldType(ctx, file, t.element);
      return element && { type: 'list', element };
    }
  }
}
