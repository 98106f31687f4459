// The fast YAML path (compiler/yaml-fast.ts) against the positioned one: whatever
// it reads, it reads as the `yaml` library's core schema does, and a text that
// library rejects or whose aliases it must check is never read fast. Generated
// documents of tricky scalars in block and flow style, then mangled by random
// edits, plus every YAML file of the examples.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fastPlain } from '../../compiler/yaml-fast';
import { toPlain } from '../../compiler/yaml-plain';

/** What the positioned path reads: the plain value, or undefined when it reports a problem. */
function slowPlain(text: string): { value: unknown } | undefined {
  const doc = parseDocument(text, { schema: 'core', prettyErrors: false });
  if (doc.errors.length > 0) return undefined;
  const plain = toPlain(doc);
  return 'problems' in plain ? undefined : plain;
}

function agrees(text: string): void {
  const fast = fastPlain(text);
  if (fast === undefined) return;
  expect(slowPlain(text), `fast path read ${JSON.stringify(text)}`).toEqual(fast);
}

/** Scalars of the plain shapes the fast path reads, and rarer ones it leaves to the positioned path. */
const SCALARS = [
  'ana', 'Sales East', '1', '-12', '+7', '007', '1_000', '0o17', '0o8', '0x1F', '0X1f', '1.5', '.5', '5.', '1e3', '1E-2', '.5e1', '1.e3',
  '.inf', '-.Inf', '+.INF', '.nan', '.NaN', 'nan', 'true', 'True', 'TRUE', 'tRUE', 'yes', 'no', 'on', 'off', 'null', 'Null', 'NULL', '~', '',
  '"quoted"', "'single'", '"esc\\n\\t\\u00e9"', "'it''s'", '"a: b"', '2024-01-05', '12:30', '1:20', 'a # b', '"#"', 'ana@acme.test', 'R&D',
  'x*y', 'é ü', '"\\x41"', 'http://a.test/x', '[]', '{}', '[a, b]', '{a: 1}',
];
const ODD = ['a#b', '!!str 12', '!!int 12', '*', '-', '- x', '? x', '|', '>', '@at', '`tick`', '%pct', '&a x', '*a', '|\n  text', '>-\n  folded'];
const scalar = fc.oneof({ arbitrary: fc.constantFrom(...SCALARS), weight: 20 }, { arbitrary: fc.constantFrom(...ODD), weight: 1 });
const key = fc.oneof(
  { arbitrary: fc.constantFrom('id', 'name', 'teams', 'members', 'users', 'fields', 'grade', '1', 'true', '"quoted key"', "'q'", 'a b', '0x1F', '1.0', '__proto__'), weight: 20 },
  { arbitrary: fc.constantFrom('', 'null', '~', '[a]', '{a: 1}', '? k', '&k a', '!!str k'), weight: 1 },
);

type Tree = { s: string } | { seq: Tree[] } | { map: [string, Tree][] };
const { tree } = fc.letrec<{ tree: Tree; seq: Tree; map: Tree }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar.map((s) => ({ s })), tie('seq'), tie('map')),
  seq: fc.array(tie('tree'), { maxLength: 4 }).map((seq) => ({ seq })),
  map: fc.array(fc.tuple(key, tie('tree')), { maxLength: 4 }).map((map) => ({ map })),
}));

function flow(t: Tree): string {
  if ('s' in t) return t.s;
  if ('map' in t) return `{${t.map.map(([k, v]) => `${k}: ${flow(v)}`).join(', ')}}`;
  return `[${t.seq.map(flow).join(', ')}]`;
}

const isEmpty = (t: Tree) => ('map' in t ? t.map.length === 0 : 'seq' in t && t.seq.length === 0);

/** Block style down to depth `flowAt`, flow style below it; seq items that are maps start on the dash line. */
function block(t: Tree, indent: string, flowAt: number): string[] {
  if ('map' in t) {
    return t.map.flatMap(([k, v]) =>
      's' in v || flowAt <= 1 || isEmpty(v) ? [`${indent}${k}: ${flow(v)}`] : [`${indent}${k}:`, ...block(v, `${indent}  `, flowAt - 1)],
    );
  }
  if ('seq' in t) {
    return t.seq.flatMap((v) => {
      if (!('map' in v) || flowAt <= 1 || isEmpty(v)) return [`${indent}- ${flow(v)}`];
      const [first, ...rest] = block(v, `${indent}  `, flowAt - 1);
      return [`${indent}- ${first!.trimStart()}`, ...rest];
    });
  }
  return [flow(t)];
}

const document = fc.tuple(tree, fc.integer({ min: 1, max: 4 })).map(([t, flowAt]) => `${block(t, '', flowAt).join('\n')}\n`);
const NOISE = [':', ': ', '- ', '-', '[', ']', '{', '}', ',', '#', "'", '"', '\t', '\n', '\n  ', ' ', '!', '&a ', '*a', '? ', '|', '>', '---\n', '...\n', '%YAML 1.1\n', '\\', 'x'];
const mangled = fc.tuple(document, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...NOISE), fc.nat({ max: 2 })), { maxLength: 2 })).map(([text, edits]) => {
  let out = text;
  for (const [at, noise, cut] of edits) {
    const i = out.length === 0 ? 0 : at % (out.length + 1);
    out = out.slice(0, i) + noise + out.slice(i + cut);
  }
  return out;
});

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return yamlFiles(full);
    return e.name.endsWith('.yaml') ? [full] : [];
  });
}

describe('the fast YAML path', () => {
  it('reads generated documents as the positioned path does', () => {
    fc.assert(fc.property(document, agrees), { numRuns: 3000 });
  });

  it('reads nothing the positioned path rejects, and the rest alike, after random edits', () => {
    fc.assert(fc.property(mangled, agrees), { numRuns: 5000, examples: [['an:\n\t']] });
  });

  it('reads the YAML files of the examples as the positioned path does, every directory.yaml among them', () => {
    const files = yamlFiles(path.resolve(import.meta.dirname, '../../examples'));
    const directories = files.filter((f) => f.endsWith('directory.yaml'));
    expect(directories.length).toBeGreaterThan(5);
    for (const file of files) agrees(readFileSync(file, 'utf8'));
    for (const file of directories) expect(fastPlain(readFileSync(file, 'utf8')), file).toBeDefined();
  });

  it('leaves anchors, aliases and directives to the positioned path', () => {
    expect(fastPlain('teams: &none []\nusers:\n  - { id: a, teams: *none }\n')).toBeUndefined();
    expect(fastPlain('%YAML 1.1\n---\na: yes\n')).toBeUndefined();
    expect(fastPlain('a: 1\na: 2\n')).toBeUndefined();
    expect(fastPlain('')).toEqual({ value: null });
    expect(fastPlain('a: 1_000\nb: 0o17\nc: yes\nd: ~\n')).toEqual({ value: { a: '1_000', b: 15, c: 'yes', d: null } });
  });
});
