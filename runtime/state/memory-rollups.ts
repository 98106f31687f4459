// The memory store's rollups (rollups.ts): every committed decision's facts by
// record, and the rollup rows they add up to, updated as each transaction commits.
import { EVERY_TEAM, mergeRollup, recordRollup, sumRows, type DecisionFacts, type RollupReader, type RollupRow } from './rollups';

/** Rollup rows and decision facts of the committed log. */
export class MemoryRollups {
  private readonly log: DecisionFacts[] = [];
  private readonly byRecord = new Map<string, DecisionFacts[]>();
  private readonly rows = new Map<string, RollupRow>();

  /** Counts a committed decision: its record's rows leave, and come back with it added. */
  add(facts: DecisionFacts): void {
    const key = recordKey(facts.entity, facts.recordId);
    let record = this.byRecord.get(key);
    if (record) {
      mergeRollup(this.rows, recordRollup(record), -1);
      record.push(facts);
    } else this.byRecord.set(key, (record = [facts]));
    mergeRollup(this.rows, recordRollup(record), 1);
    this.log.push(facts);
  }

  /** The reader over what is committed now. */
  reader(): RollupReader {
    return {
      sums: async (fromHour, toHour, team) => sumRows(this.rows.values(), fromHour, toHour, team),
      factsInRange: async (fromMs, toMs, noMethod, team) =>
        this.log
          .filter((f) => f.decidedAt >= fromMs && f.decidedAt < toMs && (!noMethod || (f.ruleId !== null && f.method === null)) && (team === EVERY_TEAM || f.team === team))
          .map(copyFacts),
      factsOfRecords: async (records) => {
        const wanted = new Set(records.map((r) => recordKey(r.entity, r.recordId)));
        return this.log.filter((f) => wanted.has(recordKey(f.entity, f.recordId))).map(copyFacts);
      },
    };
  }
}

function copyFacts(f: DecisionFacts): DecisionFacts {
  return { ...f, assigned: [...f.assigned] };
}

function recordKey(entity: string, recordId: string): string {
  return `${entity}/${recordId}`;
}
