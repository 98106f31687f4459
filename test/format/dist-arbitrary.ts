// A fast-check generator of valid `.dist` files for the formatter's property tests:
// a fixed pair of schemas plus random settings, map blocks and rules (clauses in
// random order, random conditions), rendered as atoms joined by random whitespace
// and comments — block and line comments, on their own lines or after code,
// between any two atoms. Every comment text is unique, so a lost or duplicated
// comment shows up in a multiset comparison.
import fc from 'fast-check';

/** A line of atoms (tokens, or short runs of tokens that belong together). */
type Line = string[];

/** A declaration: header atoms, body lines, closed by `}`. */
interface Decl {
  head: string[];
  body: Line[];
}

const pick = <T>(...xs: T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);

const str = pick('"Website"', '"Facebook Ads"', '"India"', '"New"', '"a \\"quoted\\" word"', '"Ünïcode ✓"', '""');
const num = pick('0', '5', '80', '0.5', '750_000', '10_000', '250');
const textField = pick('lead.source', 'lead.country', 'lead.status', 'lead.zip');
const numField = pick('lead.score', 'lead.price_max');
const cmp = pick('==', '!=', '<', '<=', '>', '>=');

const strList: fc.Arbitrary<string[]> = fc
  .array(str, { minLength: 1, maxLength: 3 })
  .map((xs) => ['[', ...xs.flatMap((x, i) => (i === 0 ? [x] : [',', x])), ']']);

/** A boolean condition that is not an and/or chain. */
const atom: fc.Arbitrary<string[]> = fc.oneof(
  fc.tuple(numField, cmp, num).map((t) => [...t]),
  fc.tuple(textField, pick('==', '!='), str).map((t) => [...t]),
  fc.tuple(textField, pick(['in'], ['not', 'in']), strList).map(([f, op, l]) => [f, ...op, ...l]),
  fc.tuple(numField, num, num).map(([f, a, b]) => [f, 'between', a, 'and', b]),
  fc.tuple(textField, fc.boolean()).map(([f, neg]) => [f, 'is', ...(neg ? ['not'] : []), 'set']),
  fc.tuple(textField, pick('starts_with', 'ends_with'), str).map((t) => [...t]),
  fc.tuple(textField, str).map(([f, s]) => ['lower', '(', f, ')', '==', s]),
  fc.tuple(numField, num, num).map(([f, a, b]) => [f, '*', a, '-', '(', b, '+', '-', f, ')', '>', a]),
  fc.tuple(numField, cmp).map(([f, op]) => ['hours_since', '(', 'lead.created_at', ')', op, f]),
);

/** Conditions: atoms, `not (…)`, and and/or chains whose mixed operands are parenthesised. */
function condition(depth: number): fc.Arbitrary<string[]> {
  if (depth <= 0) return atom;
  const operand = fc.oneof(
    { weight: 4, arbitrary: atom },
    { weight: 2, arbitrary: condition(depth - 1).map((c) => ['(', ...c, ')']) },
    { weight: 1, arbitrary: condition(depth - 1).map((c) => ['not', '(', ...c, ')']) },
  );
  const chain = fc
    .tuple(pick('and', 'or'), fc.array(operand, { minLength: 2, maxLength: 6 }))
    .map(([op, ops]) => ops.flatMap((o, i) => (i === 0 ? o : [op, ...o])));
  return fc.oneof({ weight: 1, arbitrary: atom }, { weight: 3, arbitrary: chain });
}

const userCondition: fc.Arbitrary<string[]> = fc
  .array(
    pick(
      ['user.department', '==', '"Inside Sales"'],
      ['lead.source', 'in', 'user.languages'],
      ['distance', '(', 'lead.location', ',', 'user.location', ')', '<=', '50'],
      ['lead.price_max', 'between', 'user.price_min', 'and', 'user.price_max'],
      ['user.grade', '==', '"A"'],
    ),
    { minLength: 1, maxLength: 3 },
  )
  .chain((ops) => pick('and', 'or').map((op) => ops.flatMap((o, i) => (i === 0 ? o : [op, ...o]))));

const users = ['"ana@acme.test"', '"bob@acme.test"', '"cy@acme.test"'];
const listed = (xs: string[]): string[] => xs.flatMap((x, i) => (i === 0 ? [x] : [',', x]));

