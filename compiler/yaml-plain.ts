// Turning a parsed YAML document (directory.yaml, dist.yaml, scenario suites)
// into plain data with its aliases checked first, in one linear pass: every
// alias names an anchor before it, none sits inside the node it names, a
// document has at most MAX_ALIASES of them, and they expand it to at most
// MAX_EXPANDED_VALUES values (no "billion laughs"). The `yaml` library resolves
// each alias by scanning the anchors before it, so its own checks grow with the
// square of the alias count; with the count bounded here that stays fast.
import { isAlias, isCollection, isPair, parseDocument, visit, type Alias, type Document, type Node } from 'yaml';
import type { Span } from '../language/ast';

/** The most aliases (`*name`) one document may hold. */
export const MAX_ALIASES = 1000;
/** The most values a document may expand to through its aliases. */
export const MAX_EXPANDED_VALUES = 1_000_000;

/** A problem with a document's aliases, at the alias. */
export interface YamlProblem {
  span: Span;
  message: string;
}

/** The document's plain value (null for an empty one), or what is wrong with its aliases. Call only on a document without syntax errors. */
export function toPlain(doc: Document): { value: unknown } | { problems: YamlProblem[] } {
  const { targets, problems } = resolveAliases(doc);
  if (problems.length > 0) return { problems };
  const too = expandsTooFar(doc, targets);
  if (too) return { problems: [too] };
  try {
    return { value: doc.toJS({ maxAliasCount: -1 }) };
  } catch (error) {
    return { problems: [{ span: { start: 0, end: 0 }, message: `invalid YAML: ${(error as Error).message.split('\n')[0]}` }] };
  }
}

/** Parses `text` (YAML 1.2 core schema) into plain data; throws an Error with the first problem. */
export function parsePlain(text: string): unknown {
  const doc = parseDocument(text, { schema: 'core', prettyErrors: false });
  const [syntax] = doc.errors;
  if (syntax) throw new Error(`invalid YAML: ${syntax.message.split('\n')[0]}`);
  const plain = toPlain(doc);
  if ('problems' in plain) throw new Error(plain.problems[0]!.message);
  return plain.value;
}

/** Each alias's anchored node, found in document order; problems for missing anchors, cycles and too many aliases. */
function resolveAliases(doc: Document): { targets: Map<Alias, Node>; problems: YamlProblem[] } {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node>();
  const problems: YamlProblem[] = [];
  let aliases = 0;
  visit(doc, {
    Node(_key, node, path) {
      if (!isAlias(node)) {
        if (node.anchor) anchors.set(node.anchor, node);
        return undefined;
      }
      const span = spanOf(node);
      if (++aliases > MAX_ALIASES) {
        problems.push({ span, message: `this document has more than ${MAX_ALIASES} aliases (\`*${node.source}\`…); write the values out instead` });
        return visit.BREAK;
      }
      const target = anchors.get(node.source);
      if (!target) problems.push({ span, message: `alias \`*${node.source}\` has no anchor before it; define \`&${node.source}\` first` });
      else if (isCollection(target) && path.includes(target)) problems.push({ span, message: 'this alias refers to a node that contains it; remove the cycle' });
      else targets.set(node, target);
      return undefined;
    },
  });
  return { targets, problems };
}

/** A problem, at the alias that expands furthest, when the aliases make the document more than MAX_EXPANDED_VALUES values (sizes memoised per node: linear). */
function expandsTooFar(doc: Document, targets: ReadonlyMap<Alias, Node>): YamlProblem | null {
  const sizes = new Map<unknown, number>();
  const size = (node: unknown): number => {
    if (node === null || node === undefined) return 0;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    let total = 1;
    if (isAlias(node)) total = size(targets.get(node));
    else if (isPair(node)) total = size(node.key) + size(node.value);
    else if (isCollection(node)) for (const item of node.items) total += size(item);
    total = Math.min(total, MAX_EXPANDED_VALUES + 1);
    sizes.set(node, total);
    return total;
  };
  if (size(doc.contents) <= MAX_EXPANDED_VALUES) return null;
  let furthest: Alias | null = null;
  for (const alias of targets.keys()) if (furthest === null || size(alias) > size(furthest)) furthest = alias;
  const message = `the aliases of this document expand it to more than ${MAX_EXPANDED_VALUES.toLocaleString('en')} values; use fewer aliases`;
  return { span: furthest ? spanOf(furthest) : { start: 0, end: 0 }, message };
}

function spanOf(node: Node): Span {
  return node.range ? { start: node.range[0], end: node.range[1] } : { start: 0, end: 0 };
}
