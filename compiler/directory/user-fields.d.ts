import type { FieldType } from '../ir';
import { type IssueList } from './issues';
import { MappingReader } from './mapping-reader';
import type { FieldValue } from './model';
/** The user's field values, normalised; a bad value is reported and left out. */
export declare function readUserFields(user: MappingReader, schema: Record<string, FieldType> | null, zone: string, issues: IssueList): Record<string, FieldValue>;
