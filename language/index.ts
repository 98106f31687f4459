// The public API of the language package: parsing, decoding, positions, the AST and diagnostics.
export * from './ast';
export * from './diagnostics';
export { decodeSource } from './decode';
export { LineIndex, type Position } from './line-index';
export { parse, type ParseResult } from './parse';
export { KEYWORDS, RESERVED_WORDS, CONTEXTUAL_KEYWORDS } from './tokens';
export { formatAst, formatSource, type FormatResult } from './format';
