// The extension's TextMate grammar, run through vscode-textmate as VS Code runs it:
// the committed file is what the vocabulary generates, and over every `.dist` file
// of examples/ and of the format goldens each token's scope agrees with the token
// the real lexer reads there (a differential test), plus targeted cases.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { IToken } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { KEYWORDS, KW, lexer } from '../../language/tokens';
import { grammarText, markdownInjectionText } from '../../vscode-extension/generate/build-grammar';
import { ROOT } from '../helpers/run-dist';
import { GRAMMAR_FILE, MARKDOWN_FILE, scopesOf, tokenize, type Token } from './tokenize';

function distFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.dist'))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

const FILES = [...distFiles('examples'), ...distFiles('test/golden/format'), ...distFiles('test/spec-examples')];
const KEYWORD_TYPES = new Set(Object.values(KW));

/** Whether the token at `i` is a field name in `updated(a, b)`. */
function inUpdatedList(code: readonly IToken[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && code[j]!.tokenType.name === 'Comma' && j > 0) j -= 2;
  return j > 0 && code[j]!.tokenType.name === 'LParen' && code[j - 1]!.image === 'updated';
}

/** What the scope of the lexer's code token `i` must look like, by its type and its neighbours. */
function expectedScope(code: readonly IToken[], token: IToken): RegExp {
  const i = code.indexOf(token);
  const before = i > 0 ? code[i - 1] : undefined;
  const after = i >= 0 ? code[i + 1] : undefined;
  const type = token.tokenType.name;
  switch (type) {
    case 'StringLit': return /^string\.quoted\.double\.dist/;
    case 'LineComment': case 'BlockComment': return /^comment\./;
    case 'NumberLit': return /^constant\.numeric\.decimal\.dist$/;
    case 'DurationLit': return /^constant\.numeric\.duration\.dist$/;
    case 'LCurly': case 'RCurly': case 'LParen': case 'RParen': case 'LBracket': case 'RBracket':
    case 'Comma': case 'Colon': return /^punctuation\./;
    case 'Dot': return /^punctuation\.accessor\.dist$/;
    case 'BadCharacters': return /^invalid\.illegal\./;
    case 'PlainIdentifier': return /^(variable|support|entity)\./;
  }
  if (KEYWORD_TYPES.has(token.tokenType)) {
    const next = after?.tokenType.name;
    if (before?.tokenType.name === 'Dot') return /^(variable\.other\.property|support\.constant\.event)\./;
    if (before?.image === 'schema' || before?.image === 'map') return /^entity\.name\.type\./;
    if (inUpdatedList(code, i)) return /^variable\.other\.property\./;
    if (next === 'Colon' || next === 'Equals') return /^variable\.other\.property\./;
    if (next === 'Dot') return /^variable\.(language|other\.object)\./;
    return /^(keyword\.|constant\.language\.|support\.)/;
  }
  return /^keyword\.operator\./;
}

/** The scopes, below `source.dist`, of every TextMate token that overlaps [start, end). */
function scopesIn(tokens: readonly Token[], start: number, end: number): string[][] {
  return tokens.filter((t) => t.offset < end && t.offset + t.text.length > start && t.text.trim() !== '').map((t) => t.scopes.slice(1));
}

describe('the TextMate grammar', () => {
  it('is the file the vocabulary generates (run `npm run generate:vscode` after changing it)', () => {
    expect(readFileSync(GRAMMAR_FILE, 'utf8')).toBe(grammarText());
    expect(readFileSync(MARKDOWN_FILE, 'utf8')).toBe(markdownInjectionText());
  });

  it('has every keyword of the lexer', () => {
    const grammar = readFileSync(GRAMMAR_FILE, 'utf8');
    const missing = KEYWORDS.filter((k) => !new RegExp(`[(|:]${k}[|)]`).test(grammar));
    expect(missing).toEqual([]);
  });

  it('reads the corpus of examples and goldens', () => {
    expect(FILES.filter((f) => f.startsWith('examples/')).length).toBeGreaterThanOrEqual(10);
  });

  it.each(FILES)('scopes every token of %s as the lexer reads it', async (file) => {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    const tm = await tokenize(text);
    const lexed = lexer.tokenize(text);
    const lexTokens = [...lexed.tokens, ...(lexed.groups.comments ?? []), ...(lexed.groups.bad ?? [])].sort((a, b) => a.startOffset - b.startOffset);
    const wrong: string[] = [];
    for (const token of lexTokens) {
      const pattern = expectedScope(lexed.tokens, token);
      const scopes = scopesIn(tm, token.startOffset, token.startOffset + token.image.length);
      const ok = scopes.length > 0 && scopes.every((chain) => chain.some((s) => pattern.test(s)));
      if (!ok) wrong.push(`${token.image} (${token.tokenType.name}) at ${token.startOffset}: ${scopes.map((c) => c.join(' ')).join(', ')}`);
    }
    expect(wrong).toEqual([]);
    const unscoped = tm.filter((t) => t.text.trim() !== '' && t.scopes.length < 2).map((t) => `${t.line}: ${t.text}`);
    expect(unscoped).toEqual([]);
    if (file.startsWith('examples/')) expect(tm.filter((t) => t.scopes.some((s) => s.startsWith('invalid.')))).toEqual([]);
  });
});

