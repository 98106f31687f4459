import type { IssueList } from './issues';
import { MappingReader } from './mapping-reader';
import type { LeavePeriod } from './model';
/** The user's leave periods in the order written; bad periods are reported and left out. */
export declare function readLeave(user: MappingReader, zone: string, issues: IssueList): LeavePeriod[];
