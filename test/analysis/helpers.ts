// Helpers for the analysis tests: a small lead schema compiled into a real
// program, records in the JSON form events carry (validated by the runtime's own
// event check), evaluation by both runtime evaluators (which must agree), and
// the real engine's decision for a witness.
import { expect } from 'vitest';
import type { Witness } from '../../compiler/analysis/witness';
import { compileProject } from '../../compiler/compile';
import { emptyDirectory } from '../../compiler/directory/model';
import type { Expr, Program } from '../../compiler/ir';
import { createEngine } from '../../runtime/engine';
import { compileCondition } from '../../runtime/evaluator/compile-expr';
import type { EvalContext, Value } from '../../runtime/evaluator/context';
import { holds } from '../../runtime/evaluator/reference';
import { validateEvent } from '../../runtime/records';
import { MemoryStore } from '../../runtime/state/memory-store';
import type { Decision } from '../../runtime/types';

/** The schema of the property tests: one field of each kind the analysis decides, and a geo field. */
export const SCHEMA = `schema lead {
  t: text
  c: choice("a", "b", "c")
  n: number
  d: duration
  at: time
  b: bool
  l: list(text)
  g: geo
}
`;

/** A real program with the schema (and one rule, as a project needs one). */
export function schemaProgram(): Program {
  const rule = 'rule "R" {\n  priority 1\n  on lead.created\n  assign anyone\n  distribute round_robin\n}\n';
  const result = compileProject({ sources: [{ file: 'rules/a.dist', text: SCHEMA + rule }] });
  if (!result.program) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result.program;
}

/** The evaluation context of a JSON record, through the runtime's event validation; fails the test if the record is not valid. */
export function contextOf(program: Program, record: Record<string, unknown>, entity = 'lead'): EvalContext {
  const checked = validateEvent(program, { id: 'e1', type: `${entity}.created`, record });
  if (!checked.ok) expect.fail(`not a valid record ${JSON.stringify(record)}: ${JSON.stringify(checked.issues)}`);
  const fields: Record<string, Value> = {};
  for (const [k, v] of Object.entries(checked.event.fields)) if (v !== null) fields[k] = v;
  return { entity, record: { id: checked.event.recordId, owner: checked.event.owner, fields }, user: null, payload: null, now: 0 };
}

/** Whether `expr` holds in `ctx`, by the compiled evaluator and the reference interpreter (which must agree). */
export function evaluate(expr: Expr | null, ctx: EvalContext): boolean {
  if (expr === null) return true;
  const compiled = compileCondition(expr)(ctx);
  expect(holds(expr, ctx)).toBe(compiled);
  return compiled;
}

/** The decision the real engine makes for a witness (a fresh store, an empty directory). */
export async function decideWitness(program: Program, witness: Witness): Promise<Decision> {
  const engine = createEngine({ program, directory: emptyDirectory(), store: new MemoryStore(), clock: () => Date.UTC(2026, 0, 5, 10) });
  const result = await engine.decide({ id: 'witness', type: witness.type, record: witness.record, ...(witness.changed ? { changed: witness.changed } : {}) });
  if (!result.ok) expect.fail(`the engine refused witness ${JSON.stringify(witness)}: ${JSON.stringify(result.issues)}`);
  return result.decision;
}
