import type { CstNode } from 'chevrotain';
import type { QueueTarget, RuleDecl } from './ast';
import { type BuildContext } from './cst-access';
/** `queue "q" [retry every D for D]` */
export declare function buildQueueTarget(ctx: BuildContext, node: CstNode): QueueTarget;
/** `rule "Name" { clause* }` */
export declare function buildRule(ctx: BuildContext, node: CstNode): RuleDecl;
