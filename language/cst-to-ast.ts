// Builds the AST of one file from the parser's CST: declarations, schemas, settings
// and maps here, rules in cst-to-ast-rule.ts, workflows in cst-to-ast-workflow.ts, expressions in cst-to-ast-expr.ts.
// Every node gets its exact `{start, end}` span; items that were not read whole
// become Error nodes and their declaration is marked `recovered`.
import type { CstNode } from 'chevrotain';
import type {
  Comment, Declaration, ErrorNode, FieldDecl, MapDecl, MapItem, SchemaDecl, Setting, SettingsDecl, SourceFile, Span, TypeExpr,
} from './ast';
import {
  buildItems, closeDeclaration, drop, Dropped, endOf, errorNode, name, numberLit, optTok, present, stringLit, sub, subs, tok,
  tokenSpan, toks, whole, type BuildContext,
} from './cst-access';
import { buildExpr } from './cst-to-ast-expr';
import { buildQueueTarget, buildRule } from './cst-to-ast-rule';
import { buildWorkflow } from './cst-to-ast-workflow';
import { showSource } from './show-source';
import { KW } from './tokens';
import { SETTINGS } from './vocabulary';

/** Builds the SourceFile of a parsed file; builder diagnostics go to `ctx.diagnostics`. */
export function buildSourceFile(ctx: BuildContext, cst: CstNode, comments: Comment[]): SourceFile {
  const declarations: Declaration[] = [];
  const errors: ErrorNode[] = [];
  for (const key in DECLARATIONS) {
    for (const node of subs(cst, key)) {
      // Not checked with `whole`: a declaration that lost its `}` is built and marked recovered.
      try {
        declarations.push(DECLARATIONS[key]!(ctx, node));
      } catch (error) {
        if (!(error instanceof Dropped)) throw error;
        if (error.diagnostic) ctx.diagnostics.push(error.diagnostic);
        const left = errorNode(node, 'declaration');
        if (left) errors.push(left);
      }
    }
  }
  declarations.sort((a, b) => a.span.start - b.span.start);
  errors.sort((a, b) => a.span.start - b.span.start);
  return { kind: 'SourceFile', span: { start: 0, end: ctx.text.length }, file: ctx.file, declarations, errors, comments };
}

function to(start: number, end: { span: Span }): Span {
  return { start, end: end.span.end };
}

function buildSchema(ctx: BuildContext, node: CstNode): SchemaDecl {
  const keyword = tok(node, KW.schema.name);
  const entity = name(tok(node, 'AnyWord'));
  present(node, 'LCurly');
  const body = buildItems(ctx, subs(node, 'field'), buildField, 'field');
  const { items, errors } = body;
  const { span, recovered } = closeDeclaration(ctx, node, keyword, body);
  return { kind: 'Schema', span, entity, fields: items, errors, recovered };
}

function buildField(ctx: BuildContext, node: CstNode): FieldDecl {
  const field = name(tok(node, 'AnyWord'));
  const type = buildType(ctx, sub(node, 'typeExpr'));
  return { kind: 'Field', span: to(field.span.start, type), name: field, type };
}

/** `text`, `choice("A", "B")`, `list(T)`; which words take arguments is decided here, by their text. */
function buildType(ctx: BuildContext, node: CstNode): TypeExpr {
  const word = tok(whole(node), 'AnyWord');
  if (!node.children.LParen) return { kind: 'SimpleType', span: tokenSpan(word), name: name(word) };
  const span = { start: word.startOffset, end: endOf(tok(node, 'RParen')) };
  const options = toks(node, 'StringLit');
  if (word.image === 'choice' && options.length > 0) {
    return { kind: 'ChoiceType', span, options: options.map((o) => stringLit(ctx, o)) };
  }
  if (word.image === 'list' && node.children.typeExpr) {
    return { kind: 'ListType', span, element: buildType(ctx, sub(node, 'typeExpr')) };
  }
  const message =
    word.image === 'choice' ? '`choice` takes quoted values, as in `choice("A", "B")`'
    : word.image === 'list' ? '`list` takes an element type, as in `list(text)`'
    : `type ${showSource(word.image)} takes no arguments; only \`choice(…)\` and \`list(…)\` do`;
  return drop(ctx, 'DIST003', span, message);
}