/** A rule's clauses in random order; `n` makes its name and priority unique. */
function rule(n: number): fc.Arbitrary<Decl> {
  const pool = fc.subarray(users, { minLength: 1 });
  const clauses = fc.record({
    description: fc.option(str.map((s) => ['description', s])),
    status: fc.option(pick('active', 'draft', 'inactive').map((s) => ['status', s])),
    scope: fc.option(pick(['scope', 'global'], ['scope', 'team', '"Sales East"'])),
    on: pick(['on', 'lead.created'], ['on', 'lead.created', ',', 'lead.updated', '(', 'status', ',', 'score', ')']),
    when: fc.option(condition(2).map((c) => ['when', ...c])),
    assign: fc.oneof(
      pool.map((p) => ({ pool: p, line: ['assign', 'users', ...listed(p)] })),
      fc.tuple(pool, fc.boolean(), userCondition).map(([p, both, c]) => ({
        pool: both ? p : [],
        line: ['assign', 'users', ...(both ? listed(p) : []), 'where', ...c],
      })),
      fc.constant({ pool: [], line: ['assign', 'anyone'] }),
    ),
    require: fc.option(
      fc
        .subarray([['checked_in'], ['available'], ['workday', 'within', '120h'], ['holidays'], ['leave']], { minLength: 1 })
        .map((xs) => ['require', ...xs.flatMap((x, i) => (i === 0 ? x : [',', ...x]))]),
    ),
    method: fc.oneof(
      pick(['round_robin'], ['least_recent'], ['load_balance'], ['random']),
      fc.constant(['weighted', 'by', 'user.grade', '{', '"A"', ':', '50', ',', '"B"', ':', '30', ',', '"C"', ':', '20', '}']),
      pick(['score', 'user.quality_score', '*', '10', '-', 'user.open_load'], ['ordered', 'by', 'user.quality_score', 'desc', ',', 'user.price_min']),
      fc.constant(['weighted', '{', 'POOL', '}']),
    ),
    take: fc.option(pick(['take', '1'], ['take', '3', 'min', '2'])),
    expect: fc.option(pick(['expect', '200', 'per', 'day'], ['expect', '5', 'per', 'hour'])),
    fallback: fc.option(pick(['fallback', 'user', '"ana@acme.test"'], ['fallback', 'queue', '"triage"', 'retry', 'every', '15m', 'for', '24h'])),
    reassign: fc.option(
      fc.tuple(condition(1), fc.boolean()).map(([c, max]) => ['reassign', 'after', '60m', 'when', ...c, ...(max ? ['max', '2'] : [])]),
    ),
  });
  return fc.tuple(clauses, fc.nat()).map(([c, seed]) => {
    let method: string[] = [...c.method];
    if (method.includes('POOL')) {
      const keys = c.assign.pool.length > 0 ? c.assign.pool : null;
      method = keys
        ? ['weighted', '{', ...keys.flatMap((k, i) => [...(i === 0 ? [] : [',']), k, ':', String(i + 1)]), '}']
        : ['round_robin'];
    }
    const lines = [
      ['priority', String((n + 1) * 10)],
      c.description,
      c.status,
      c.scope,
      c.on,
      c.when,
      c.assign.line,
      c.require,
      ['distribute', ...method],
      c.take,
      c.expect,
      c.fallback,
      c.reassign,
    ].filter((l): l is string[] => l !== null);
    return { head: ['rule', `"Rule ${n}"`], body: shuffle(lines, seed) };
  });
}

/** A deterministic shuffle driven by one generated number. */
function shuffle<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let s = seed || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const schemas: Decl[] = [
  {
    head: ['schema', 'lead'],
    body: [
      ['source', ':', 'text'], ['country', ':', 'text'], ['status', ':', 'text'], ['zip', ':', 'text'],
      ['score', ':', 'number'], ['price_max', ':', 'number'], ['location', ':', 'geo'], ['created_at', ':', 'time'],
    ],
  },
  {
    head: ['schema', 'user'],
    body: [
      ['department', ':', 'text'], ['grade', ':', 'choice', '(', '"A"', ',', '"B"', ',', '"C"', ')'],
      ['languages', ':', 'list', '(', 'text', ')'], ['price_min', ':', 'number'], ['price_max', ':', 'number'],
      ['quality_score', ':', 'number'], ['location', ':', 'geo'], ['max_open', ':', 'number'],
    ],
  },
];

