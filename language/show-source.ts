// How source text appears inside diagnostic messages: in backticks, shortened, with
// characters a reader cannot see written as `U+XXXX`.

const LONGEST_SHOWN = 40;

/** True for characters a reader cannot see or tell apart: controls, odd spaces, lone surrogates. */
function isInvisible(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (
    c < 0x20 || (c >= 0x7f && c <= 0xa0) || c === 0xad || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200f) || (c >= 0x2028 && c <= 0x202f) || (c >= 0x205f && c <= 0x206f) ||
    c === 0x3000 || c === 0xfeff || (c >= 0xd800 && c <= 0xdfff) || (c >= 0xfff0 && c <= 0xffff)
  );
}

/** `U+0000` form of one character. */
function codePoint(ch: string): string {
  return 'U+' + ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
}

/** Source text for a message: in backticks, shortened, with invisible characters as `U+XXXX`. */
export function showSource(text: string): string {
  const chars = Array.from(text.length > LONGEST_SHOWN * 2 ? text.slice(0, LONGEST_SHOWN * 2) : text);
  const cut = chars.length > LONGEST_SHOWN;
  const shown = cut ? chars.slice(0, LONGEST_SHOWN - 1) : chars;
  if (!shown.some(isInvisible)) return '`' + shown.join('') + (cut ? '…' : '') + '`';
  const parts = shown.map((ch) => (isInvisible(ch) ? codePoint(ch) : '`' + ch + '`'));
  return parts.join(' ') + (cut ? ' …' : '');
}
