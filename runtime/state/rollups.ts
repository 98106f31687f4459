// Per-hour rollups of the decision log, kept by every state store in the same
// transaction as the decisions they count, so the statistics of whole hours are
// sums instead of scans. A rollup row is (hour, key, prev, aux) with two counters:
// `decisions` (decisions of that hour with that key) and `records` (distinct
// records, counted exactly over any run of whole hours with the "previous
// appearance" trick: a record with key k in hour h adds one to the row whose
// `prev` is the last earlier hour it had key k, so the records of hours H1..H2
// are the rows of those hours with prev < H1). `aux` narrows a row further: for
// `CA` (created and assigned) it is the record's creation hour, which must lie in
// the range too. The rows of a store are the sum of `recordRollup` over its
// records; appending decisions adds `rollupChange` of their record's decisions.
//
// Keys: `r` every decision (records seen), `c:<cause>` and `o:<outcome>`
// (decisions only), `u:<user>` records assigned to a user, `R:<rule>` and
// `A:<rule>` records a rule decided and assigned, `M:<method>` and `N:<method>`
// the same per method (the method of the decision's trace; decisions whose trace
// names none are left to the caller), `C` records created (the record's first
// decision caused by an event) and `CA` of those, the ones assigned. A manual
// assignment (cause `manual`) counts under `c:manual` only.
//
// Rows belong to a team (`team`): the rows of EVERY_TEAM count every decision;
// the rows of team T count only the decisions of rules scoped to T when they
// decided (`Decision.team`), with a record created by T when its creation was a
// decision of T — the statistics a token limited to T sees.
import type { Decision, Outcome } from '../types';

/** One hour in epoch ms. */
export const HOUR_MS = 3_600_000;
/** The team of the rows that count every decision (team names are never empty). */
export const EVERY_TEAM = '';
/** `prev` and `aux` of a row that has none (below every hour a clock gives). */
export const NONE = -1_000_000_000_000;

/** The hour (since the epoch) of an instant. */
export function hourOf(ms: number): number {
  return Math.floor(ms / HOUR_MS);
}

/** What the rollups and the statistics read of a decision (no trace, no body). */
export interface DecisionFacts {
  entity: string;
  recordId: string;
  eventId: string;
  ruleId: string | null;
  outcome: Outcome;
  cause: Decision['cause'];
  decidedAt: number;
  assigned: string[];
  /** The method named by the decision's trace (null when no method ran). */
  method: string | null;
  /** The team its rule was scoped to (null: none). */
  team: string | null;
}

/** One rollup row and its counters. */
export interface RollupRow {
  /** EVERY_TEAM, or the team whose decisions the row counts. */
  team: string;
  hour: number;
  key: string;
  prev: number;
  aux: number;
  records: number;
  decisions: number;
}

/** The summed counters of one key over a run of whole hours. */
export interface RollupSum {
  key: string;
  records: number;
  decisions: number;
}

/** Reading the rollups and the facts of decisions, in the transaction that holds them. */
export interface RollupReader {
  /** Per key, the counters of hours `fromHour..toHour` (both included) in the rows of `team`. */
  sums(fromHour: number, toHour: number, team: string): Promise<RollupSum[]>;
  /** Facts of the decisions in `[fromMs, toMs)`, in log order; `noMethod`: only those of a rule whose trace names no method; `team` (unless EVERY_TEAM): only that team's. */
  factsInRange(fromMs: number, toMs: number, noMethod: boolean, team: string): Promise<DecisionFacts[]>;
  /** Facts of every decision of these records, in log order. */
  factsOfRecords(records: readonly { entity: string; recordId: string }[]): Promise<DecisionFacts[]>;
}

/** The columns of the facts, as the SQL stores keep them (`assigned`: JSON text in SQLite, an array in PostgreSQL). */
export interface FactsRow {
  entity: string;
  record_id: string;
  event_id: string;
  rule_id: string | null;
  outcome: Outcome;
  cause: Decision['cause'];
  decided_at: number | string;
  assigned: string | string[];
  method: string | null;
  team: string | null;
}

/** The select list of the facts in the SQL stores. */
export const FACTS_COLUMNS = 'entity, record_id, event_id, rule_id, outcome, cause, decided_at, assigned, method, team';

/** The facts of a row of the SQL stores. */
export function factsFromRow(row: FactsRow): DecisionFacts {
  return {
    entity: row.entity,
    recordId: row.record_id,
    eventId: row.event_id,
    ruleId: row.rule_id,
    outcome: row.outcome,
    cause: row.cause,
    decidedAt: Number(row.decided_at),
    assigned: typeof row.assigned === 'string' ? (JSON.parse(row.assigned) as string[]) : row.assigned,
    method: row.method,
    team: row.team,
  };
}

/** An hour or instant as an SQL integer parameter (infinite bounds become the widest ones). */
export function sqlBound(n: number): number {
  return Math.max(-9e15, Math.min(9e15, Math.trunc(n)));
}

