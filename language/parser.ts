// The `.dist` grammar of declarations and rule clauses, built once at module load
// and reused for every file. Error recovery is on: a broken clause, setting, field or
// map item is re-synchronised at the next item keyword or `}`, and junk between items
// is skipped by Chevrotain's in-repetition recovery; parse-messages.ts words each
// failure. Declarations and clauses are direct children of their parent (no wrapper
// rules); the AST builder puts them back in source order.
import { tokenMatcher, type CstNode, type IRecognitionException, type IToken } from 'chevrotain';
import { decodeString } from './literals';
import { messageState } from './parse-messages';
import { ExpressionParser } from './parser-expressions';
import { showSource } from './show-source';
import {
  AnyWord, Colon, Comma, DeclarationKeyword, Dot, DurationLit, Equals, Identifier, KW, LCurly, LParen, NumberLit,
  RCurly, RParen, StringLit, ValueWord,
} from './tokens';

class DistParser extends ExpressionParser {
  constructor() {
    super();
    this.performSelfAnalysis();
  }

  private declaring(phrase: string): void {
    this.ACTION(() => (messageState.declaration = phrase));
  }

  /** A field may start here unless a declaration keyword begins the next declaration. */
  private fieldAhead(): boolean {
    return !tokenMatcher(this.LA(1), DeclarationKeyword) || this.LA(2).tokenType === Colon;
  }

  /** A map item starts with `word =` or `on invalid`; anything else is skipped as one error. */
  private mapItemAhead(): boolean {
    const second = this.LA(2).tokenType;
    return second === Equals || (this.LA(1).tokenType === KW.on && second === KW.invalid);
  }

  file = this.RULE('file', () => {
    this.MANY(() => {
      this.OR(this.cached('declaration', () => [
        { ALT: () => this.SUBRULE(this.schemaDecl) },
        { ALT: () => this.SUBRULE(this.settingsDecl) },
        { ALT: () => this.SUBRULE(this.ruleDecl) },
        { ALT: () => this.SUBRULE(this.mapDecl) },
        { ALT: () => this.SUBRULE(this.workflowDecl) },
      ]));
    });
  });

  schemaDecl = this.RULE('schemaDecl', () => {
    this.CONSUME(KW.schema);
    this.declaring('the schema');
    const entity = this.CONSUME(AnyWord);
    this.declaring(`schema ${showSource(entity.image)}`);
    this.CONSUME(LCurly);
    this.MANY(this.cached('fields', () => ({ GATE: () => this.fieldAhead(), DEF: () => this.SUBRULE(this.field) })));
    this.CONSUME(RCurly);
  });

  field = this.RULE('field', () => {
    this.CONSUME(AnyWord);
    this.CONSUME(Colon);
    this.SUBRULE(this.typeExpr);
  });

  typeExpr = this.RULE('typeExpr', () => {
    this.CONSUME(AnyWord);
    this.OPTION(() => {
      this.CONSUME(LParen);
      this.OR(this.cached('typeArgs', () => [
        { ALT: () => (this.CONSUME(StringLit), this.MANY(() => (this.CONSUME(Comma), this.CONSUME2(StringLit)))) },
        { ALT: () => this.SUBRULE(this.typeExpr) },
      ]));
      this.CONSUME(RParen);
    });
  });

