// Compiles an IR expression once into a tree of JavaScript closures, so that a
// rule's conditions, scores and pool filters run without re-walking the IR on
// every decision. Semantics: operations.ts and functions.ts.
import type { Expr } from '../../compiler/ir';
import { USER_BUILTIN_FIELDS, walkPath, type EvalContext, type Value } from './context';
import { callFunction } from './functions';
import { arithmetic, member, ordered, valuesEqual } from './operations';

/** A compiled expression. */
export type Compiled = (ctx: EvalContext) => Value;
/** A compiled condition: true only when the expression is exactly `true`. */
export type CompiledCondition = (ctx: EvalContext) => boolean;

/** Compiles an expression to a closure returning its value (undefined: unset). */
export function compileExpr(expr: Expr): Compiled {
  switch (expr.op) {
    case 'lit': {
      const value = expr.value as Value;
      return () => value;
    }
    case 'duration': {
      const ms = expr.ms;
      return () => ms;
    }
    case 'field':
      return compileField(expr.entity, expr.path);
    case 'list': {
      const items = expr.items.map(compileExpr);
      return (ctx) => items.map((item) => item(ctx));
    }
    case 'call': {
      const fn = expr.fn;
      const args = expr.args.map(compileExpr);
      return (ctx) => callFunction(fn, args.map((a) => a(ctx)), ctx.now);
    }
    case 'neg': {
      const arg = compileExpr(expr.arg);
      return (ctx) => {
        const v = arg(ctx);
        return typeof v === 'number' ? -v : undefined;
      };
    }
    case 'arith': {
      const { operator } = expr;
      const left = compileExpr(expr.left);
      const right = compileExpr(expr.right);
      return (ctx) => arithmetic(operator, left(ctx), right(ctx));
    }
    case 'coalesce': {
      const args = expr.args.map(compileExpr);
      return (ctx) => {
        for (const a of args) {
          const v = a(ctx);
          if (v !== undefined) return v;
        }
        return undefined;
      };
    }
    default:
      return compileCondition(expr);
  }
}

/** Compiles a boolean expression; anything but `true` (unset included) counts as false. */
export function compileCondition(expr: Expr): CompiledCondition {
  switch (expr.op) {
    case 'cmp': {
      const left = compileExpr(expr.left);
      const right = compileExpr(expr.right);
      switch (expr.operator) {
        case '==':
          return (ctx) => valuesEqual(left(ctx), right(ctx));
        case '!=':
          return (ctx) => {
            const a = left(ctx);
            const b = right(ctx);
            return a !== undefined && b !== undefined && !valuesEqual(a, b);
          };
        default: {
          const op = expr.operator;
          return (ctx) => ordered(op, left(ctx), right(ctx));
        }
      }
    }
    case 'in': {
      const value = compileExpr(expr.value);
      const collection = compileExpr(expr.collection);
      const negated = expr.negated;
      return (ctx) => {
        const r = member(value(ctx), collection(ctx));
        return r === undefined ? false : r !== negated;
      };
    }
    case 'contains': {
      const collection = compileExpr(expr.collection);
      const value = compileExpr(expr.value);
      return (ctx) => member(value(ctx), collection(ctx)) === true;
    }
    case 'starts_with':
    case 'ends_with': {
      const text = compileExpr(expr.text);
      const affix = compileExpr(expr.affix);
      const starts = expr.op === 'starts_with';
      return (ctx) => {
        const t = text(ctx);
        const a = affix(ctx);
        if (typeof t !== 'string' || typeof a !== 'string') return false;
        return starts ? t.startsWith(a) : t.endsWith(a);
      };
    }
    case 'between': {
      const value = compileExpr(expr.value);
      const low = compileExpr(expr.low);
      const high = compileExpr(expr.high);
      return (ctx) => {
        const v = value(ctx);
        return ordered('>=', v, low(ctx)) && ordered('<=', v, high(ctx));
      };
    }
    case 'is_set': {
      const value = compileExpr(expr.value);
      const negated = expr.negated;
      return (ctx) => (value(ctx) !== undefined) !== negated;
    }
    case 'and': {
      const args = expr.args.map(compileCondition);
      return (ctx) => {
        for (const a of args) if (!a(ctx)) return false;
        return true;
      };
    }
    case 'or': {
      const args = expr.args.map(compileCondition);
      return (ctx) => {
        for (const a of args) if (a(ctx)) return true;
        return false;
      };
    }
    case 'not': {
      const arg = compileCondition(expr.arg);
      return (ctx) => !arg(ctx);
    }
    default: {
      const value = compileExpr(expr);
      return (ctx) => value(ctx) === true;
    }
  }
}

function compileField(entity: string, path: readonly string[]): Compiled {
  const [head = ''] = path;
  const rest = path.length > 1;
  if (entity === 'payload') return (ctx) => walkPath(ctx.payload, path, 0);
  if (entity === 'user') {
    const builtin = USER_BUILTIN_FIELDS.get(head);
    if (builtin) {
      return rest
        ? (ctx) => (ctx.user ? walkPath(ctx.user[builtin], path, 1) : undefined)
        : (ctx) => (ctx.user ? ((ctx.user[builtin] ?? undefined) as Value) : undefined);
    }
    return (ctx) => (ctx.user ? walkPath(ctx.user.fields, path, 0) : undefined);
  }
  if (head === 'id' && !rest) return (ctx) => ctx.record?.id;
  if (head === 'owner' && !rest) return (ctx) => ctx.record?.owner;
  return (ctx) => (ctx.record ? walkPath(ctx.record.fields, path, 0) : undefined);
}
