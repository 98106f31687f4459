// Resolve, part 4: every `map ENTITY from "source"` block. Reports a source
// mapped twice (for any entity), unknown entities, targets that are not fields of the entity (or are
// mapped twice), and a second `on invalid`; queues each value for the type checker
// with the target field's type as the expectation.
import type { MapDecl, MapEntry } from '../../language/ast';
import { brokenField, fieldNames, fieldType, report, reportOn, type CompileContext, type MapInfo } from './context';
import { closest, didYouMean, suggestionData } from '../../language/suggest';
import { ANY, FORBIDDEN_NAMES, type Type } from './types';

/** Collects every map block into `ctx.maps`. */
export function collectMaps(ctx: CompileContext): void {
  const seen = new Map<string, MapInfo>();
  for (const file of ctx.files) {
    for (const decl of file.declarations) {
      if (decl.kind !== 'Map') continue;
      const info: MapInfo = { decl, file: file.file, entity: mapEntity(ctx, file.file, decl), entries: [], invalidQueue: null };
      const key = decl.source.value;
      const first = seen.get(key);
      if (first) {
        report(
          ctx,
          'DIST315',
          info.file,
          decl.source.span,
          first.decl.entity.text === decl.entity.text
            ? `\`map ${decl.entity.text} from ${decl.source.raw}\` is declared twice; merge the two blocks`
            : `source ${decl.source.raw} is already mapped to \`${first.decl.entity.text}\`; one source makes one kind of record, so give this one its own source name`,
          { related: [{ file: first.file, span: first.decl.source.span, message: 'first map for this source' }] },
        );
      } else seen.set(key, info);
      collectItems(ctx, info);
      ctx.maps.push(info);
    }
  }
}

function mapEntity(ctx: CompileContext, file: string, decl: MapDecl): string | null {
  const entity = decl.entity.text;
  if (entity === 'user') {
    reportOn(ctx, 'DIST314', file, decl, 'entity', 'a `map` block builds records, and users come from the directory; map a record entity such as `lead`');
    return null;
  }
  if (ctx.schemas.has(entity)) return entity;
  const suggestion = closest(entity, [...ctx.schemas.keys()].filter((e) => e !== 'user'));
  const hint = didYouMean(suggestion, (s) => `\`${s}\``, `declare it with \`schema ${entity} { … }\``);
  reportOn(ctx, 'DIST101', file, decl, 'entity', `unknown entity \`${entity}\`${hint}`, suggestionData(suggestion, decl.entity));
  return null;
}

function collectItems(ctx: CompileContext, info: MapInfo): void {
  const targets = new Map<string, MapEntry>();
  for (const item of info.decl.items) {
    if (item.kind === 'OnInvalid') {
      if (info.invalidQueue) report(ctx, 'DIST304', info.file, item.span, '`on invalid` is given twice in this `map` block; keep one');
      else info.invalidQueue = item;
      continue;
    }
    const target = targetType(ctx, info, item, targets.get(item.field.text));
    if (!targets.has(item.field.text)) targets.set(item.field.text, item);
    if (target === null) continue;
    info.entries.push(item);
    const name = `${info.decl.entity.text}.${item.field.text}`;
    ctx.sites.push({ expr: item.value, file: info.file, place: 'map', expect: { field: target, name }, entity: info.entity, label: `\`${name}\`` });
  }
}

/** The type the target field expects (`any` when the entity is unknown), or null after reporting. */
function targetType(ctx: CompileContext, info: MapInfo, item: MapEntry, earlier: MapEntry | undefined): Type | null {
  const name = item.field.text;
  if (FORBIDDEN_NAMES.has(name)) {
    reportOn(ctx, 'DIST113', info.file, item, 'field', `\`${name}\` cannot be a field name; map a declared field`);
    return null;
  }
  if (earlier) {
    reportOn(ctx, 'DIST312', info.file, item, 'field', `\`${name}\` is mapped twice in this block; keep one`, {
      related: [{ file: info.file, span: earlier.field.span, message: 'first mapped here' }],
    });
    return null;
  }
  if (info.entity === null) return ANY;
  const schema = ctx.schemas.get(info.entity);
  const type = schema && fieldType(schema, name);
  if (schema && !type) {
    if (brokenField(schema, name)) return null;
    const suggestion = closest(name, fieldNames(schema));
    const hint = didYouMean(suggestion, (s) => `\`${info.entity}.${s}\``, `declare it in \`schema ${info.entity}\``);
    reportOn(ctx, 'DIST102', info.file, item, 'field', `unknown field \`${info.entity}.${name}\`${hint}`, suggestionData(suggestion, item.field));
    return null;
  }
  return type ?? ANY;
}
