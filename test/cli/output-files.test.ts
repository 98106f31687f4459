// Files a command writes: a path that cannot be written is a usage problem
// named on the last line of stderr (exit 2), never an internal error.
import { describe, expect, it } from 'vitest';
import { dist } from '../helpers/run-dist';

describe('dist compile -o', () => {
  it('says it cannot write into a folder that does not exist, and exits 2', () => {
    const run = dist('compile', 'examples/tour', '-o', '/nonexistent/dir/x.json');
    expect(run.stderr.trim().split('\n').at(-1)).toBe('dist compile: cannot write `/nonexistent/dir/x.json`: its folder does not exist');
    expect(run.code).toBe(2);
  });

  it('says it cannot write over a folder', () => {
    const run = dist('compile', 'examples/tour', '-o', 'examples');
    expect(run.stderr.trim().split('\n').at(-1)).toBe('dist compile: cannot write `examples`: it is a folder');
    expect(run.code).toBe(2);
  });
});
