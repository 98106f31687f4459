// Writes the VS Code extension's generated files from the language's vocabulary:
// the TextMate grammar (vscode-extension/syntaxes/dist.tmLanguage.json), its
// injection into Markdown fences (syntaxes/dist.markdown.tmLanguage.json) and the
// snippets (snippets/dist.json). Run after changing language/vocabulary.ts:
// `npm run generate:vscode`.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { grammarText, markdownInjectionText } from '../vscode-extension/generate/build-grammar';
import { snippetsText } from '../vscode-extension/generate/build-snippets';

/** Each generated file, relative to the extension folder, and its text. */
const OUTPUTS: [string, () => string][] = [
  ['syntaxes/dist.tmLanguage.json', grammarText],
  ['syntaxes/dist.markdown.tmLanguage.json', markdownInjectionText],
  ['snippets/dist.json', snippetsText],
];

const extension = fileURLToPath(new URL('../vscode-extension/', import.meta.url));
for (const [relative, text] of OUTPUTS) {
  const target = path.join(extension, relative);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text());
  console.log(`wrote vscode-extension/${relative}`);
}
