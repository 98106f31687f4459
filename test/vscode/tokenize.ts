// Tokenizes `.dist` text with the extension's committed TextMate grammar, through
// the same engine VS Code uses (vscode-textmate over the Oniguruma WebAssembly build).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import oniguruma from 'vscode-oniguruma';
import textmate from 'vscode-textmate';
import { ROOT } from '../helpers/run-dist';

/** One token: its text, where it starts (offset in the text, 1-based line) and its scopes, outermost first. */
export interface Token {
  text: string;
  offset: number;
  line: number;
  scopes: string[];
}

/** The committed grammar file. */
export const GRAMMAR_FILE = path.join(ROOT, 'vscode-extension/syntaxes/dist.tmLanguage.json');

let grammar: Promise<textmate.IGrammar> | undefined;

async function loadGrammar(): Promise<textmate.IGrammar> {
  const wasm = readFileSync(createRequire(import.meta.url).resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scope) => (scope === 'source.dist' ? textmate.parseRawGrammar(readFileSync(GRAMMAR_FILE, 'utf8'), GRAMMAR_FILE) : null),
  });
  const loaded = await registry.loadGrammar('source.dist');
  if (!loaded) throw new Error('the grammar source.dist did not load');
  return loaded;
}

/** Every token of `text`, line by line, carrying the rule stack across lines as an editor does. */
export async function tokenize(text: string): Promise<Token[]> {
  grammar ??= loadGrammar();
  const g = await grammar;
  const tokens: Token[] = [];
  let stack = textmate.INITIAL;
  let lineStart = 0;
  for (const [i, lineText] of text.split('\n').entries()) {
    const content = lineText.endsWith('\r') ? lineText.slice(0, -1) : lineText;
    const result = g.tokenizeLine(content, stack);
    for (const t of result.tokens) {
      const tokenText = content.slice(t.startIndex, t.endIndex);
      if (tokenText !== '') tokens.push({ text: tokenText, offset: lineStart + t.startIndex, line: i + 1, scopes: t.scopes });
    }
    stack = result.ruleStack;
    lineStart += lineText.length + 1;
  }
  return tokens;
}

/** The innermost scope of each token whose text is `word`, in order. */
export async function scopesOf(text: string, word: string): Promise<string[]> {
  return (await tokenize(text)).filter((t) => t.text === word).map((t) => t.scopes.at(-1)!);
}