function buildSettings(ctx: BuildContext, node: CstNode): SettingsDecl {
  const keyword = tok(node, KW.settings.name);
  present(node, 'LCurly');
  const body = buildItems(ctx, subs(node, 'setting'), buildSetting, 'setting');
  const { items, errors } = body;
  const { span, recovered } = closeDeclaration(ctx, node, keyword, body);
  return { kind: 'Settings', span, entries: items, errors, recovered };
}

function buildSetting(ctx: BuildContext, node: CstNode): Setting {
  const c = node.children;
  const keyword = tok(node, onlyKeyword(c));
  const start = keyword.startOffset;
  if (c.Timezone) {
    const value = stringLit(ctx, tok(node, 'StringLit'));
    return { kind: 'TimezoneSetting', span: to(start, value), value };
  }
  if (c.Trigger) {
    const mode = name(tok(sub(node, 'settingWord'), 'ValueWord'));
    return { kind: 'TriggerSetting', span: to(start, mode), mode };
  }
  if (c.Capacity) {
    const value = buildExpr(ctx, sub(node, 'expr'));
    return { kind: 'CapacitySetting', span: to(start, value), value };
  }
  if (c.Quota) {
    const period = name(tok(sub(node, 'settingWord'), 'ValueWord'));
    const limit = buildExpr(ctx, sub(node, 'expr'));
    return { kind: 'QuotaSetting', span: to(start, limit), period, limit };
  }
  if (c.Expect) {
    const count = numberLit(ctx, tok(node, 'NumberLit'));
    const period = name(tok(sub(node, 'settingWord'), 'ValueWord'));
    return { kind: 'ExpectSetting', span: to(start, period), count, period };
  }
  const queue = buildQueueTarget(ctx, sub(node, 'queueTarget'));
  return { kind: 'UnmatchedSetting', span: to(start, queue), queue };
}

const SETTING_KEYWORDS = SETTINGS.map((s) => KW[s.name].name);

function onlyKeyword(children: CstNode['children']): string {
  return SETTING_KEYWORDS.find((k) => children[k] !== undefined) ?? '';
}

function buildMap(ctx: BuildContext, node: CstNode): MapDecl {
  const keyword = tok(node, KW.map.name);
  const entity = name(tok(node, 'Identifier'));
  present(node, KW.from.name);
  const source = stringLit(ctx, tok(node, 'StringLit'));
  present(node, 'LCurly');
  const body = buildItems(ctx, subs(node, 'mapItem'), buildMapItem, 'map item');
  const { items, errors } = body;
  const { span, recovered } = closeDeclaration(ctx, node, keyword, body);
  return { kind: 'Map', span, entity, source, items, errors, recovered };
}

function buildMapItem(ctx: BuildContext, node: CstNode): MapItem {
  const on = optTok(node, KW.on.name);
  if (on) {
    const queue = stringLit(ctx, tok(node, 'StringLit'));
    return { kind: 'OnInvalid', span: to(on.startOffset, queue), queue };
  }
  const field = name(tok(node, 'AnyWord'));
  const value = buildExpr(ctx, sub(node, 'expr'));
  return { kind: 'MapEntry', span: to(field.span.start, value), field, value };
}

const DECLARATIONS: Record<string, (ctx: BuildContext, node: CstNode) => Declaration> = {
  schemaDecl: buildSchema,
  settingsDecl: buildSettings,
  ruleDecl: buildRule,
  mapDecl: buildMap,
  workflowDecl: buildWorkflow,
};
