// The type rules, one per expression kind: each returns the node's type, or null
// after reporting a mistake (or when a part already failed, so that one mistake
// gives one message). Children are typed before their parents (see typecheck.ts).
import type { Expr } from '../../language/ast';
import type { Diagnostic, DiagnosticCode } from '../../language/diagnostics';
import type { FunctionName } from '../ir';
import type { CompileContext, ExprSite } from './context';
import { SIGNATURES, showSignature } from './functions';
import { closest, didYouMean, suggestionData } from '../../language/suggest';
import { ANY, BOOL, DURATION, NUMBER, TEXT, compatible, isOrdered, isTextual, showType, type Type } from './types';

/** What a type rule may use: the types of sub-expressions, quoting and reporting. */
export interface Checker {
  ctx: CompileContext;
  site: ExprSite;
  /** The type of a sub-expression (already computed), null when it has an error. */
  typeOf(e: Expr): Type | null;
  /** The expression's source text in backticks, shortened when long. */
  quote(e: Expr): string;
  report(code: DiagnosticCode, e: Expr, message: string, extra?: Pick<Diagnostic, 'data'>): null;
}

type KindOf<K extends Expr['kind']> = Extract<Expr, { kind: K }>;
type TypeRule<K extends Expr['kind']> = (e: KindOf<K>, c: Checker) => Type | null;

/** `is \`number\`` for messages. */
const is = (t: Type): string => `is \`${showType(t)}\``;

/** The value of a string literal, looking through parentheses. */
function stringValue(e: Expr): string | null {
  if (e.kind === 'Paren') return stringValue(e.expr);
  return e.kind === 'String' ? e.value : null;
}

/** False (after reporting DIST208) when `lit` is a text literal that is not an option of `of`, of choice type `t`. */
export function choiceOk(c: Checker, t: Type, of: Expr | string, lit: Expr): boolean {
  const value = stringValue(lit);
  if (t.type !== 'choice' || value === null || t.options.includes(value)) return true;
  const suggestion = closest(value, t.options);
  const options = t.options.map((o) => `\`${JSON.stringify(o)}\``).join(', ');
  const hint = didYouMean(suggestion, (s) => `\`${JSON.stringify(s)}\``, `use one of ${options}`);
  c.report('DIST208', lit, `${c.quote(lit)} is not an option of ${typeof of === 'string' ? of : c.quote(of)}${hint}`, suggestionData(suggestion, lit.kind === 'String' ? lit : undefined));
  return false;
}

/** All types, or null when any is missing. */
function all(c: Checker, es: Expr[]): Type[] | null {
  const types: Type[] = [];
  let ok = true;
  for (const e of es) {
    const t = c.typeOf(e);
    if (t) types.push(t);
    else ok = false;
  }
  return ok ? types : null;
}

function listType(e: KindOf<'List'>, c: Checker): Type | null {
  const types = all(c, e.items);
  if (!types) return null;
  let element: Type = ANY;
  for (const [i, t] of types.entries()) {
    if (!compatible(element, t)) {
      return c.report('DIST201', e.items[i]!, `list items must have one type: ${c.quote(e.items[i]!)} ${is(t)} but earlier items are \`${showType(element)}\``);
    }
    if (element.type === 'any') element = t;
  }
  return { type: 'list', element };
}

function callType(e: KindOf<'Call'>, c: Checker): Type | null {
  const types = all(c, e.args);
  const sig = SIGNATURES.get(e.callee.text as FunctionName);
  if (!types || !sig) return null;
  const name = e.callee.text;
  const min = sig.params.length + (sig.rest ? 1 : 0);
  if (types.length < min || (!sig.rest && types.length > sig.params.length)) {
    const count = sig.rest ? `at least ${min} argument${min === 1 ? '' : 's'}` : `${min} argument${min === 1 ? '' : 's'}`;
    return c.report('DIST203', e, `\`${name}\` takes ${count}, not ${types.length}; write \`${showSignature(name, sig)}\``);
  }
  for (const [i, t] of types.entries()) {
    const param = sig.params[i] ?? sig.rest!;
    if (!param.accepts(t)) {
      const message = `argument ${i + 1} of \`${name}\` must be ${param.show}, but ${c.quote(e.args[i]!)} ${is(t)}; write \`${showSignature(name, sig)}\``;
      return c.report('DIST203', e.args[i]!, message);
    }
  }
  return sig.returns;
}

function unaryType(e: KindOf<'Unary'>, c: Checker): Type | null {
  const t = c.typeOf(e.operand);
  if (!t) return null;
  if (e.op === 'not') {
    if (t.type === 'bool' || t.type === 'any') return BOOL;
    return c.report('DIST202', e.operand, `\`not\` needs a condition, but ${c.quote(e.operand)} ${is(t)}; compare it with a value first`);
  }
  if (t.type === 'number' || t.type === 'duration' || t.type === 'any') return t.type === 'any' ? NUMBER : t;
  return c.report('DIST201', e.operand, `unary \`-\` needs a number, but ${c.quote(e.operand)} ${is(t)}`);
}

function numeric(t: Type): boolean {
  return t.type === 'number' || t.type === 'any';
}

function durational(t: Type): boolean {
  return t.type === 'duration' || t.type === 'any';
}

