// Reading the decision log for the API: pages newest first with a cursor, the
// team a caller's view is limited to (team-limited tokens see only the decisions
// of rules scoped to their team when they decided, `Decision.team`, read with
// the stores' team index), and a bounded scan for the statistics. Each page is
// read in one transaction.
import { inTransaction, type DecisionFilter } from '../runtime/state/store';
import type { Caller } from './auth';
import { type Decision, type Program, type StateStore } from '../api';

/** Decisions read per store round trip while scanning. */
const SCAN_PAGE = 500;

/**
 * The team a caller's view of the log is limited to, narrowed to `team` when
 * given: null when everything is visible (the administrator, no team asked),
 * false when nothing is (a team-limited token asking for another team).
 */
export function viewTeam(caller: Caller, team?: string): string | null | false {
  const teams = new Set([caller.kind === 'team' ? caller.team : null, team ?? null].filter((t) => t !== null));
  if (teams.size > 1) return false;
  return teams.size === 0 ? null : ([...teams][0] as string);
}

/** Whether a decision is in a view limited to `team` (see viewTeam). */
export function inView(team: string | null | false, d: Decision): boolean {
  return team === null || (team !== false && d.team === team);
}

/** The log filter of a view: `filter` narrowed to the view's team; null when nothing is visible. */
export function viewFilter<F extends DecisionFilter>(filter: F, team: string | null | false): F | null {
  if (team === false) return null;
  return team === null ? filter : { ...filter, team };
}

/** The rules a caller may see: all for the administrator, its team's for a team-limited token. */
export function rulesVisibleTo(caller: Caller, program: Program): Program['rules'] {
  return caller.kind === 'admin' ? program.rules : program.rules.filter((r) => r.scope.kind === 'team' && r.scope.team === caller.team);
}

/** One page of the log matching `filter` (null: nothing), newest first, and the cursor of the next page (null at the end). */
export async function readPage(store: StateStore, filter: DecisionFilter | null, limit: number): Promise<{ decisions: Decision[]; next: string | null }> {
  if (filter === null) return { decisions: [], next: null };
  const decisions = await inTransaction(store, (tx) => tx.listDecisions({ ...filter, limit }));
  return { decisions, next: decisions.length === limit ? (decisions[limit - 1] as Decision).id : null };
}

/** Calls `visit` for every decision matching `filter` (null: none), newest first, up to `max`; true when it stopped at `max`. */
export async function scanDecisions(store: StateStore, filter: Omit<DecisionFilter, 'limit' | 'before'> | null, max: number, visit: (d: Decision) => void): Promise<boolean> {
  if (filter === null) return false;
  let before: string | undefined;
  let seen = 0;
  for (;;) {
    const batch = await inTransaction(store, (tx) => tx.listDecisions({ ...filter, before, limit: SCAN_PAGE }));
    for (const d of batch) {
      before = d.id;
      if (++seen > max) return true;
      visit(d);
    }
    if (batch.length < SCAN_PAGE) return false;
  }
}
