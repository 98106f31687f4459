// The request body parser: JSON text → value, refusing what API.md calls bad input
// before anything else sees it. One linear scan of the text measures nesting
// (iteratively, so no input can exhaust the stack), then JSON.parse, then an
// iterative walk rejects prototype-reaching keys (`__proto__`, `constructor`,
// `prototype`) wherever they appear, escaped spellings included.
import { isForbiddenKey } from '../compiler/values';
import { ApiError } from './errors';

/** Nesting accepted in one event (API.md); wrappers such as a batch add their own levels. */
export const EVENT_MAX_DEPTH = 32;

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Parses a JSON body; throws ApiError `invalid_json`, `nesting_too_deep` or `forbidden_key` (all 400). */
export function parseJsonBody(text: string, maxDepth: number): unknown {
  if (text.trim() === '') throw new ApiError(400, 'invalid_json', 'the request body is empty; send a JSON object');
  const depth = nestingDepth(text);
  if (depth > maxDepth) {
    throw new ApiError(400, 'nesting_too_deep', `the body nests ${depth} levels deep; at most ${maxDepth} are accepted`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, 'invalid_json', `the request body is not valid JSON: ${(error as Error).message}`);
  }
  const forbidden = findForbiddenKey(value);
  if (forbidden) {
    throw new ApiError(400, 'forbidden_key', `the field name \`${forbidden.key}\` is not allowed`, [
      { path: forbidden.path, message: `the field name \`${forbidden.key}\` is not allowed` },
    ]);
  }
  return value;
}

/** The deepest nesting of objects and arrays in JSON text (strings skipped); malformed text gives a best effort. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > max) max = depth;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth--;
  }
  return max;
}

/** The first prototype-reaching key and its path (`events[3].record.__proto__`), or null. */
export function findForbiddenKey(root: unknown): { key: string; path: string } | null {
  // Paths cost a string per node: look first, and only spell out the path of a hit.
  return walkKeys(root, false) && walkKeys(root, true);
}

function walkKeys(root: unknown, withPaths: boolean): { key: string; path: string } | null {
  const values: unknown[] = [root];
  const paths: string[] = [''];
  while (values.length > 0) {
    const value = values.pop();
    const path = withPaths ? (paths.pop() as string) : '';
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        values.push(value[i]);
        if (withPaths) paths.push(`${path}[${i}]`);
      }
      continue;
    }
    for (const key of Object.keys(value)) {
      const at = withPaths ? (path ? `${path}.${key}` : key) : '';
      if (isForbiddenKey(key)) return { key, path: at };
      values.push((value as Record<string, unknown>)[key]);
      if (withPaths) paths.push(at);
    }
  }
  return null;
}
