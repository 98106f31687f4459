// Reading the decision log for the API: pages newest first with a cursor, an
// optional visibility test (team-limited tokens see only their team's rules),
// and a bounded scan for the statistics. Each page is read in one transaction.
import { inTransaction, type DecisionFilter } from '../runtime/state/store';
import type { Caller } from './auth';
import { type Decision, type Program, type StateStore } from '../api';

/** Decisions read per store round trip when a visibility test filters them. */
const SCAN_PAGE = 500;
/** The most decisions one filtered page request looks at before answering with a cursor. */
const SCAN_LIMIT = 20_000;

/**
 * The visibility test of a caller, narrowed to one team's rules when `team` is
 * given: null when everything is visible (the administrator, no team asked).
 * A team-limited token sees only decisions of rules scoped to its team.
 */
export function visibleTo(caller: Caller, program: Program, team?: string): ((d: Decision) => boolean) | null {
  const teams = new Set([caller.kind === 'team' ? caller.team : null, team ?? null].filter((t) => t !== null));
  if (teams.size === 0) return null;
  if (teams.size > 1) return () => false;
  const only = [...teams][0];
  const rules = new Set(program.rules.filter((r) => r.scope.kind === 'team' && r.scope.team === only).map((r) => r.id));
  return (d) => d.ruleId !== null && rules.has(d.ruleId);
}

/** The rules a caller may see: all for the administrator, its team's for a team-limited token. */
export function rulesVisibleTo(caller: Caller, program: Program): Program['rules'] {
  return caller.kind === 'admin' ? program.rules : program.rules.filter((r) => r.scope.kind === 'team' && r.scope.team === caller.team);
}

/** One page of the log, newest first, and the cursor of the next page (null at the end). */
export async function readPage(
  store: StateStore,
  filter: DecisionFilter,
  limit: number,
  visible: ((d: Decision) => boolean) | null,
): Promise<{ decisions: Decision[]; next: string | null }> {
  if (visible === null) {
    const decisions = await inTransaction(store, (tx) => tx.listDecisions({ ...filter, limit }));
    return { decisions, next: decisions.length === limit ? (decisions[limit - 1] as Decision).id : null };
  }
  const found: Decision[] = [];
  let before = filter.before;
  for (let scanned = 0; scanned < SCAN_LIMIT; ) {
    const batch = await inTransaction(store, (tx) => tx.listDecisions({ ...filter, before, limit: SCAN_PAGE }));
    for (const d of batch) {
      before = d.id;
      if (visible(d) && found.push(d) === limit) return { decisions: found, next: d.id };
    }
    scanned += batch.length;
    if (batch.length < SCAN_PAGE) return { decisions: found, next: null };
  }
  return { decisions: found, next: before ?? null };
}

/** Calls `visit` for every visible decision in `[fromMs, toMs)`, newest first, up to `max`; true when it stopped at `max`. */
export async function scanDecisions(
  store: StateStore,
  range: { fromMs?: number; toMs?: number },
  visible: ((d: Decision) => boolean) | null,
  max: number,
  visit: (d: Decision) => void,
): Promise<boolean> {
  let before: string | undefined;
  let seen = 0;
  for (;;) {
    const batch = await inTransaction(store, (tx) => tx.listDecisions({ ...range, before, limit: SCAN_PAGE }));
    for (const d of batch) {
      before = d.id;
      if (visible !== null && !visible(d)) continue;
      if (++seen > max) return true;
      visit(d);
    }
    if (batch.length < SCAN_PAGE) return false;
  }
}
