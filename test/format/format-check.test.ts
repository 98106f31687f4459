// The formatter's proof: an output that loses a comment, does not parse or means
// something else is caught, and formatSource then leaves the file as it is.
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../language/format-check';
import { parse } from '../../language/parse';

const SOURCE = 'rule "R" {\n  // why\n  priority 1\n  on lead.created\n}\n';
const ast = parse(SOURCE, 'r.dist').ast;

describe('the formatter proof', () => {
  it('accepts an output with the same meaning and comments, in another order', () => {
    expect(formatProblem(ast, 'rule "R" {\n  on lead.created\n  // why\n  priority 1\n}\n')).toBeNull();
  });

  it('catches a lost comment', () => {
    expect(formatProblem(ast, 'rule "R" {\n  priority 1\n  on lead.created\n}\n')).toBe('the formatted text would keep 0 of 1 comments');
  });

  it('catches an output that does not parse or means something else', () => {
    expect(formatProblem(ast, 'rule "R" {\n  // why\n  priority\n}\n')).toBe('the formatted text would not parse');
    expect(formatProblem(ast, 'rule "R" {\n  // why\n  priority 2\n  on lead.created\n}\n')).toBe('the formatted text would mean something else');
  });
});
