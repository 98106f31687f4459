// Semantic tokens and folding ranges of a file.
import { describe, expect, it } from 'vitest';
import { TOKEN_TYPES } from '../../lsp/service/semantic-tokens';
import { service, uri } from './fixtures';

/** Decodes LSP's relative encoding into [line, character, text, type]. */
function decode(data: number[], text: string): [number, number, string, string][] {
  const lines = text.split('\n');
  const result: [number, number, string, string][] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i]!;
    character = data[i]! === 0 ? character + data[i + 1]! : data[i + 1]!;
    result.push([line, character, lines[line]!.slice(character, character + data[i + 2]!), TOKEN_TYPES[data[i + 3]!]!]);
  }
  return result;
}

const TEXT = 'rule "R" {\n  /* two\n     lines */\n  when lead.status == "x"\n    and lower(lead.city) != "y"\n}\n';

describe('semantic tokens', () => {
  it('marks keywords, fields (even keyword-named ones), entities, functions, strings and comments', () => {
    const s = service({ 'rules/schema.dist': 'schema lead {\n  status: text\n  city: text\n}\n', 'rules/t.dist': TEXT });
    const tokens = decode(s.semanticTokens(uri('rules/t.dist')).data, TEXT);
    expect(tokens.map(([, , text, type]) => `${text}:${type}`)).toEqual([
      'rule:keyword', '"R":string', '/* two:comment', '     lines */:comment', 'when:keyword', 'lead:type', 'status:property', '==:operator', '"x":string',
      'and:keyword', 'lower:function', 'lead:type', 'city:property', '!=:operator', '"y":string',
    ]);
  });
});

describe('folding', () => {
  it('folds declarations, multi-line clauses and block comments', () => {
    const s = service({ 'rules/t.dist': TEXT });
    expect(s.foldingRanges(uri('rules/t.dist')).map((r) => [r.startLine, r.endLine, r.kind ?? ''])).toEqual([
      [0, 4, ''],
      [1, 2, 'comment'],
      [3, 4, ''],
    ]);
  });
});
