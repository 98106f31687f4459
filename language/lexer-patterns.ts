// Hand-written lexer patterns that regular expressions express badly: block comments
// that may be unterminated, and runs of characters that start no token. Both are
// linear scans, so a 10 MB comment or 10 MB of garbage lexes in one step.

/** Codes below 128 that can start a token (`!` and `?` only before `=` and `?`). */
const STARTS_TOKEN = new Uint8Array(128);
for (const c of ' \t\r\n\f\v"/{}()[],.:=<>+-*_') STARTS_TOKEN[c.charCodeAt(0)] = 1;
for (let c = 48; c <= 57; c++) STARTS_TOKEN[c] = 1;
for (let c = 65; c <= 90; c++) STARTS_TOKEN[c] = 1;
for (let c = 97; c <= 122; c++) STARTS_TOKEN[c] = 1;

const BANG = 33;
const QUESTION = 63;
const EQUALS = 61;
const BOM = 0xfeff;

function isBad(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === BANG) return text.charCodeAt(i + 1) !== EQUALS;
  if (c === QUESTION) return text.charCodeAt(i + 1) !== QUESTION;
  if (c < 128) return STARTS_TOKEN[c] === 0;
  return c !== BOM;
}

/** Matches a run of characters that start no token (merged into one DIST001). */
export function badCharactersAt(text: string, offset: number): [string] | null {
  let i = offset;
  while (i < text.length && isBad(text, i)) i++;
  return i > offset ? [text.slice(offset, i)] : null;
}

/** Start-character hints for `badCharactersAt`: every UTF-16 code unit it can match. */
export const BAD_CHARACTER_HINTS: number[] = [];
for (let c = 0; c < 65536; c++) {
  if (c >= 128 ? c !== BOM : c === BANG || c === QUESTION || STARTS_TOKEN[c] === 0) BAD_CHARACTER_HINTS.push(c);
}

/** Matches `/* … *\/`, or from `/*` to the end of the text when it is never closed. */
export function blockCommentAt(text: string, offset: number): [string] | null {
  if (text.charCodeAt(offset) !== 47 || text.charCodeAt(offset + 1) !== 42) return null;
  const close = text.indexOf('*/', offset + 2);
  return [text.slice(offset, close < 0 ? text.length : close + 2)];
}
