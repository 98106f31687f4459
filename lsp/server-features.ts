// The request handlers of the language server: each one asks the language service
// of the document's project and answers in LSP terms. Formatting that the service
// refuses (syntax errors, or an output that fails the formatter's proof) is shown
// to the user as a warning and changes nothing.
import type { Connection } from 'vscode-languageserver/node';
import type { LanguageService } from './service/language-service';

/** Registers every request handler on `connection`. */
export function registerFeatures(
  connection: Connection,
  serviceFor: (uri: string) => Promise<LanguageService>,
  anyService: () => Promise<LanguageService | null>,
): void {
  connection.onCompletion(async ({ textDocument, position }) => (await serviceFor(textDocument.uri)).completion(textDocument.uri, position));
  connection.onHover(async ({ textDocument, position }) => (await serviceFor(textDocument.uri)).hover(textDocument.uri, position));
  connection.onDefinition(async ({ textDocument, position }) => (await serviceFor(textDocument.uri)).definition(textDocument.uri, position));
  connection.onReferences(async ({ textDocument, position, context }) =>
    (await serviceFor(textDocument.uri)).references(textDocument.uri, position, context.includeDeclaration),
  );
  connection.onDocumentSymbol(async ({ textDocument }) => (await serviceFor(textDocument.uri)).documentSymbols(textDocument.uri));
  connection.onWorkspaceSymbol(async ({ query }) => (await anyService())?.workspaceSymbols(query) ?? []);
  connection.onDocumentFormatting(async ({ textDocument }) => {
    const { edits, refused } = (await serviceFor(textDocument.uri)).formatting(textDocument.uri);
    if (refused) void connection.window.showWarningMessage(refused);
    return edits;
  });
}
