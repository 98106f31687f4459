// Gaps: records that no active rule takes, per entity and event. For each event
// type the rules name, the narrowest occurrences are checked (event-overlap.ts):
// the event itself, and for `updated`, a change of each field some rule names
// plus a change of no such field. An occurrence is covered when the conditions
// of the rules that see it leave no record out; otherwise the solver's witness is
// a record that goes unmatched.
import type { Program, Rule } from '../ir';
import { occurrencesOf, sees, type EventLike, type Occurrence } from './event-overlap';
import { fieldTable, negate, opaqueAtoms, TRUE, type Culprit } from './formula';
import { normalise } from './normalise';
import { recordOf } from './relations';
import { solve } from './solve';
import { witness, type Witness } from './witness';

/** Steps the search for one occurrence may take: the conditions of every rule at once. */
const GAP_BUDGET = 2_000_000;

/** A part of a rule's condition the analysis does not decide, with its place. */
export interface PlacedCulprit extends Culprit {
  rule: string;
  file: string;
}

/** What the analysis found for one occurrence of an event. */
export interface Gap {
  /** `<entity>.<kind>`. */
  type: string;
  /** For `updated`: the one field the update changes, or null for a change of no field any rule names. */
  changed?: string | null;
  /** How many active rules see the occurrence. */
  rules: number;
  /** `gap`: `witness` goes unmatched · `covered`: every record is taken · `undecided`: see `culprits` or `exhausted`. */
  status: 'gap' | 'covered' | 'undecided';
  witness?: Witness;
  culprits?: PlacedCulprit[];
  /** The search ran out of steps. */
  exhausted?: boolean;
}

/** Every occurrence of every event type the project's rules name, with its gap (if any), sorted by type. */
export function findGaps(program: Program): Gap[] {
  const active = program.rules.filter((r) => r.status === 'active');
  const types = new Map<string, EventLike>();
  for (const rule of program.rules) for (const e of rule.events) if (!types.has(`${e.entity}.${e.kind}`)) types.set(`${e.entity}.${e.kind}`, { ...e, fields: null });
  const out: Gap[] = [];
  for (const [type, event] of [...types].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const o of occurrencesFor(event, active)) out.push(gapAt(program, type, o, active.filter((r) => sees(r.events, o))));
  }
  return out;
}

/** The occurrences of one event type: the event, or for `updated`, a change of each named field and of none. */
function occurrencesFor(event: EventLike, rules: readonly Rule[]): Occurrence[] {
  if (event.kind !== 'updated') return occurrencesOf([event]);
  const named = new Set<string>();
  for (const r of rules) for (const e of r.events) if (e.entity === event.entity && e.kind === 'updated') for (const f of e.fields ?? []) named.add(f);
  return [{ entity: event.entity, kind: 'updated', changed: null }, ...[...named].sort().map((f) => ({ entity: event.entity, kind: 'updated', changed: f }))];
}

function gapAt(program: Program, type: string, o: Occurrence, seers: Rule[]): Gap {
  const base: Gap = { type, ...(o.kind === 'updated' ? { changed: o.changed } : {}), rules: seers.length, status: 'gap' };
  const fields = fieldTable(program, o.entity);
  const formulas = seers.map((r) => ({ rule: r, formula: r.when ? normalise(r.when, r.entity, fields) : TRUE }));
  const result = solve(formulas.map((f) => negate(f.formula)), GAP_BUDGET);
  if (result.kind === 'unsat') return { ...base, status: 'covered' };
  const record = recordOf(result, o.entity);
  if (record) return { ...base, witness: witness(o.entity, o.kind, record, o.changed === null ? [] : [o.changed]) };
  const placed = new Map<Culprit, PlacedCulprit>();
  for (const { rule, formula } of formulas) {
    for (const culprit of opaqueAtoms(formula).values()) placed.set(culprit, { ...culprit, rule: rule.name, file: rule.span?.file ?? '' });
  }
  const culprits = result.kind === 'unknown' ? result.culprits.map((c) => placed.get(c)).filter((c): c is PlacedCulprit => c !== undefined) : [];
  return { ...base, status: 'undecided', culprits, exhausted: result.kind === 'unknown' && result.exhausted };
}