  settingsDecl = this.RULE('settingsDecl', () => {
    this.CONSUME(KW.settings);
    this.declaring('settings');
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.setting));
    this.CONSUME(RCurly);
  });

  setting = this.RULE('setting', () => {
    this.OR(this.cached('setting', () => [
      { ALT: () => (this.CONSUME(KW.timezone), this.CONSUME(StringLit)) },
      { ALT: () => (this.CONSUME(KW.trigger), this.SUBRULE(this.settingWord)) },
      { ALT: () => (this.CONSUME(KW.capacity), this.SUBRULE(this.expr)) },
      { ALT: () => (this.CONSUME(KW.quota), this.SUBRULE2(this.settingWord), this.SUBRULE2(this.expr)) },
      { ALT: () => (this.CONSUME(KW.expect), this.CONSUME(NumberLit), this.CONSUME(KW.per), this.SUBRULE3(this.settingWord)) },
      { ALT: () => (this.CONSUME(KW.unmatched), this.SUBRULE(this.queueTarget)) },
    ]));
  });

  /** A word in a setting (trigger mode, quota period); `capacity` there starts the next setting. */
  settingWord = this.RULE('settingWord', () => {
    this.OR(this.cached('settingWord', () => [{ GATE: () => this.LA(1).tokenType !== KW.capacity, ALT: () => this.CONSUME(ValueWord) }]));
  });

  queueTarget = this.RULE('queueTarget', () => {
    this.CONSUME(KW.queue);
    this.CONSUME(StringLit);
    this.OPTION(() => {
      this.CONSUME(KW.retry);
      this.CONSUME(KW.every);
      this.CONSUME(DurationLit);
      this.CONSUME(KW.for);
      this.CONSUME2(DurationLit);
    });
  });

  ruleDecl = this.RULE('ruleDecl', () => {
    this.CONSUME(KW.rule);
    this.declaring('the rule');
    const name = this.CONSUME(StringLit);
    this.declaring(`rule ${showSource(decodeString(name.image).value)}`);
    this.CONSUME(LCurly);
    this.MANY(() => {
      this.OR(this.cached('clause', () => [
        { ALT: () => this.SUBRULE(this.priorityClause) },
        { ALT: () => this.SUBRULE(this.idClause) },
        { ALT: () => this.SUBRULE(this.descriptionClause) },
        { ALT: () => this.SUBRULE(this.statusClause) },
        { ALT: () => this.SUBRULE(this.scopeClause) },
        { ALT: () => this.SUBRULE(this.onClause) },
        { ALT: () => this.SUBRULE(this.whenClause) },
        { ALT: () => this.SUBRULE(this.assignClause) },
        { ALT: () => this.SUBRULE(this.requireClause) },
        { ALT: () => this.SUBRULE(this.distributeClause) },
        { ALT: () => this.SUBRULE(this.takeClause) },
        { ALT: () => this.SUBRULE(this.turnoverClause) },
        { ALT: () => this.SUBRULE(this.expectClause) },
        { ALT: () => this.SUBRULE(this.fallbackClause) },
        { ALT: () => this.SUBRULE(this.reassignClause) },
      ]));
    });
    this.CONSUME(RCurly);
  });

  priorityClause = this.RULE('priorityClause', () => (this.CONSUME(KW.priority), this.CONSUME(NumberLit)));
  idClause = this.RULE('idClause', () => (this.CONSUME(KW.id), this.CONSUME(StringLit)));
  descriptionClause = this.RULE('descriptionClause', () => (this.CONSUME(KW.description), this.CONSUME(StringLit)));
  statusClause = this.RULE('statusClause', () => (this.CONSUME(KW.status), this.CONSUME(ValueWord)));

  scopeClause = this.RULE('scopeClause', () => {
    this.CONSUME(KW.scope);
    this.OR(this.cached('scope', () => [
      { ALT: () => this.CONSUME(KW.global) },
      { ALT: () => (this.CONSUME(KW.team), this.CONSUME(StringLit)) },
    ]));
  });

  /** `on E, E…` with each event inline: entity `.` name [`(` fields `)`]. */
  onClause = this.RULE('onClause', () => {
    this.CONSUME(KW.on);
    this.event(0);
    this.MANY(() => (this.CONSUME(Comma), this.event(1)));
  });

  private event(at: 0 | 1): void {
    this.consume(at, Identifier);
    this.consume(at, Dot);
    this.consume(at, AnyWord, { LABEL: 'name' });
    this.option(at, () => {
      this.consume(at, LParen);
      this.consume(at + 2, AnyWord, { LABEL: 'fields' });
      this.many(at + 2, () => (this.consume(at + 2, Comma), this.consume(at + 4, AnyWord, { LABEL: 'fields' })));
      this.consume(at, RParen);
    });
  }

  whenClause = this.RULE('whenClause', () => (this.CONSUME(KW.when), this.SUBRULE(this.expr)));

  assignClause = this.RULE('assignClause', () => {
    this.CONSUME(KW.assign);
    this.OR(this.cached('pool', () => [
      {
        ALT: () => {
          this.CONSUME(KW.users, { LABEL: 'kind' });
          this.OR2(this.cached('users', () => [
            { ALT: () => (this.strings(1), this.OPTION(() => (this.CONSUME(KW.where), this.SUBRULE(this.expr)))) },
            { ALT: () => (this.CONSUME2(KW.where), this.SUBRULE2(this.expr)) },
          ]));
        },
      },
      { ALT: () => (this.CONSUME(KW.teams, { LABEL: 'kind' }), this.strings(2)) },
      { ALT: () => (this.CONSUME(KW.groups, { LABEL: 'kind' }), this.strings(3)) },
      { ALT: () => this.CONSUME(KW.anyone, { LABEL: 'kind' }) },
    ]));
  });

  /** `"a", "b", …` inline in `assign` (occurrence `at` keeps Chevrotain's indices apart). */
  private strings(at: 1 | 2 | 3): void {
    this.consume(at * 2, StringLit);
    this.many(at, () => (this.consume(at, Comma), this.consume(at * 2 + 1, StringLit)));
  }

  /** `require R, R…` with each requirement inline: word [`within` duration]. */
  requireClause = this.RULE('requireClause', () => {
    this.CONSUME(KW.require);
    this.requirement(0);
    this.MANY(() => (this.CONSUME(Comma), this.requirement(1)));
  });

  private requirement(at: 0 | 1): void {
    this.consume(at, ValueWord);
    this.option(at, () => (this.consume(at, KW.within), this.consume(at, DurationLit)));
  }

  distributeClause = this.RULE('distributeClause', () => {
    this.CONSUME(KW.distribute);
    this.OR(this.cached('method', () => [
      {
        ALT: () => {
          this.CONSUME(KW.weighted);
          this.OPTION(() => (this.CONSUME(KW.by), this.SUBRULE(this.path)));
          this.CONSUME(LCurly);
          this.MANY(() => this.SUBRULE(this.weightEntry));
          this.CONSUME(RCurly);
        },
      },
      { ALT: () => (this.CONSUME(KW.score), this.SUBRULE(this.expr)) },
      {
        ALT: () => {
          this.CONSUME(KW.ordered);
          this.CONSUME2(KW.by);
          this.SUBRULE(this.orderKey);
          this.MANY2(() => (this.CONSUME(Comma), this.SUBRULE2(this.orderKey)));
        },
      },
      { ALT: () => this.CONSUME(ValueWord, { LABEL: 'method' }) },
    ]));
  });

  weightEntry = this.RULE('weightEntry', () => {
    this.CONSUME(StringLit);
    this.CONSUME(Colon);
    this.SUBRULE(this.expr);
    this.OPTION(() => this.CONSUME(Comma));
  });

  orderKey = this.RULE('orderKey', () => {
    this.SUBRULE(this.expr);
    this.OPTION(() => {
      this.OR(this.cached('direction', () => [
        { ALT: () => this.CONSUME(KW.asc, { LABEL: 'direction' }) },
        { ALT: () => this.CONSUME(KW.desc, { LABEL: 'direction' }) },
      ]));
    });
  });

  takeClause = this.RULE('takeClause', () => {
    this.CONSUME(KW.take);
    this.CONSUME(NumberLit);
    this.OPTION(() => (this.CONSUME(KW.min), this.CONSUME2(NumberLit)));
  });

  /** `turnover EXPR [min N]` */
  turnoverClause = this.RULE('turnoverClause', () => {
    this.CONSUME(KW.turnover);
    this.SUBRULE(this.expr);
    this.OPTION(() => (this.CONSUME(KW.min), this.CONSUME(NumberLit)));
  });

  /** `expect N per PERIOD` */
  expectClause = this.RULE('expectClause', () => {
    this.CONSUME(KW.expect);
    this.CONSUME(NumberLit);
    this.CONSUME(KW.per);
    this.CONSUME(ValueWord);
  });

  fallbackClause = this.RULE('fallbackClause', () => {
    this.CONSUME(KW.fallback);
    this.OR(this.cached('fallback', () => [
      { ALT: () => (this.CONSUME(KW.user), this.CONSUME(StringLit)) },
      { ALT: () => this.SUBRULE(this.queueTarget) },
    ]));
  });

  reassignClause = this.RULE('reassignClause', () => {
    this.CONSUME(KW.reassign);
    this.CONSUME(KW.after);
    this.CONSUME(DurationLit);
    this.OPTION(() => (this.CONSUME(KW.when), this.SUBRULE(this.expr)));
    this.OPTION2(() => (this.CONSUME(KW.max), this.CONSUME(NumberLit)));
  });

  mapDecl = this.RULE('mapDecl', () => {
    this.CONSUME(KW.map);
    this.declaring('the map');
    const entity = this.CONSUME(Identifier);
    this.declaring(`map ${showSource(entity.image)}`);
    this.CONSUME(KW.from);
    this.CONSUME(StringLit);
    this.CONSUME(LCurly);
    this.MANY(this.cached('mapItems', () => ({ GATE: () => this.mapItemAhead(), DEF: () => this.SUBRULE(this.mapItem) })));
    this.CONSUME(RCurly);
  });

  workflowDecl = this.RULE('workflowDecl', () => {
    this.CONSUME(KW.workflow);
    this.declaring('the workflow');
    const name = this.CONSUME(StringLit);
    this.declaring(`workflow ${showSource(decodeString(name.image).value)}`);
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.workflowItem));
    this.CONSUME(RCurly);
  });

  /** `rules "A", "B"` · `take N [min M]` · `description "…"` */
  workflowItem = this.RULE('workflowItem', () => {
    this.OR(this.cached('workflowItem', () => [
      { ALT: () => (this.CONSUME(KW.rules), this.CONSUME(StringLit), this.MANY(() => (this.CONSUME(Comma), this.CONSUME2(StringLit)))) },
      { ALT: () => this.SUBRULE(this.takeClause) },
      { ALT: () => this.SUBRULE(this.descriptionClause) },
    ]));
  });

  mapItem = this.RULE('mapItem', () => {
    this.OR(this.cached('mapItem', () => [
      { ALT: () => (this.CONSUME(KW.on), this.CONSUME(KW.invalid), this.CONSUME(KW.queue), this.CONSUME(StringLit)) },
      { ALT: () => (this.CONSUME(AnyWord), this.CONSUME(Equals), this.SUBRULE(this.expr)) },
    ]));
  });
}

const parser = new DistParser();

/** What the parser made of one token stream. */
export interface ParserOutput {
  cst: CstNode;
  errors: IRecognitionException[];
}

/** Parses a token stream with the shared parser instance. */
export function parseTokens(text: string, tokens: IToken[]): ParserOutput {
  messageState.text = text;
  messageState.tokens = tokens;
  messageState.declaration = '';
  parser.input = tokens;
  const cst = parser.file();
  const errors = parser.errors;
  parser.input = [];
  messageState.tokens = [];
  messageState.text = '';
  return { cst, errors };
}
