// The part of the `.dist` grammar shared by every declaration (expressions and field
// paths) plus the parser configuration: error recovery on, a cap on errors, no
// invented values. Expressions use loops, never self-recursion, except inside
// parentheses, brackets and call arguments (whose depth is limited before parsing).
// The grammar is deliberately flat (few rules per operand, cached alternatives),
// because CST nodes and per-call allocations dominate the parser's cost; the AST
// builder restores structure and precedence. Declarations and clauses: parser.ts.
import { CstParser, EOF, type CstNode, type IOrAlt, type IRecognitionException, type TokenType } from 'chevrotain';
import { MAX_DIAGNOSTICS } from './limits';
import { errorMessageProvider } from './parse-messages';
import {
  ALL_TOKENS, AnyWord, ArithOp, Comma, CompareOp, Dot, DurationLit, Identifier, KW, LBracket, LParen, Minus,
  NumberLit, RBracket, RParen, StringLit, ValueWord,
} from './tokens';

/** Token types that carry a value, so recovery must never invent them. */
const VALUE_TOKENS = new Set<TokenType>([StringLit, NumberLit, DurationLit, Identifier, AnyWord, ValueWord, CompareOp, ArithOp, EOF]);
/** Never inserted either: an invented `.` would read the next clause keyword as a field. */
const NOT_INSERTED = new Set<TokenType>([...VALUE_TOKENS, Dot]);

/** Chevrotain internals that the error cap and CST construction need (not part of its typed API). */
const internals = CstParser.prototype as unknown as {
  SAVE_ERROR(error: IRecognitionException): IRecognitionException;
  moveToTerminatedState(): void;
};
interface CstStack {
  CST_STACK: CstNode[];
}

/** Configuration and expression rules; not usable alone (no self-analysis). */
export class ExpressionParser extends CstParser {
  private errorCount = 0;
  /** OR alternatives and MANY options built once (else every call allocates fresh arrays and closures). */
  private readonly cache = new Map<string, unknown>();

  constructor() {
    super(ALL_TOKENS, { recoveryEnabled: true, maxLookahead: 3, errorMessageProvider });
  }

  override reset(): void {
    super.reset();
    this.errorCount = 0;
  }

  /** Recovery may insert a missing `}` or keyword, never a value the user did not write. */
  protected override canTokenTypeBeInsertedInRecovery(type: TokenType): boolean {
    return !NOT_INSERTED.has(type);
  }

  protected override canTokenTypeBeDeletedInRecovery(type: TokenType): boolean {
    return type !== EOF;
  }

  /** Records an error; past the cap, jumps to the end of input so that parsing stops quickly. */
  protected SAVE_ERROR(error: IRecognitionException): IRecognitionException {
    const saved = internals.SAVE_ERROR.call(this, error);
    if (++this.errorCount > MAX_DIAGNOSTICS) internals.moveToTerminatedState.call(this);
    return saved;
  }

  /**
   * Starts a CST node. Chevrotain gives `children` a null prototype, which puts every
   * node in V8's slow dictionary mode; a plain object halves the parse time. Safe
   * because no child key (token names, labels, rule names) is an `Object.prototype` name.
   */
  protected cstInvocationStateUpdate(ruleName: string): void {
    (this as unknown as CstStack).CST_STACK.push({ name: ruleName, children: {} });
  }

  /** The argument of one OR or MANY, created on first use and reused (`key` is unique per call site). */
  protected cached<T>(key: string, make: () => T): T {
    let value = this.cache.get(key) as T | undefined;
    if (value === undefined) this.cache.set(key, (value = make()));
    return value;
  }

  /** `a.b.c` as used by `weighted by`. */
  path = this.RULE('path', () => {
    this.CONSUME(Identifier);
    this.CONSUME(Dot);
    this.CONSUME(AnyWord);
    this.MANY(() => (this.CONSUME2(Dot), this.CONSUME2(AnyWord)));
  });

  /** `a and b and c`: one level of `and`/`or` (mixing is reported when the AST is built). */
  expr = this.RULE('expr', () => {
    this.SUBRULE(this.comparison);
    this.MANY(() => {
      this.OR(this.cached('logical', () => [
        { ALT: () => this.CONSUME(KW.and, { LABEL: 'op' }) },
        { ALT: () => this.CONSUME(KW.or, { LABEL: 'op' }) },
      ]));
      this.SUBRULE2(this.comparison);
    });
  });

