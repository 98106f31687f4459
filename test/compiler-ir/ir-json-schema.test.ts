// The committed docs/ir.schema.json must equal what the zod schema generates
// (refresh with UPDATE_GOLDEN=1), and the JSON Schema must accept a real program.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { irJsonSchema } from '../../compiler/ir-json-schema';

const file = path.resolve(__dirname, '../../docs/ir.schema.json');

describe('IR JSON Schema', () => {
  it('matches docs/ir.schema.json', () => {
    const generated = `${JSON.stringify(irJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE_GOLDEN) writeFileSync(file, generated);
    expect(readFileSync(file, 'utf8')).toBe(generated);
  });

  it('describes every top-level key of a program', () => {
    const schema = irJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties).sort()).toEqual(['irVersion', 'maps', 'rules', 'schemas', 'settings', 'workflows']);
    expect(schema.required).toContain('rules');
  });
});
