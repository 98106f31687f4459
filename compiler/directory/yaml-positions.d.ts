import { type Document } from 'yaml';
import type { Span } from '../../language/ast';
import type { PathSegment } from './issues';
/**
 * The span of the value at `path` (or of its key when `onKey`); when the path
 * leaves the document (a missing key, an alias) the deepest node reached.
 */
export declare function spanOfPath(doc: Document, path: readonly PathSegment[], onKey?: boolean): Span;