function binaryType(e: KindOf<'Binary'>, c: Checker): Type | null {
  const l = c.typeOf(e.left);
  const r = c.typeOf(e.right);
  if (!l || !r) return null;
  if (e.op === '??') {
    if (compatible(l, r)) return l.type === 'any' ? r : l;
    return c.report('DIST201', e, `both sides of \`??\` must have one type, but ${c.quote(e.left)} ${is(l)} and ${c.quote(e.right)} ${is(r)}`);
  }
  if (numeric(l) && numeric(r)) return NUMBER;
  if ((e.op === '+' || e.op === '-') && durational(l) && durational(r)) return DURATION;
  const bad = numeric(l) || durational(l) ? e.right : e.left;
  const badType = bad === e.left ? l : r;
  return c.report('DIST201', bad, `\`${e.op}\` works on numbers (\`+\` and \`-\` also on two durations), but ${c.quote(bad)} ${is(badType)}`);
}

function compareType(e: KindOf<'Compare'>, c: Checker): Type | null {
  const l = c.typeOf(e.left);
  const r = c.typeOf(e.right);
  if (!l || !r) return null;
  if (e.op === '==' || e.op === '!=') {
    if (!compatible(l, r)) {
      return c.report('DIST201', e, `${c.quote(e.left)} ${is(l)} and ${c.quote(e.right)} ${is(r)}; compare values of one type`);
    }
    return choiceOk(c, l, e.left, e.right) && choiceOk(c, r, e.right, e.left) ? BOOL : null;
  }
  const bad = !isOrdered(l) ? e.left : !isOrdered(r) ? e.right : null;
  if (bad) {
    const message = `\`${e.op}\` compares numbers, times or durations, but ${c.quote(bad)} ${is(bad === e.left ? l : r)}; use \`==\` or \`!=\` for other values`;
    return c.report('DIST201', bad, message);
  }
  if (!compatible(l, r)) return c.report('DIST201', e, `${c.quote(e.left)} ${is(l)} and ${c.quote(e.right)} ${is(r)}; compare values of one type`);
  return BOOL;
}

function predicateType(e: KindOf<'Predicate'>, c: Checker): Type | null {
  const l = c.typeOf(e.left);
  const r = c.typeOf(e.right);
  if (!l || !r) return null;
  if (e.op === 'starts_with' || e.op === 'ends_with') {
    const bad = !isTextual(l) ? e.left : !isTextual(r) ? e.right : null;
    if (!bad) return BOOL;
    return c.report('DIST201', bad, `\`${e.op}\` works on text, but ${c.quote(bad)} ${is(bad === e.left ? l : r)}`);
  }
  const [value, list, valueType, listTypeOf] = e.op === 'contains' ? [e.right, e.left, r, l] : [e.left, e.right, l, r];
  if (listTypeOf.type !== 'list' && listTypeOf.type !== 'any') {
    const example = e.op === 'contains' ? '`user.languages contains lead.language`' : '`lead.city in ["Pune", "Delhi"]`';
    return c.report('DIST201', list, `\`${e.op}\` needs a list, but ${c.quote(list)} ${is(listTypeOf)}; write e.g. ${example}`);
  }
  const element = listTypeOf.type === 'list' ? listTypeOf.element : ANY;
  if (!compatible(valueType, element)) {
    return c.report('DIST201', e, `${c.quote(value)} ${is(valueType)} but ${c.quote(list)} holds \`${showType(element)}\`; compare values of one type`);
  }
  // Text literals meeting a choice must be among its options.
  if (valueType.type === 'choice') {
    const items = list.kind === 'List' ? list.items : [];
    return items.filter((item) => !choiceOk(c, valueType, value, item)).length === 0 ? BOOL : null;
  }
  return element.type === 'choice' && !choiceOk(c, element, list, value) ? null : BOOL;
}

function betweenType(e: KindOf<'Between'>, c: Checker): Type | null {
  const types = all(c, [e.value, e.low, e.high]);
  if (!types) return null;
  const parts = [e.value, e.low, e.high];
  const badIndex = types.findIndex((t) => !isOrdered(t));
  if (badIndex >= 0) {
    return c.report('DIST201', parts[badIndex]!, `\`between\` works on numbers, times or durations, but ${c.quote(parts[badIndex]!)} ${is(types[badIndex]!)}`);
  }
  const [v, lo, hi] = types as [Type, Type, Type];
  if (compatible(v, lo) && compatible(v, hi) && compatible(lo, hi)) return BOOL;
  return c.report('DIST201', e, `${c.quote(e.value)}, ${c.quote(e.low)} and ${c.quote(e.high)} must have one type; they are \`${showType(v)}\`, \`${showType(lo)}\` and \`${showType(hi)}\``);
}

function logicalType(e: KindOf<'Logical'>, c: Checker): Type | null {
  let ok = true;
  for (const operand of e.operands) {
    const t = c.typeOf(operand);
    if (!t) ok = false;
    else if (t.type !== 'bool' && t.type !== 'any') {
      c.report('DIST202', operand, `\`${e.op}\` joins conditions, but ${c.quote(operand)} ${is(t)}; compare it with a value`);
      ok = false;
    }
  }
  return ok ? BOOL : null;
}

/** The type rule of every expression kind. */
export const TYPE_RULES: { [K in Expr['kind']]: TypeRule<K> } = {
  Number: () => NUMBER,
  String: () => TEXT,
  Bool: () => BOOL,
  Duration: () => DURATION,
  List: listType,
  Path: (e, c) => c.ctx.pathTypes.get(e) ?? null,
  Call: callType,
  Unary: unaryType,
  Binary: binaryType,
  Compare: compareType,
  Predicate: predicateType,
  Between: betweenType,
  IsSet: (e, c) => (c.typeOf(e.value) ? BOOL : null),
  Logical: logicalType,
  Paren: (e, c) => c.typeOf(e.expr),
};
