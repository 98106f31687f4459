// The IR as JSON Schema (draft 2020-12), generated from the zod schema so the two can
// never disagree. docs/ir.schema.json is this output; a test keeps it current.
import { z } from 'zod';
import { IR_VERSION, Program } from './ir';

/** The JSON Schema of a compiled program. */
export function irJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Program, { target: 'draft-2020-12' }),
    $id: `https://dist.dev/schemas/ir-v${IR_VERSION}.json`,
    title: `dist IR, version ${IR_VERSION}`,
  };
}
