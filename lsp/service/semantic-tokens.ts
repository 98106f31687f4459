// Semantic tokens: the lexer's view of a file (keywords, strings, numbers,
// comments, operators) refined by the semantic model (a word that names a field is
// a property even when it is also a keyword, as in `lead.status`; an entity is a
// type; users, teams and groups in strings are enum members), encoded as LSP's
// relative five-number groups.
import { tokenMatcher, type IToken } from 'chevrotain';
import type { Span } from '../../language/ast';
import { lex } from '../../language/lexer';
import { ArithOp, CompareOp, DurationLit, NumberLit, Identifier, PlainIdentifier, StringLit } from '../../language/tokens';
import type { SymbolKind } from '../../compiler/workspace-model';
import type { ServiceContext } from './context';
import type { TextPositions } from './positions';

/** The token types, in the order of the legend the server announces. */
export const TOKEN_TYPES = ['keyword', 'string', 'number', 'comment', 'operator', 'property', 'type', 'function', 'enumMember'] as const;
type TokenType = (typeof TOKEN_TYPES)[number];
const INDEX = new Map<TokenType, number>(TOKEN_TYPES.map((t, i) => [t, i]));

const BY_SYMBOL: Record<SymbolKind, TokenType> = { field: 'property', entity: 'type', rule: 'string', user: 'enumMember', team: 'enumMember', group: 'enumMember' };

function lexical(token: IToken, next: IToken | undefined): TokenType | null {
  if (tokenMatcher(token, StringLit)) return 'string';
  if (tokenMatcher(token, NumberLit) || tokenMatcher(token, DurationLit)) return 'number';
  if (tokenMatcher(token, CompareOp) || tokenMatcher(token, ArithOp)) return 'operator';
  if (token.tokenType === PlainIdentifier) return next?.image === '(' ? 'function' : null;
  if (tokenMatcher(token, Identifier) || /^[a-z_]+$/.test(token.image)) return 'keyword';
  return null;
}

/** The encoded semantic tokens of a `.dist` file. */
export function semanticTokens(ctx: ServiceContext, file: string): number[] {
  const text = ctx.text(file);
  if (!text || !file.endsWith('.dist')) return [];
  const occurrences = new Map((ctx.result().model.occurrences.get(file) ?? []).map((o) => [o.span.start, o]));
  const spans: { span: Span; type: TokenType }[] = [];
  const { tokens, comments } = lex(text.text, file);
  tokens.forEach((token, i) => {
    const o = occurrences.get(token.startOffset);
    const type = o ? BY_SYMBOL[o.kind] : lexical(token, tokens[i + 1]);
    if (type) spans.push({ span: { start: token.startOffset, end: token.startOffset + token.image.length }, type });
  });
  for (const c of comments) spans.push({ span: c.span, type: 'comment' });
  spans.sort((a, b) => a.span.start - b.span.start);
  return encode(text, spans);
}

/** LSP's encoding: per token, line and start relative to the previous one, length, type, modifiers; one line per token. */
function encode(text: TextPositions, spans: { span: Span; type: TokenType }[]): number[] {
  const data: number[] = [];
  let line = 0;
  let character = 0;
  for (const { span, type } of spans) {
    let start = span.start;
    // A token over several lines (a block comment) is sent line by line.
    while (start < span.end) {
      const lineEnd = text.text.indexOf('\n', start);
      const end = lineEnd < 0 || lineEnd >= span.end ? span.end : lineEnd;
      const at = text.position(start);
      if (end > start) {
        data.push(at.line - line, at.line === line ? at.character - character : at.character, end - start, INDEX.get(type)!, 0);
        line = at.line;
        character = at.character;
      }
      start = end + 1;
    }
  }
  return data;
}
