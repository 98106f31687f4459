// The memory store's rollups (rollups.ts): every committed decision's facts by
// record, and the rollup rows they add up to. Committing a decision only files
// its facts; the rows take in the records decided since they were last read
// when they are read next, so a record decided many times in between is
// counted once, and a store whose statistics nobody reads never counts.
import { EVERY_TEAM, mergeRollup, recordRollup, sumRows, type DecisionFacts, type RollupReader, type RollupRow } from './rollups';

/** One record's facts in log order, and how many of them the rows count. */
interface RecordFacts {
  facts: DecisionFacts[];
  counted: number;
}

/** Rollup rows and decision facts of the committed log. */
export class MemoryRollups {
  private readonly log: DecisionFacts[] = [];
  private readonly byRecord = new Map<string, RecordFacts>();
  /** Records with facts the rows do not count yet. */
  private readonly uncounted = new Set<RecordFacts>();
  private readonly rows = new Map<string, RollupRow>();

  /** Files a committed decision's facts. */
  add(facts: DecisionFacts): void {
    const key = recordKey(facts.entity, facts.recordId);
    let record = this.byRecord.get(key);
    if (!record) this.byRecord.set(key, (record = { facts: [], counted: 0 }));
    record.facts.push(facts);
    this.uncounted.add(record);
    this.log.push(facts);
  }

  /** The rows, once every record's rows that lag behind its facts leave and come back with them all. */
  private counted(): Map<string, RollupRow> {
    for (const record of this.uncounted) {
      if (record.counted > 0) mergeRollup(this.rows, recordRollup(record.facts.slice(0, record.counted)), -1);
      mergeRollup(this.rows, recordRollup(record.facts), 1);
      record.counted = record.facts.length;
    }
    this.uncounted.clear();
    return this.rows;
  }

  /** The reader over what is committed now. */
  reader(): RollupReader {
    return {
      sums: async (fromHour, toHour, team) => sumRows(this.counted().values(), fromHour, toHour, team),
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
