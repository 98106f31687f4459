// Go to definition and find references: both start from the name under the cursor
// (a rule, entity, field, user, team or group, in a `.dist` file or in
// directory.yaml) and read the semantic model's occurrences of its symbol.
import type { Location } from 'vscode-languageserver-types';
import type { Occurrence } from '../../compiler/workspace-model';
import type { ServiceContext } from './context';

/** The occurrence under the cursor, if any. */
export function occurrenceAt(ctx: ServiceContext, file: string, offset: number): Occurrence | undefined {
  return ctx.result().model.occurrenceAt(file, offset);
}

/** The LSP location of an occurrence. */
export function locationOf(ctx: ServiceContext, o: Occurrence): Location | null {
  const text = ctx.text(o.file);
  return text ? { uri: ctx.uri(o.file), range: text.range(o.span) } : null;
}

/** Where the symbol under the cursor is declared. */
export function definition(ctx: ServiceContext, file: string, offset: number): Location | null {
  const o = occurrenceAt(ctx, file, offset);
  const target = o ? ctx.result().model.definition(o.key) : undefined;
  return target ? locationOf(ctx, target) : null;
}

/** Every place the symbol under the cursor is named. */
export function references(ctx: ServiceContext, file: string, offset: number, includeDeclaration: boolean): Location[] {
  const o = occurrenceAt(ctx, file, offset);
  if (!o) return [];
  return ctx
    .result()
    .model.referencesOf(o.key)
    .filter((r) => includeDeclaration || !r.declaration)
    .flatMap((r) => locationOf(ctx, r) ?? []);
}
