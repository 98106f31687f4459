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
/** The committed injection of the grammar into Markdown fences. */
export const MARKDOWN_FILE = path.join(ROOT, 'vscode-extension/syntaxes/dist.markdown.tmLanguage.json');

const FILES = new Map([['source.dist', GRAMMAR_FILE], ['markdown.dist.codeblock', MARKDOWN_FILE]]);
const grammars = new Map<string, Promise<textmate.IGrammar>>();
let registry: Promise<textmate.Registry> | undefined;

async function createRegistry(): Promise<textmate.Registry> {
  const wasm = readFileSync(createRequire(import.meta.url).resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  return new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scope) => {
      const file = FILES.get(scope);
      return file === undefined ? null : textmate.parseRawGrammar(readFileSync(file, 'utf8'), file);
    },
  });
}

async function loadGrammar(scope: string): Promise<textmate.IGrammar> {
  registry ??= createRegistry();
  const loaded = await (await registry).loadGrammar(scope);
  if (!loaded) throw new Error(`the grammar ${scope} did not load`);
  return loaded;
}

/**
 * Every token of `text`, line by line, carrying the rule stack across lines as an
 * editor does; `scope` picks the grammar (the Markdown injection, read as a grammar of its own).
 */
export async function tokenize(text: string, scope = 'source.dist'): Promise<Token[]> {
  if (!grammars.has(scope)) grammars.set(scope, loadGrammar(scope));
  const g = await grammars.get(scope)!;
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
