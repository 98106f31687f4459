// A static check of the extension's manifest (vscode-extension/package.json) against
// the files that exist and the client's code: every contributed path exists and
// goes into the .vsix, the grammar's scope and the language agree, every command
// the client registers is declared and every declared or menu command is registered,
// every setting the client reads is declared, and the language configuration is sound.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-dist';

const EXT = path.join(ROOT, 'vscode-extension');
const read = (file: string) => readFileSync(path.join(EXT, file), 'utf8');

interface Manifest {
  name: string;
  version: string;
  publisher: string;
  license: string;
  icon: string;
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  contributes: {
    languages: { id: string; extensions: string[]; configuration: string; icon: { light: string; dark: string } }[];
    grammars: { language?: string; scopeName: string; path: string; injectTo?: string[]; embeddedLanguages?: Record<string, string> }[];
    snippets: { language: string; path: string }[];
    commands: { command: string; title: string; category: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    configuration: { properties: Record<string, { type: string; default: unknown; enum?: string[] }> };
    configurationDefaults: Record<string, Record<string, unknown>>;
  };
}

const manifest = JSON.parse(read('package.json')) as Manifest;
const sources = readdirSync(path.join(EXT, 'src')).filter((f) => f.endsWith('.ts')).map((f) => read(`src/${f}`)).join('\n');
const rootPackage = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; devDependencies: Record<string, string>; scripts: Record<string, string> };
const vscodeignore = read('.vscodeignore').split('\n').filter((l) => l.startsWith('!')).map((l) => l.slice(1));

/** `./a/b` → `a/b`. */
const clean = (p: string) => path.posix.normalize(p);

describe('the extension manifest', () => {
  const c = manifest.contributes;
  const files = [
    ...c.languages.flatMap((l) => [l.configuration, l.icon.light, l.icon.dark]),
    ...c.grammars.map((g) => g.path),
    ...c.snippets.map((s) => s.path),
    manifest.icon,
  ].map(clean);

  it('names the dist language for .dist files, with a grammar and snippets for it', () => {
    expect(c.languages.map((l) => [l.id, l.extensions])).toEqual([['dist', ['.dist']]]);
    expect(c.grammars.map((g) => g.language ?? g.injectTo)).toEqual(['dist', ['text.html.markdown']]);
    expect(Object.values(c.grammars[1]!.embeddedLanguages ?? {})).toEqual(['dist']);
    expect(c.snippets.map((s) => s.language)).toEqual(['dist']);
  });

  it('points at files that exist, and packs each of them', () => {
    expect(files.filter((f) => !existsSync(path.join(EXT, f)))).toEqual([]);
    expect([...files, 'package.json', 'README.md', 'LICENSE'].filter((f) => !vscodeignore.includes(f))).toEqual([]);
    expect(existsSync(path.join(EXT, 'README.md')) && existsSync(path.join(EXT, 'LICENSE'))).toBe(true);
  });

  it('has a main entry the package script bundles, and packs the server beside it', () => {
    const script = readFileSync(path.join(ROOT, 'scripts/vscode-package.mjs'), 'utf8');
    expect(clean(manifest.main)).toBe('out/extension.js');
    expect(script).toContain("'out', 'extension.js'");
    expect(script).toContain("'out', 'server.mjs'");
    expect(sources).toContain("'out/server.mjs'");
    expect(vscodeignore).toEqual(expect.arrayContaining(['out/extension.js', 'out/server.mjs']));
    expect(rootPackage.scripts['package:vscode']).toBe('node scripts/vscode-package.mjs');
  });

  it('uses grammars whose scope names are the ones the manifest declares', () => {
    for (const g of c.grammars) {
      const grammar = JSON.parse(read(g.path)) as { scopeName: string; fileTypes?: string[]; repository: object };
      expect(grammar.scopeName).toBe(g.scopeName);
      if (g.language) expect(grammar.fileTypes?.map((t) => `.${t}`)).toEqual(c.languages[0]!.extensions);
      for (const embedded of Object.keys(g.embeddedLanguages ?? {})) expect(JSON.stringify(grammar.repository)).toContain(embedded);
    }
  });

  it('activates on its language and on a project folder', () => {
    const languages = new Set(c.languages.map((l) => l.id));
    for (const event of manifest.activationEvents) {
      const [kind, arg] = event.split(':', 2) as [string, string];
      if (kind === 'onLanguage') expect(languages.has(arg)).toBe(true);
      else expect(event).toBe('workspaceContains:**/dist.yaml');
    }
    expect(manifest.activationEvents).toContain('onLanguage:dist');
  });

  it('declares exactly the commands the client registers, and menus use declared ones', () => {
    const registered = [...sources.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]!).sort();
    const declared = c.commands.map((cmd) => cmd.command).sort();
    expect(declared).toEqual(registered);
    expect(declared).toContain('dist.runRuleCases');
    expect(declared).toContain('dist.restartServer');
    const inMenus = Object.values(c.menus).flat().map((m) => m.command);
    expect(inMenus.filter((m) => !declared.includes(m))).toEqual([]);
    expect(c.commands.filter((cmd) => cmd.category !== 'dist' || cmd.title.length === 0)).toEqual([]);
  });

  it('declares every setting the client reads, and the trace setting of its client id', () => {
    const read = [...sources.matchAll(/\.get<\w+>\('([^']+)'/g)].map((m) => `dist.${m[1]!}`);
    expect(read.length).toBeGreaterThan(0);
    const declared = Object.keys(c.configuration.properties);
    expect(read.filter((k) => !declared.includes(k))).toEqual([]);
    const clientId = /CLIENT_ID = '([^']+)'/.exec(sources)?.[1];
    expect(c.configuration.properties[`${clientId}.trace.server`]?.enum).toEqual(['off', 'messages', 'verbose']);
    expect(declared.sort()).toEqual(['dist.projectRoot', 'dist.server.path', 'dist.trace.server']);
  });

  it('has what vsce needs: a publisher, a version matching the package, an engine the typings fit', () => {
    expect(manifest.publisher).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    expect(manifest.version).toBe(rootPackage.version);
    expect(manifest.icon.endsWith('.png')).toBe(true);
    const engine = /^\^(\d+)\.(\d+)\.\d+$/.exec(manifest.engines.vscode);
    const types = /^\^?(\d+)\.(\d+)\./.exec(rootPackage.devDependencies['@types/vscode']!);
    expect(engine && types).toBeTruthy();
    expect(Number(types![1]) * 1000 + Number(types![2])).toBeLessThanOrEqual(Number(engine![1]) * 1000 + Number(engine![2]));
  });
});

