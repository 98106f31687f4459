import type { TypeExpr } from '../../language/ast';
import type { FieldType } from '../ir';
import { type CompileContext } from './context';
/** Collects every schema into `ctx.schemas`. */
export declare function collectSchemas(ctx: CompileContext): void;
/** The field type a type expression denotes, or null after reporting why it has none. */
export declare function fieldType(ctx: CompileContext, file: string, t: TypeExpr): FieldType | null;
