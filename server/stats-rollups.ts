// `GET /v1/stats` from the state store's per-hour rollups (runtime/state/rollups.ts):
// the whole hours of the range are summed; the records with a decision in the
// partial hours at its edges, or with a decision whose trace names no method (its
// method is then the program's), are counted exactly from their own decisions,
// in place of what the sums counted of them. So the answer equals a scan of the
// range (StatsBuilder, the reference) while reading only the rollup rows of the
// range and the decisions of the edge records. For a team (a team-limited
// token, `?team=`) it reads that team's rows and the team's decisions at the
// edges, so it equals a scan of the team's decisions.
import { inTransaction, type Transaction } from '../runtime/state/store';
import { EVERY_TEAM, groupByRecord, HOUR_MS, NONE, recordFigures, type DecisionFacts } from '../runtime/state/rollups';
import { ruleLabel, type StatsFigures } from './stats';
import type { Decision, Outcome, Program, StateStore } from '../api';

/** Hours bounding a range open at one end (inside the rollups' `NONE`). */
const FIRST_HOUR = NONE + 1;
const LAST_HOUR = -NONE;

type Figures = Map<string, { records: number; decisions: number }>;

/** The statistics of `[fromMs, toMs)` over every decision, or over a team's (`Decision.team`); null when the store keeps no rollups. */
export async function statsFromRollups(store: StateStore, program: Program, range: { fromMs?: number; toMs?: number }, team: string = EVERY_TEAM): Promise<StatsFigures | null> {
  const from = range.fromMs ?? -Infinity;
  const to = range.toMs ?? Infinity;
  const firstHour = range.fromMs === undefined ? FIRST_HOUR : Math.ceil(range.fromMs / HOUR_MS);
  const lastHour = range.toMs === undefined ? LAST_HOUR : Math.floor(range.toMs / HOUR_MS) - 1;
  const whole = firstHour <= lastHour;
  const [wholeFrom, wholeTo] = [firstHour * HOUR_MS, (lastHour + 1) * HOUR_MS];
  return inTransaction(store, async (tx) => {
    const reader = tx.rollups;
    if (!reader) return null;
    const edges: DecisionFacts[] = [];
    if (!whole) edges.push(...(await reader.factsInRange(from, to, false, team)));
    else {
      if (from < wholeFrom) edges.push(...(await reader.factsInRange(from, wholeFrom, false, team)));
      if (to > wholeTo) edges.push(...(await reader.factsInRange(wholeTo, to, false, team)));
      edges.push(...(await reader.factsInRange(from, to, true, team)));
    }
    const records = new Map(edges.map((f) => [`${f.entity}/${f.recordId}`, { entity: f.entity, recordId: f.recordId }]));
    const facts = records.size === 0 ? [] : await reader.factsOfRecords([...records.values()]);
    const sums = whole ? await reader.sums(firstHour, lastHour, team) : [];
    const figures: Figures = new Map(sums.map((s) => [s.key, { records: s.records, decisions: s.decisions }]));
    const methodOf = new Map(program.rules.map((r) => [r.id, r.method.kind]));
    const exactMethod = (f: DecisionFacts) => f.method ?? (f.ruleId === null ? null : (methodOf.get(f.ruleId) ?? null));
    for (const own of groupByRecord(facts)) {
      if (whole) addFigures(figures, recordFigures(own, wholeFrom, wholeTo, (f) => f.method, team), -1);
      addFigures(figures, recordFigures(own, from, to, exactMethod, team), 1);
    }
    return toStatsFigures(figures, program, await newestOfRetired(tx, program, figures, { ...range, ...(team === EVERY_TEAM ? {} : { team }) }));
  });
}

/** The newest decision in the range of each rule the sums name that the program no longer has (for its name and method). */
async function newestOfRetired(tx: Transaction, program: Program, figures: Figures, range: { fromMs?: number; toMs?: number; team?: string }): Promise<Map<string, Decision>> {
  const known = new Set(program.rules.map((r) => r.id));
  const out = new Map<string, Decision>();
  for (const ruleId of named(figures, 'R:')) {
    if (known.has(ruleId)) continue;
    const [newest] = await tx.listDecisions({ ruleId, ...range, limit: 1 });
    if (newest) out.set(ruleId, newest);
  }
  return out;
}

/** The names under a key prefix with a figure in the range. */
function named(figures: Figures, prefix: string): string[] {
  return [...figures].filter(([key, f]) => key.startsWith(prefix) && (f.records !== 0 || f.decisions !== 0)).map(([key]) => key.slice(prefix.length));
}

function addFigures(into: Figures, add: Figures, sign: number): void {
  for (const [key, figure] of add) {
    const was = into.get(key) ?? { records: 0, decisions: 0 };
    into.set(key, { records: was.records + sign * figure.records, decisions: was.decisions + sign * figure.decisions });
  }
}


function toStatsFigures(figures: Figures, program: Program, retired: ReadonlyMap<string, Decision>): StatsFigures {
  const get = (key: string) => figures.get(key) ?? { records: 0, decisions: 0 };
  const rules = new Map(program.rules.map((r) => [r.id, r]));
  const causes = new Map(named(figures, 'c:').map((c) => [c as Decision['cause'], get(`c:${c}`).decisions]));
  const outcomes = new Map(named(figures, 'o:').map((o) => [o as Outcome, get(`o:${o}`).decisions]));
  return {
    records: get('r').records,
    created: get('C').records,
    assigned: get('CA').records,
    decisions: get('r').decisions,
    causes,
    outcomes,
    rules: named(figures, 'R:').map((ruleId) => ({
      ruleId,
      ...ruleLabel(ruleId, rules.get(ruleId), retired.get(ruleId)),
      records: get(`R:${ruleId}`).records,
      recordsAssigned: get(`A:${ruleId}`).records,
      decisions: get(`R:${ruleId}`).decisions,
    })),
    methods: named(figures, 'M:').map((method) => ({ method, records: get(`M:${method}`).records, recordsAssigned: get(`N:${method}`).records, decisions: get(`M:${method}`).decisions })),
    users: named(figures, 'u:').map((user) => ({ user, assigned: get(`u:${user}`).records })),
  };
}