const settings: fc.Arbitrary<Decl> = fc
  .tuple(
    fc.subarray([
      ['timezone', '"Asia/Kolkata"'], ['trigger', 'entity'], ['capacity', 'user.max_open'],
      ['quota', 'daily', '20'], ['quota', 'hourly', '5'], ['expect', '500', 'per', 'day'], ['unmatched', 'queue', '"triage"'],
    ]),
    fc.nat(),
  )
  .map(([body, seed]) => ({ head: ['settings'], body: shuffle(body, seed) }));

const mapDecl: Decl = {
  head: ['map', 'lead', 'from', '"website-form"'],
  body: [
    ['source', '=', 'payload.source'],
    ['zip', '=', 'left', '(', 'digits', '(', 'payload.zip', ')', ',', '5', ')'],
    ['status', '=', 'lower', '(', 'trim', '(', 'payload.status', ')', ')'],
    ['on', 'invalid', 'queue', '"rejected"'],
    ['country', '=', 'payload.country', '??', 'payload.nation'],
  ],
};

/** Whitespace and comments between two atoms; `{n}` is replaced by a unique number. */
const GAPS = [' ', ' ', ' ', '  ', '\t', '\n', '\n    ', '\n\n', '/*c{n}*/', ' /* c{n} */ ', ' // c{n}\n', '\n// c{n}  \n', '\n/* c{n}\n   spans lines */\n', '\n\n// c{n}\n\n'];
/** Separators between lines: always at least one line break. */
const BREAKS = ['\n', '\n', '\n', '\n\n', '\n\n\n', ' // c{n}\n', '\n  // c{n}\n', '\n/* c{n} */\n', ' /* c{n} */\n', '\n\n  // c{n}\n\n  '];

const commented = (table: string[]): string[] => table.filter((t) => t.includes('{n}'));

/**
 * Renders declarations, drawing each separator from `choices` (as indexes, cycled);
 * `dense`: every separator is a comment (a comment between every two atoms).
 */
function render(decls: Decl[], choices: number[], header: boolean, footer: boolean, dense: boolean): string {
  let k = 0;
  let comment = 0;
  const gaps = dense ? commented(GAPS) : GAPS;
  const breaks = dense ? commented(BREAKS) : BREAKS;
  const next = (table: string[]): string => {
    const choice = choices.length > 0 ? choices[k++ % choices.length]! : 0;
    return table[choice % table.length]!.replace('{n}', String(++comment));
  };
  // Dotted names are split, so that comments land inside paths and events too.
  const split = (x: string): string[] => (/^\w+(\.\w+)+$/.test(x) && !/^\d/.test(x) ? x.split(/(\.)/) : [x]);
  const atoms = (xs: string[]): string =>
    xs
      .flatMap(split)
      .map((x, i) => (i === 0 ? x : next(gaps) + x))
      .join('');
  let out = header ? `// header ${++comment}\n` : '';
  decls.forEach((d, i) => {
    if (i > 0) out += next(breaks);
    out += atoms([...d.head, '{']);
    for (const line of d.body) out += next(breaks) + atoms(line);
    out += next(breaks) + '}';
  });
  if (footer) out += `\n// footer ${++comment}`;
  return out + '\n';
}

/** A generated file: its text, and whether to write it with CRLF line endings. */
export interface GeneratedFile {
  text: string;
  crlf: boolean;
}

/** Valid `.dist` files with random layout and comments everywhere. */
export const distFile: fc.Arbitrary<GeneratedFile> = fc
  .integer({ min: 1, max: 3 })
  .chain((n) =>
    fc.record({
      rules: fc.tuple(...Array.from({ length: n }, (_, i) => rule(i))),
      settings: fc.option(settings),
      withMap: fc.boolean(),
      choices: fc.array(fc.nat({ max: 40 }), { maxLength: 60 }),
      header: fc.boolean(),
      footer: fc.boolean(),
      crlf: fc.boolean(),
      dense: fc.boolean(),
    }),
  )
  .map((g) => {
    const decls = [...schemas, ...(g.settings ? [g.settings] : []), ...(g.withMap ? [mapDecl] : []), ...g.rules];
    const text = render(decls, g.choices, g.header, g.footer, g.dense);
    return { text: g.crlf ? text.replace(/\n/g, '\r\n') : text, crlf: g.crlf };
  });