  /**
   * `not* operand tail*`, all inline: the operands are `-`* primary (op `-`* primary)*
   * (precedence is applied when the AST is built) and a tail is a comparison operator
   * with its right operand, `between A and B`, or `is [not] set`. The builder splits
   * the flat lists by the offsets of the comparison words (`cmp`). Any number of tails
   * are read, so that `a < b < c` gets a clear message from the AST builder.
   */
  comparison = this.RULE('comparison', () => {
    this.MANY(() => this.CONSUME(KW.not, { LABEL: 'not' }));
    this.operand(0);
    this.MANY2(() => {
      this.OR(this.cached('tail', () => [
        { ALT: () => (this.OR2(this.cached('comparator', () => this.comparators())), this.operand(1)) },
        {
          ALT: () => {
            this.CONSUME(KW.between, { LABEL: 'cmp' });
            this.operand(2);
            this.CONSUME(KW.and, { LABEL: 'and' });
            this.operand(3);
          },
        },
        {
          ALT: () => {
            this.CONSUME(KW.is, { LABEL: 'cmp' });
            this.OPTION(() => this.CONSUME3(KW.not, { LABEL: 'negated' }));
            this.CONSUME(KW.set);
          },
        },
      ]));
    });
  });

  private comparators(): IOrAlt<unknown>[] {
    return [
      { ALT: () => this.CONSUME(CompareOp, { LABEL: 'cmp' }) },
      { ALT: () => this.CONSUME(KW.in, { LABEL: 'cmp' }) },
      { ALT: () => (this.CONSUME2(KW.not, { LABEL: 'cmp' }), this.CONSUME2(KW.in, { LABEL: 'cmp' })) },
      { ALT: () => this.CONSUME(KW.contains, { LABEL: 'cmp' }) },
      { ALT: () => this.CONSUME(KW.starts_with, { LABEL: 'cmp' }) },
      { ALT: () => this.CONSUME(KW.ends_with, { LABEL: 'cmp' }) },
    ];
  }

  /** One operand inline in `comparison`; `at` keeps Chevrotain's occurrence indices apart. */
  private operand(at: 0 | 1 | 2 | 3): void {
    this.many(10 + at * 3, () => this.consume(at * 2, Minus, { LABEL: 'neg' }));
    this.subrule(at * 2, this.primary);
    this.many(11 + at * 3, () => {
      this.consume(at, ArithOp, { LABEL: 'op' });
      this.many(12 + at * 3, () => this.consume(at * 2 + 1, Minus, { LABEL: 'neg' }));
      this.subrule(at * 2 + 1, this.primary);
    });
  }

  primary = this.RULE('primary', () => {
    this.OR(this.cached('primary', () => [
      {
        // `lead.score` or `lower(x)`: any identifier, keywords included, followed by `.` or `(`.
        ALT: () => {
          this.CONSUME(Identifier, { LABEL: 'word' });
          this.OR2(this.cached('wordTail', () => [
            { ALT: () => (this.CONSUME(Dot), this.CONSUME(AnyWord), this.MANY(() => (this.CONSUME2(Dot), this.CONSUME2(AnyWord)))) },
            { ALT: () => (this.CONSUME(LParen), this.OPTION(() => this.exprList(1)), this.CONSUME(RParen)) },
          ]));
        },
      },
      { ALT: () => this.CONSUME(StringLit) },
      { ALT: () => this.CONSUME(NumberLit) },
      { ALT: () => this.CONSUME(DurationLit) },
      { ALT: () => this.CONSUME(KW.true) },
      { ALT: () => this.CONSUME(KW.false) },
      { ALT: () => (this.CONSUME(LBracket), this.OPTION2(() => this.exprList(2)), this.CONSUME(RBracket)) },
      { ALT: () => (this.CONSUME2(LParen), this.SUBRULE(this.expr), this.CONSUME2(RParen)) },
      // A bare word is read (and reported by the AST builder) unless it is a keyword that starts an item.
      { ALT: () => this.CONSUME(ValueWord, { LABEL: 'bare' }) },
    ]));
  });

  /** Comma-separated expressions of a call (`at` = 1) or a list literal (`at` = 2), inline in `primary`. */
  private exprList(at: 1 | 2): void {
    this.subrule(at * 2, this.expr);
    this.many(at + 1, () => (this.consume(at, Comma), this.subrule(at * 2 + 1, this.expr)));
  }
}