describe('targeted scopes', () => {
  it('gives each kind of keyword its scope', async () => {
    const text = 'settings {\n  trigger entity\n}\nrule "R" {\n  status draft\n  when lead.x is not set and true\n  distribute ordered by user.y desc\n}';
    expect(await scopesOf(text, 'settings')).toEqual(['keyword.declaration.dist']);
    expect(await scopesOf(text, 'trigger')).toEqual(['keyword.other.setting.dist']);
    expect(await scopesOf(text, 'entity')).toEqual(['support.constant.trigger.dist']);
    expect(await scopesOf(text, 'rule')).toEqual(['keyword.declaration.rule.dist']);
    expect(await scopesOf(text, 'status')).toEqual(['keyword.control.clause.dist']);
    expect(await scopesOf(text, 'draft')).toEqual(['support.constant.status.dist']);
    expect(await scopesOf(text, 'is')).toEqual(['keyword.operator.expression.dist']);
    expect(await scopesOf(text, 'not')).toEqual(['keyword.operator.logical.dist']);
    expect(await scopesOf(text, 'true')).toEqual(['constant.language.boolean.dist']);
    expect(await scopesOf(text, 'ordered')).toEqual(['keyword.other.dist']);
    expect(await scopesOf(text, 'desc')).toEqual(['keyword.other.order.dist']);
  });

  it('reads contextual keywords as names in field paths, field declarations and map targets', async () => {
    const text = 'schema lead {\n  status: text\n}\nmap lead from "s" {\n  priority = payload.rule\n}\nrule "R" {\n  when lead.status == "x" and user.score > 1\n}';
    expect(await scopesOf(text, 'status')).toEqual(['variable.other.property.declaration.dist', 'variable.other.property.dist']);
    expect(await scopesOf(text, 'priority')).toEqual(['variable.other.property.dist']);
    expect(await scopesOf(text, 'payload')).toEqual(['variable.language.dist']);
    expect(await scopesOf(text, 'user')).toEqual(['variable.language.dist']);
    expect(await scopesOf(text, 'score')).toEqual(['variable.other.property.dist']);
    expect(await scopesOf(text, 'lead')).toEqual(['entity.name.type.schema.dist', 'entity.name.type.map.dist', 'variable.other.object.dist']);
  });

  it('reads events, their entity and the fields of `updated(…)`', async () => {
    const text = 'rule "R" {\n  on opportunity.created, opportunity.updated(stage, score) when opportunity.stage == "x"\n}';
    expect(await scopesOf(text, 'opportunity')).toEqual(['variable.other.object.entity.dist', 'variable.other.object.entity.dist', 'variable.other.object.dist']);
    expect(await scopesOf(text, 'created')).toEqual(['support.constant.event.dist']);
    expect(await scopesOf(text, 'score')).toEqual(['variable.other.property.dist']);
    expect(await scopesOf(text, 'when')).toEqual(['keyword.control.clause.dist']);
  });

  it('scopes numbers, durations and bad duration units', async () => {
    const tokens = await tokenize('reassign after 1.5h max 750_000 within 10q take 1__0');
    const scope = (text: string) => tokens.find((t) => t.text === text)?.scopes.at(-1);
    expect(scope('1.5')).toBe('constant.numeric.duration.dist');
    expect(scope('h')).toBe('keyword.other.unit.dist');
    expect(scope('750_000')).toBe('constant.numeric.decimal.dist');
    expect(scope('10q')).toBe('invalid.illegal.numeric.dist');
    expect(scope('1__0')).toBe('invalid.illegal.numeric.dist');
  });

  it('scopes string escapes, bad escapes, and ends an unterminated string at the line end', async () => {
    const tokens = await tokenize('description "a\\n\\u00e9\\q\nwhen lead.x');
    const scope = (text: string) => tokens.find((t) => t.text === text)?.scopes.at(-1);
    expect(scope('\\n')).toBe('constant.character.escape.dist');
    expect(scope('\\u00e9')).toBe('constant.character.escape.dist');
    expect(scope('\\q')).toBe('invalid.illegal.escape.dist');
    expect(scope('when')).toBe('keyword.control.clause.dist');
  });

  it('carries a block comment across lines and marks characters that start no token', async () => {
    const tokens = await tokenize('/* one\n rule two */ rule "R" @ { }');
    expect(tokens.filter((t) => t.text.includes('rule two')).map((t) => t.scopes.at(-1))).toEqual(['comment.block.dist']);
    expect(tokens.find((t) => t.text === '@')?.scopes.at(-1)).toBe('invalid.illegal.character.dist');
    expect(tokens.find((t) => t.text === 'rule')?.scopes.at(-1)).toBe('keyword.declaration.rule.dist');
  });

  it('scopes built-in functions, types and operators', async () => {
    const text = 'schema user {\n  langs: list(text)\n}\nmap lead from "s" {\n  zip = left(digits(payload.a ?? payload.b), 5)\n}';
    expect(await scopesOf(text, 'left')).toEqual(['support.function.builtin.dist']);
    expect(await scopesOf(text, 'list')).toEqual(['support.type.dist']);
    expect(await scopesOf(text, 'text')).toEqual(['support.type.dist']);
    expect(await scopesOf(text, '??')).toEqual(['keyword.operator.coalesce.dist']);
    expect(await scopesOf(text, '=')).toEqual(['keyword.operator.assignment.dist']);
  });
});

describe('the Markdown injection', () => {
  it('reads the body of a ```dist fence as .dist, and nothing outside it', async () => {
    const tokens = await tokenize('Some text with rule in it.\n\n```dist\nrule "R" {\n  priority 10\n}\n```\n\npriority after', 'markdown.dist.codeblock');
    const scopeOf = (text: string) => tokens.filter((t) => t.text === text).map((t) => t.scopes.at(-1));
    expect(scopeOf('priority')).toEqual(['keyword.control.clause.dist']);
    expect(tokens.find((t) => t.text === 'priority')?.scopes).toContain('meta.embedded.block.dist');
    expect(scopeOf('dist')).toEqual(['fenced_code.block.language.markdown']);
    expect(tokens.filter((t) => t.text.includes('after')).flatMap((t) => t.scopes.filter((s) => s.endsWith('.dist')))).toEqual([]);
  });
});
