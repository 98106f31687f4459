// Builds `workflow "Name" { … }` declarations from the CST: the list of rules the
// workflow runs, in order, and its `take N [min M]` and `description`, which are
// built as the rule clauses of the same name.
import type { CstNode } from 'chevrotain';
import type { DescriptionClause, Span, TakeClause, WorkflowDecl, WorkflowItem } from './ast';
import { buildItems, closeDeclaration, endOf, present, stringLit, sub, subs, tok, toks, whole, type BuildContext } from './cst-access';
import { buildClause } from './cst-to-ast-rule';
import { KW } from './tokens';

/** `workflow "Name" { item* }` */
export function buildWorkflow(ctx: BuildContext, node: CstNode): WorkflowDecl {
  const keyword = tok(node, KW.workflow.name);
  const workflowName = stringLit(ctx, tok(node, 'StringLit'));
  present(node, 'LCurly');
  const body = buildItems(ctx, subs(node, 'workflowItem'), buildWorkflowItem, 'workflow item');
  const { items, errors } = body;
  const { span, recovered } = closeDeclaration(ctx, node, keyword, body);
  return { kind: 'Workflow', span, name: workflowName, items, errors, recovered };
}

function buildWorkflowItem(ctx: BuildContext, node: CstNode): WorkflowItem {
  const c = node.children;
  if (c.takeClause) return buildClause(ctx, 'takeClause', whole(sub(node, 'takeClause'))) as TakeClause;
  if (c.descriptionClause) return buildClause(ctx, 'descriptionClause', whole(sub(node, 'descriptionClause'))) as DescriptionClause;
  const keyword = tok(node, KW.rules.name);
  const rules = toks(node, 'StringLit').map((t) => stringLit(ctx, t));
  const span: Span = { start: keyword.startOffset, end: rules.at(-1)?.span.end ?? endOf(keyword) };
  return { kind: 'WorkflowRules', span, rules };
}