describe('the language configuration', () => {
  const config = JSON.parse(read(manifest.contributes.languages[0]!.configuration)) as {
    comments: { lineComment: string; blockComment: [string, string] };
    brackets: [string, string][];
    autoClosingPairs: { open: string; close: string }[];
    surroundingPairs: [string, string][];
    indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
    folding: { markers: { start: string; end: string } };
    wordPattern: string;
  };

  it('uses the language comments and brackets, and closes each bracket and quote', () => {
    expect(config.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
    expect(config.brackets).toEqual([['{', '}'], ['[', ']'], ['(', ')']]);
    const closes = new Map(config.autoClosingPairs.map((p) => [p.open, p.close]));
    for (const [open, close] of [...config.brackets, ['"', '"']]) expect(closes.get(open!)).toBe(close);
  });

  it('indents after an opening brace and outdents a closing one', () => {
    const increase = new RegExp(config.indentationRules.increaseIndentPattern);
    const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
    expect(increase.test('rule "A {x}" {')).toBe(true);
    expect(increase.test('  distribute weighted { "A": 1 }')).toBe(false);
    expect(decrease.test('  }')).toBe(true);
    expect(new RegExp(config.folding.markers.start).test('// region quotas')).toBe(true);
  });

  it('selects whole words, field segments and durations', () => {
    const word = new RegExp(`^(?:${config.wordPattern})$`);
    for (const w of ['starts_with', 'round_robin', 'lead', '60m', '1.5h', '750_000']) expect(word.test(w)).toBe(true);
    for (const w of ['lead.score', '"a"', 'a-b']) expect(word.test(w)).toBe(false);
  });
});
