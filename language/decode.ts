// Decodes a file's bytes as UTF-8 (a leading BOM is dropped). Invalid bytes become
// U+FFFD so the rest of the file is still checked, and the first one is reported
// once (DIST006) at the offset where its U+FFFD lands in the decoded text.
import { diagnostic, type Diagnostic } from './diagnostics';

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** Index of the first byte that starts an invalid UTF-8 sequence, or -1. */
function firstInvalidByte(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Continuation bytes needed, and the allowed range of the first one (Unicode table 3-7).
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (need === 0) return i;
    let lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    let hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < lo || c > hi) return i;
      lo = 0x80;
      hi = 0xbf;
    }
    i += need + 1;
  }
  return -1;
}

/** Decodes UTF-8 bytes; never throws. */
export function decodeSource(bytes: Uint8Array, file: string): { text: string; diagnostics: Diagnostic[] } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return { text: strict.decode(bytes), diagnostics: [] };
  } catch {
    const bad = firstInvalidByte(bytes, bom);
    const text = lenient.decode(bytes);
    const at = bad < 0 ? 0 : strict.decode(bytes.subarray(bom, bad)).length;
    const message = `the file is not valid UTF-8 (byte ${Math.max(bad, 0)} cannot be decoded); save it as UTF-8`;
    return { text, diagnostics: [diagnostic('DIST006', file, { start: at, end: Math.min(at + 1, text.length) }, message)] };
  }
}
