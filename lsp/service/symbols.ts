// The outline of a file (document symbols: schemas with their fields, settings,
// rules, maps, workflows) and the project's symbols by name (workspace symbols: rules,
// schemas, fields, maps, and the directory's users and teams).
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver-types';
import type { Declaration } from '../../language/ast';
import type { ServiceContext } from './context';
import type { TextPositions } from './positions';

function declarationSymbol(text: TextPositions, decl: Declaration): DocumentSymbol {
  const range = text.range(decl.span);
  switch (decl.kind) {
    case 'Schema':
      return {
        name: `schema ${decl.entity.text}`,
        kind: SymbolKind.Struct,
        range,
        selectionRange: text.range(decl.entity.span),
        children: decl.fields.map((f) => ({ name: f.name.text, detail: text.text.slice(f.type.span.start, f.type.span.end), kind: SymbolKind.Field, range: text.range(f.span), selectionRange: text.range(f.name.span) })),
      };
    case 'Settings':
      return { name: 'settings', kind: SymbolKind.Namespace, range, selectionRange: text.range({ start: decl.span.start, end: decl.span.start + 8 }) };
    case 'Rule': {
      const priority = decl.clauses.find((c) => c.kind === 'Priority');
      return { name: decl.name.value, detail: priority?.kind === 'Priority' ? `priority ${priority.value.raw}` : '', kind: SymbolKind.Function, range, selectionRange: text.range(decl.name.span) };
    }
    case 'Map':
      return { name: `map ${decl.entity.text} from ${decl.source.raw}`, kind: SymbolKind.Module, range, selectionRange: text.range(decl.source.span) };
    case 'Workflow':
      return { name: `workflow ${decl.name.value}`, kind: SymbolKind.Module, range, selectionRange: text.range(decl.name.span) };
  }
}

/** The outline of a `.dist` file. */
export function documentSymbols(ctx: ServiceContext, file: string): DocumentSymbol[] {
  const ast = ctx.ast(file);
  const text = ctx.text(file);
  if (!ast || !text) return [];
  return ast.declarations.map((d) => declarationSymbol(text, d));
}

const KINDS = { rule: SymbolKind.Function, entity: SymbolKind.Struct, field: SymbolKind.Field, user: SymbolKind.Object, team: SymbolKind.Object, group: SymbolKind.Object } as const;

/** Every declared symbol whose name contains `query` (case-insensitive), at most `limit`. */
export function workspaceSymbols(ctx: ServiceContext, query: string, limit = 500): SymbolInformation[] {
  const needle = query.toLowerCase();
  const result: SymbolInformation[] = [];
  for (const [file, list] of ctx.result().model.occurrences) {
    const text = ctx.text(file);
    if (!text) continue;
    for (const o of list) {
      if (!o.declaration || !o.name.toLowerCase().includes(needle)) continue;
      result.push({ name: o.name, kind: KINDS[o.kind], containerName: o.kind, location: { uri: ctx.uri(file), range: text.range(o.span) } });
      if (result.length >= limit) return result;
    }
  }
  return result;
}