/** The facts of a decision. */
export function factsOf(d: Decision): DecisionFacts {
  const { entity, recordId, eventId, ruleId, outcome, cause, decidedAt } = d;
  return { entity, recordId, eventId, ruleId, outcome, cause, decidedAt, assigned: [...d.assigned], method: d.trace.method?.method ?? null, team: d.team ?? null };
}

/** The keys a decision counts under, for distinct records and for decisions. */
export function decisionKeys(f: DecisionFacts, method: string | null): { records: string[]; decisions: string[] } {
  // A manual assignment is reported, not distributed: only its cause is counted.
  if (f.cause === 'manual') return { records: [], decisions: ['c:manual'] };
  const records = ['r', ...f.assigned.map((u) => `u:${u}`)];
  const decisions = ['r', `c:${f.cause}`, `o:${f.outcome}`];
  if (f.ruleId !== null) {
    records.push(`R:${f.ruleId}`);
    decisions.push(`R:${f.ruleId}`);
    if (f.assigned.length > 0) records.push(`A:${f.ruleId}`);
    if (method !== null) {
      records.push(`M:${method}`);
      decisions.push(`M:${method}`);
      if (f.assigned.length > 0) records.push(`N:${method}`);
    }
  }
  return { records, decisions };
}

/** The record's creation: its first decision caused by an event (null: none). */
export function creationOf(facts: readonly DecisionFacts[]): DecisionFacts | null {
  return facts.find((f) => f.cause === 'event') ?? null;
}

/** The rollup rows one record's decisions (in log order) add up to, by row id: those of every decision, and those of each team that decided it. */
export function recordRollup(facts: readonly DecisionFacts[]): Map<string, RollupRow> {
  const rows = new Map<string, RollupRow>();
  const created = creationOf(facts);
  teamRollup(rows, EVERY_TEAM, facts, created);
  for (const team of new Set(facts.map((f) => f.team))) {
    if (team !== null) teamRollup(rows, team, facts.filter((f) => f.team === team), created?.team === team ? created : null);
  }
  return rows;
}

/** Adds to `rows` the rows of `team` for a record's decisions that team counts (`created`: its creation, when the team counts it). */
function teamRollup(rows: Map<string, RollupRow>, team: string, facts: readonly DecisionFacts[], created: DecisionFacts | null): void {
  /** Per records key, the distinct hours it was counted in. */
  const hours = new Map<string, number[]>();
  for (const f of facts) {
    const hour = hourOf(f.decidedAt);
    const keys = decisionKeys(f, f.method);
    for (const key of keys.decisions) addCounts(rows, team, hour, key, NONE, NONE, 0, 1);
    for (const key of keys.records) {
      const seen = hours.get(key);
      if (!seen) hours.set(key, [hour]);
      else if (!seen.includes(hour)) seen.push(hour);
    }
  }
  for (const [key, seen] of hours) addAppearances(rows, team, key, seen, NONE);
  if (created) {
    const createdHour = hourOf(created.decidedAt);
    addCounts(rows, team, createdHour, 'C', NONE, NONE, 1, 0);
    addAppearances(rows, team, 'CA', assignedHours(facts), createdHour);
  }
}

/** One record appearance per hour of `seen`, each row's `prev` the hour before it. */
function addAppearances(rows: Map<string, RollupRow>, team: string, key: string, seen: number[], aux: number): void {
  if (seen.length > 1) seen.sort((a, b) => a - b);
  let prev = NONE;
  for (const hour of seen) {
    addCounts(rows, team, hour, key, prev, aux, 1, 0);
    prev = hour;
  }
}

function addCounts(rows: Map<string, RollupRow>, team: string, hour: number, key: string, prev: number, aux: number, records: number, decisions: number): void {
  const id = rowId(team, hour, key, prev, aux);
  const row = rows.get(id);
  if (row) {
    row.records += records;
    row.decisions += decisions;
  } else rows.set(id, { team, hour, key, prev, aux, records, decisions });
}

/** What a record's decisions going from `before` to `after` (more of them) changes in the rollups (rows with a non-zero change). */
export function rollupChange(before: readonly DecisionFacts[], after: readonly DecisionFacts[]): RollupRow[] {
  if (before.length === 0) return [...recordRollup(after).values()].sort(compareRows);
  const old = recordRollup(before);
  const next = recordRollup(after);
  const out: RollupRow[] = [];
  for (const [id, row] of next) {
    const was = old.get(id);
    const records = row.records - (was?.records ?? 0);
    const decisions = row.decisions - (was?.decisions ?? 0);
    if (records !== 0 || decisions !== 0) out.push({ ...row, records, decisions });
  }
  for (const [id, row] of old) if (!next.has(id)) out.push({ ...row, records: -row.records, decisions: -row.decisions });
  return out.sort(compareRows);
}

