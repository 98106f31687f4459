import type { CstNode } from 'chevrotain';
import type { Comment, SourceFile } from './ast';
import { type BuildContext } from './cst-access';
/** Builds the SourceFile of a parsed file; builder diagnostics go to `ctx.diagnostics`. */
export declare function buildSourceFile(ctx: BuildContext, cst: CstNode, comments: Comment[]): SourceFile;
