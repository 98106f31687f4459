// The share link: the rules and directory, deflate-compressed and base64url
// encoded in the URL's fragment (`#s=…`), so the text never reaches a server
// and the link opens the same project anywhere.
import type { PlaygroundTexts } from './protocol';

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The fragment that encodes the texts. */
export async function encodeShare(texts: PlaygroundTexts): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(texts));
  return `#s=${toBase64Url(await pipe(json, new CompressionStream('deflate-raw')))}`;
}

/** The texts of a `#s=…` fragment; null when there is none; throws when it is damaged. */
export async function decodeShare(hash: string): Promise<PlaygroundTexts | null> {
  const match = /^#s=([A-Za-z0-9_-]+)$/.exec(hash);
  if (!match) return null;
  const json = new TextDecoder().decode(await pipe(fromBase64Url(match[1] as string), new DecompressionStream('deflate-raw')));
  const value = JSON.parse(json) as Partial<PlaygroundTexts>;
  if (typeof value.rules !== 'string' || typeof value.directory !== 'string') throw new Error('the shared link holds no rules and directory');
  return { rules: value.rules, directory: value.directory };
}