/** Per key, what one record's decisions (all of them, in log order) count in the window `[fromMs, toMs)` for `team`: the figures the rollups sum for whole hours, with `methodOf` naming each decision's method. */
export function recordFigures(
  facts: readonly DecisionFacts[],
  fromMs: number,
  toMs: number,
  methodOf: (f: DecisionFacts) => string | null,
  team: string,
): Map<string, { records: number; decisions: number }> {
  const out = new Map<string, { records: number; decisions: number }>();
  const at = (key: string) => {
    let figure = out.get(key);
    if (!figure) out.set(key, (figure = { records: 0, decisions: 0 }));
    return figure;
  };
  const counts = (f: DecisionFacts) => team === EVERY_TEAM || f.team === team;
  const inside = facts.filter((f) => f.decidedAt >= fromMs && f.decidedAt < toMs && counts(f));
  for (const f of inside) {
    const keys = decisionKeys(f, methodOf(f));
    for (const key of keys.decisions) at(key).decisions++;
    for (const key of keys.records) at(key).records = 1;
  }
  const created = creationOf(facts);
  if (created && created.decidedAt >= fromMs && created.decidedAt < toMs && counts(created)) {
    at('C').records = 1;
    if (inside.some(distributed)) at('CA').records = 1;
  }
  return out;
}

/** Adds rows into a map of rows by id, merging rows with one id and dropping rows that reach zero. */
export function mergeRows(into: Map<string, RollupRow>, rows: readonly RollupRow[]): void {
  for (const row of rows) addRow(into, rowId(row.team, row.hour, row.key, row.prev, row.aux), row, 1);
}

/** Adds (`sign` 1) or takes away (-1) rows by id, as `recordRollup` gives them, like `mergeRows`. */
export function mergeRollup(into: Map<string, RollupRow>, rows: ReadonlyMap<string, RollupRow>, sign: 1 | -1): void {
  for (const [id, row] of rows) addRow(into, id, row, sign);
}

function addRow(into: Map<string, RollupRow>, id: string, row: RollupRow, sign: 1 | -1): void {
  const was = into.get(id);
  if (!was) {
    into.set(id, { ...row, records: sign * row.records, decisions: sign * row.decisions });
    return;
  }
  was.records += sign * row.records;
  was.decisions += sign * row.decisions;
  if (was.records === 0 && was.decisions === 0) into.delete(id);
}

/** A total order of rows, so concurrent writers touch shared rows in one order. */
export function compareRows(a: RollupRow, b: RollupRow): number {
  return compareText(a.team, b.team) || a.hour - b.hour || compareText(a.key, b.key) || a.prev - b.prev || a.aux - b.aux;
}

function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Sums the rows of `team` of hours `fromHour..toHour` per key, as every store's `sums` does. */
export function sumRows(rows: Iterable<RollupRow>, fromHour: number, toHour: number, team: string): RollupSum[] {
  const sums = new Map<string, RollupSum>();
  for (const row of rows) {
    if (row.team !== team || row.hour < fromHour || row.hour > toHour) continue;
    let sum = sums.get(row.key);
    if (!sum) sums.set(row.key, (sum = { key: row.key, records: 0, decisions: 0 }));
    sum.decisions += row.decisions;
    if (row.prev < fromHour && (row.aux === NONE || (row.aux >= fromHour && row.aux <= toHour))) sum.records += row.records;
  }
  return [...sums.values()];
}

/** Facts split by record (entity and id), each record's in their order. */
export function groupByRecord(facts: readonly DecisionFacts[]): DecisionFacts[][] {
  const out = new Map<string, DecisionFacts[]>();
  for (const f of facts) {
    const key = `${f.entity}/${f.recordId}`;
    let own = out.get(key);
    if (!own) out.set(key, (own = []));
    own.push(f);
  }
  return [...out.values()];
}

/** Two lists of sums added key by key. */
export function addSums(a: readonly RollupSum[], b: readonly RollupSum[]): RollupSum[] {
  const out = new Map(a.map((s) => [s.key, { ...s }]));
  for (const s of b) {
    const was = out.get(s.key);
    if (was) {
      was.records += s.records;
      was.decisions += s.decisions;
    } else out.set(s.key, { ...s });
  }
  return [...out.values()];
}

/** Whether the engine assigned the record in this decision (a manual assignment is not counted). */
function distributed(f: DecisionFacts): boolean {
  return f.assigned.length > 0 && f.cause !== 'manual';
}

function assignedHours(facts: readonly DecisionFacts[]): number[] {
  return [...new Set(facts.filter(distributed).map((f) => hourOf(f.decidedAt)))];
}

/** Unambiguous: the numbers come first (NONE, never an hour, as nothing), then the team's length, and the team and key (any text) last. */
function rowId(team: string, hour: number, key: string, prev: number, aux: number): string {
  return `${hour}|${prev === NONE ? '' : prev}|${aux === NONE ? '' : aux}|${team.length}|${team}${key}`;
}
