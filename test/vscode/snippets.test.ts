// The extension's snippets: the committed file is what the vocabulary generates,
// every declaration, clause, setting and argument-taking method has one, and every
// snippet, expanded with each of its choices, parses as the construct it names.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../../language/parse';
import { CLAUSES, DECLARATIONS, METHODS, namesOf, SETTINGS } from '../../language/vocabulary';
import { buildSnippets, snippetsText, type Snippet } from '../../vscode-extension/generate/build-snippets';
import { ROOT } from '../helpers/run-dist';

const FILE = path.join(ROOT, 'vscode-extension/snippets/dist.json');
const snippets = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, Snippet>;
const prefixes = new Set(Object.values(snippets).map((s) => s.prefix));

const CHOICE = /\$\{(\d+)\|((?:[^|\\]|\\.)*)\|\}/g;

/** The options of each choice tab stop, unescaped, in order of appearance. */
function choicesOf(body: string): string[][] {
  return [...body.matchAll(CHOICE)].map((m) => m[2]!.split(/(?<!\\),/).map((o) => o.replace(/\\(.)/g, '$1')));
}

/** The body with choice `pick` set to `option` (others to their first), placeholders to their defaults, `$0` removed. */
function expand(body: string, pick: number, option: number): string {
  let index = 0;
  return body
    .replace(CHOICE, (_m, _stop: string, options: string) => {
      const list = options.split(/(?<!\\),/).map((o) => o.replace(/\\(.)/g, '$1'));
      return list[index++ === pick ? option : 0]!;
    })
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
}

/** Every expansion of a snippet: one per option of each choice (one in all when it has none). */
function expansions(snippet: Snippet): string[] {
  const body = snippet.body.join('\n');
  const choices = choicesOf(body);
  if (choices.length === 0) return [expand(body, -1, 0)];
  return choices.flatMap((options, pick) => options.map((_o, option) => expand(body, pick, option)));
}

describe('the snippets', () => {
  it('are the file the vocabulary generates (run `npm run generate:vscode` after changing it)', () => {
    expect(readFileSync(FILE, 'utf8')).toBe(snippetsText());
    expect(snippets).toEqual(buildSnippets());
  });

  it('cover every declaration, clause, setting and method that takes an argument', () => {
    const methods = METHODS.filter((m) => !m.simple).map((m) => `distribute ${m.name}`);
    const wanted = [...namesOf(DECLARATIONS), ...namesOf(CLAUSES), ...namesOf(SETTINGS), ...methods];
    expect(wanted.filter((w) => !prefixes.has(w))).toEqual([]);
  });

  it('have a description from the vocabulary and no duplicate prefix', () => {
    expect(Object.values(snippets).filter((s) => s.description.length < 10)).toEqual([]);
    expect(prefixes.size).toBe(Object.keys(snippets).length);
  });

  it.each(Object.entries(snippets))('%s parses as written, with each of its choices', (_title, snippet) => {
    const declaration = DECLARATIONS.some((d) => d.name === snippet.prefix);
    const clause = CLAUSES.find((c) => c.name === snippet.prefix.split(' ')[0]);
    const setting = SETTINGS.find((s) => s.name === snippet.prefix);
    for (const text of expansions(snippet)) {
      const contexts = declaration ? [text] : [
        ...(clause ? [`rule "R" {\n${text}\n}`] : []),
        ...(setting ? [`settings {\n${text}\n}`] : []),
      ];
      expect(contexts.length).toBeGreaterThan(0);
      for (const source of contexts) {
        const { ast, diagnostics } = parse(source, 'snippet.dist');
        expect(diagnostics.map((d) => `${d.code} ${d.message} in:\n${source}`)).toEqual([]);
        const decl = ast.declarations[0]!;
        if (declaration) expect(decl.kind.toLowerCase()).toBe(snippet.prefix);
        else if (decl.kind === 'Rule') expect(decl.clauses.map((c) => c.kind)).toEqual([clause!.kind]);
        else if (decl.kind === 'Settings') expect(decl.entries.map((e) => e.kind)).toEqual([setting!.kind]);
      }
    }
  });
});
