// Maps a path into the parsed directory (`users[2].fields.grade`) back to the YAML
// node it came from, so problems found on plain values are reported at their place
// in directory.yaml. Spans are UTF-16 offsets, as `yaml` reports them.
import { isAlias, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { Span } from '../../language/ast';
import type { PathSegment } from './issues';

/**
 * The span of the value at `path` (or of its key when `onKey`); when the path
 * leaves the document (a missing key, an alias) the deepest node reached.
 */
export function spanOfPath(doc: Document, path: readonly PathSegment[], onKey = false): Span {
  let node: unknown = doc.contents;
  let span = spanOf(node) ?? { start: 0, end: 0 };
  for (const [i, segment] of path.entries()) {
    let key: unknown = null;
    let next: unknown = null;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      key = pair?.key ?? null;
      next = pair?.value ?? null;
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment] ?? null;
    }
    const keySpan = spanOf(key);
    const valueSpan = spanOf(next);
    if (!keySpan && !valueSpan) break;
    const last = i === path.length - 1;
    span = (last && onKey ? keySpan : null) ?? valueSpan ?? keySpan ?? span;
    if (!valueSpan || isAlias(next)) break;
    node = next;
  }
  return span;
}

/** A node's span without trailing comments; null for missing or empty nodes (`key:` with no value). */
function spanOf(node: unknown): Span | null {
  const range = (node as Node | null)?.range;
  if (!range || range[1] <= range[0]) return null;
  return { start: range[0], end: range[1] };
}
