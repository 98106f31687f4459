// The @gorules/zen-engine peer of the first-match benchmark: the rules exported
// for json-rules-engine, written as one zen decision table with the first-hit
// policy (one row a rule, in our order; the row's cell is the rule's whole
// condition as a zen expression) that outputs the matching rule's id. The
// package ships native binaries per platform, so it is not a dependency of the
// project: `npm install --no-save @gorules/zen-engine` adds it, and without it
// the benchmark says it was not measured.
import type { JreCondition, JreRule } from '../compiler/export/json-rules-engine';

/** What the benchmark uses of @gorules/zen-engine. */
interface ZenModule {
  ZenEngine: new () => { createDecision(content: object): { evaluate(context: object): Promise<{ result: unknown }> } };
}

/** The package's name, in a variable so that the project type-checks without it. */
const ZEN_PACKAGE = '@gorules/zen-engine';

/** A decision that answers the first matching rule's id for a record. */
export type ZenFirstMatch = (record: Record<string, unknown>) => Promise<string | undefined>;

/** The zen operators of json-rules-engine's comparison operators. */
const OPERATORS = new Map([
  ['equal', '=='],
  ['notEqual', '!='],
  ['lessThan', '<'],
  ['lessThanInclusive', '<='],
  ['greaterThan', '>'],
  ['greaterThanInclusive', '>='],
]);

/** The rules as one zen decision, or null when @gorules/zen-engine is not installed. */
export async function zenFirstMatch(rules: readonly JreRule[]): Promise<ZenFirstMatch | null> {
  const zen = (await import(ZEN_PACKAGE).catch(() => null)) as ZenModule | null;
  if (zen === null) return null;
  const rows = [...rules]
    .sort((a, b) => b.priority - a.priority)
    .map((rule, i) => ({ _id: `r${i}`, when: zenExpression(rule.conditions), rule: JSON.stringify(rule.event.params.ruleId) }));
  const decision = new zen.ZenEngine().createDecision({
    nodes: [
      { id: 'in', type: 'inputNode', name: 'record', position: { x: 0, y: 0 } },
      {
        id: 'rules',
        type: 'decisionTableNode',
        name: 'rules',
        position: { x: 200, y: 0 },
        content: { hitPolicy: 'first', inputs: [{ id: 'when', name: 'when', field: '' }], outputs: [{ id: 'rule', name: 'rule', field: 'ruleId' }], rules: rows },
      },
      { id: 'out', type: 'outputNode', name: 'decision', position: { x: 400, y: 0 } },
    ],
    edges: [
      { id: 'e1', sourceId: 'in', targetId: 'rules', type: 'edge' },
      { id: 'e2', sourceId: 'rules', targetId: 'out', type: 'edge' },
    ],
  });
  return async (record) => ((await decision.evaluate(record)).result as { ruleId?: string }).ruleId;
}

/** One json-rules-engine condition as a zen expression. */
export function zenExpression(condition: JreCondition): string {
  if ('all' in condition) return condition.all.length === 0 ? 'true' : condition.all.map((c) => `(${zenExpression(c)})`).join(' and ');
  if ('any' in condition) return condition.any.length === 0 ? 'false' : condition.any.map((c) => `(${zenExpression(c)})`).join(' or ');
  const fact = condition.path ? `${condition.fact}${condition.path.replace(/^\$/, '')}` : condition.fact;
  const value = JSON.stringify(condition.value);
  const operator = OPERATORS.get(condition.operator);
  if (operator !== undefined) return `${fact} ${operator} ${value}`;
  if (condition.operator === 'in') return `${fact} in ${value}`;
  if (condition.operator === 'notIn') return `not (${fact} in ${value})`;
  if (condition.operator === 'contains') return `contains(${fact}, ${value})`;
  if (condition.operator === 'doesNotContain') return `not contains(${fact}, ${value})`;
  throw new Error(`the zen peer has no form for json-rules-engine's \`${condition.operator}\``);
}
