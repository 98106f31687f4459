// The AST walker: children in source order, pre-order walks that can skip a
// subtree, and the innermost node (with its ancestors) at an offset.
import { describe, expect, it } from 'vitest';
import { ancestors, children, nodeAt, walk, type AstNode } from '../../language/ast-walk';
import { p } from './helpers';

const TEXT = 'rule "R" {\n  priority 1\n  on lead.created\n  when lead.score >= 80 and lead.source == "Web"\n  assign anyone\n  distribute round_robin\n}\n';
const ast = p(TEXT).ast;

describe('ast-walk', () => {
  it('lists children in source order, without comments', () => {
    const withComment = p('// note\n' + TEXT).ast;
    expect(children(withComment).map((n) => n.kind)).toEqual(['Rule']);
    const rule = children(ast)[0]!;
    const kinds = children(rule).map((n) => n.kind);
    expect(kinds).toEqual(['String', 'Priority', 'On', 'When', 'Assign', 'Distribute']);
  });

  it('walks every node once in pre-order, and can skip a subtree', () => {
    const seen: string[] = [];
    walk(ast, (node) => {
      seen.push(node.kind);
      return node.kind !== 'When';
    });
    expect(seen.slice(0, 3)).toEqual(['SourceFile', 'Rule', 'String']);
    expect(seen).toContain('When');
    expect(seen).not.toContain('Compare');
    let all = 0;
    walk(ast, () => {
      all++;
    });
    expect(all).toBeGreaterThan(seen.length);
  });

  it('finds the innermost node at an offset, with its ancestors', () => {
    const at = TEXT.indexOf('score');
    const path = ancestors(ast, at).map((n) => n.kind);
    expect(path.slice(0, 4)).toEqual(['SourceFile', 'Rule', 'When', 'Logical']);
    const node = nodeAt(ast, at) as AstNode;
    expect(TEXT.slice(node.span.start, node.span.end)).toBe('score');
    // Just after a word, the cursor is still on it.
    const end = nodeAt(ast, at + 'score'.length) as AstNode;
    expect(TEXT.slice(end.span.start, end.span.end)).toBe('score');
    expect(nodeAt(ast, TEXT.length + 5)).toBeNull();
  });
});
