// The expressions of the abstract syntax tree (ast.ts): literals, paths, calls,
// operators and comparisons, as they appear in `when`, `where`, methods and map
// blocks. Spans and positions work as ast.ts describes.
import type { Name, Node } from './ast';

export type Expr =
  | NumberLit
  | StringLit
  | BoolLit
  | DurationLit
  | ListLit
  | Path
  | Call
  | Unary
  | Binary
  | Compare
  | Predicate
  | Between
  | IsSet
  | Logical
  | Paren;

export interface NumberLit extends Node {
  kind: 'Number';
  value: number;
  /** The literal as written (`750_000`), which the formatter keeps. */
  raw: string;
}

export interface StringLit extends Node {
  kind: 'String';
  value: string;
  /** The literal as written, quotes and escapes included. */
  raw: string;
}

export interface BoolLit extends Node {
  kind: 'Bool';
  value: boolean;
}

/** `30s`, `60m`, `2h`, `7d`. */
export interface DurationLit extends Node {
  kind: 'Duration';
  /** Milliseconds. */
  ms: number;
  raw: string;
}

export interface ListLit extends Node {
  kind: 'List';
  items: Expr[];
}

/** `lead.score`, `user.languages`, `payload.contact.email`: a head word and one or more segments. */
export interface Path extends Node {
  kind: 'Path';
  head: Name;
  segments: Name[];
}

export interface Call extends Node {
  kind: 'Call';
  callee: Name;
  args: Expr[];
}

export interface Unary extends Node {
  kind: 'Unary';
  op: '-' | 'not';
  operand: Expr;
}

/** Arithmetic, and `??` (first that is set) in map blocks. */
export interface Binary extends Node {
  kind: 'Binary';
  op: '+' | '-' | '*' | '/' | '??';
  left: Expr;
  right: Expr;
}

export interface Compare extends Node {
  kind: 'Compare';
  op: '==' | '!=' | '<' | '<=' | '>' | '>=';
  left: Expr;
  right: Expr;
}

/** `X in C`, `X not in C`, `L contains X`, `X starts_with P`, `X ends_with S`. */
export interface Predicate extends Node {
  kind: 'Predicate';
  op: 'in' | 'not in' | 'contains' | 'starts_with' | 'ends_with';
  left: Expr;
  right: Expr;
}

/** `X between A and B`, inclusive. */
export interface Between extends Node {
  kind: 'Between';
  value: Expr;
  low: Expr;
  high: Expr;
}

/** `X is set` / `X is not set`. */
export interface IsSet extends Node {
  kind: 'IsSet';
  value: Expr;
  negated: boolean;
}

/** A flat chain of one boolean operator at one level: `a and b and c`. */
export interface Logical extends Node {
  kind: 'Logical';
  op: 'and' | 'or';
  operands: Expr[];
}

/** Parentheses as written; kept so that the formatter and the and/or mixing rule see them. */
export interface Paren extends Node {
  kind: 'Paren';
  expr: Expr;
}
