// When two rules can see the same event, and which rules see every event that
// reaches a given rule. `eventsOverlap` is the one definition: the same entity
// and kind, and for two `updated(…)` with field lists, a field in common.
// Priority conflicts (DIST309) and the rule analysis both use it; EventIndex
// answers "the first earlier item whose event overlaps" in constant time per
// field, for checks that must stay linear in the number of rules.

/** An event of a rule's `on` clause, as the compiler's stages and the IR both hold it. */
export interface EventLike {
  entity: string;
  kind: string;
  /** For `updated(f, …)`: the fields; null = any update (or another kind). */
  fields: readonly string[] | null;
}

/** True when some event occurrence reaches both `a` and `b`. */
export function eventsOverlap(a: EventLike, b: EventLike): boolean {
  if (a.entity !== b.entity || a.kind !== b.kind) return false;
  if (a.kind !== 'updated' || a.fields === null || b.fields === null) return true;
  return a.fields.some((f) => b.fields!.includes(f));
}

/** True when some event of `a` overlaps some event of `b`. */
export function anyEventsOverlap(a: readonly EventLike[], b: readonly EventLike[]): boolean {
  return a.some((x) => b.some((y) => eventsOverlap(x, y)));
}

/**
 * The events that reach a rule, as the narrowest occurrences: one per event that
 * is not `updated(…)`; for `updated(f, g)`, an update that changes only `f`, and
 * one that changes only `g`. A rule that sees each of these sees every event the
 * first rule sees.
 */
export interface Occurrence {
  entity: string;
  kind: string;
  /** The one changed field of an `updated(…)` occurrence; null: any (or no) change. */
  changed: string | null;
}

/** The narrowest occurrences of a rule's events. */
export function occurrencesOf(events: readonly EventLike[]): Occurrence[] {
  const out = new Map<string, Occurrence>();
  for (const e of events) {
    if (e.kind !== 'updated' || e.fields === null) out.set(`${e.entity}.${e.kind}`, { entity: e.entity, kind: e.kind, changed: null });
    else for (const f of e.fields) out.set(`${e.entity}.${e.kind}(${f})`, { entity: e.entity, kind: e.kind, changed: f });
  }
  // An `updated` that reaches every update makes its single-field occurrences redundant.
  return [...out.values()].filter((o) => o.changed === null || !out.has(`${o.entity}.${o.kind}`));
}

/** True when a rule with `events` sees occurrence `o`. */
export function sees(events: readonly EventLike[], o: Occurrence): boolean {
  return events.some(
    (e) => e.entity === o.entity && e.kind === o.kind && (e.fields === null || (o.changed !== null && e.fields.includes(o.changed))),
  );
}

/** An occurrence both rules see (for two `updated(…)`, a change of a field both name), or null. */
export function sharedOccurrence(a: readonly EventLike[], b: readonly EventLike[]): Occurrence | null {
  for (const x of a) {
    for (const y of b) {
      if (!eventsOverlap(x, y)) continue;
      const changed = x.fields === null ? (y.fields?.[0] ?? null) : (x.fields.find((f) => y.fields === null || y.fields.includes(f)) ?? null);
      return { entity: x.entity, kind: x.kind, changed };
    }
  }
  return null;
}

interface Bucket<T> {
  first: T;
  /** The first item whose event is `updated` without a field list. */
  anyUpdate: T | null;
  /** For each field, the first item whose `updated(…)` names it. */
  byField: Map<string, T>;
}

/** Items added with their events; `first(event)` is the earliest added item whose event overlaps it. */
export class EventIndex<T> {
  private readonly buckets = new Map<string, Bucket<T>>();

  constructor(private readonly order: (a: T, b: T) => number) {}

  add(item: T, event: EventLike): void {
    const key = `${event.entity}.${event.kind}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { first: item, anyUpdate: null, byField: new Map() };
      this.buckets.set(key, bucket);
    }
    if (event.fields === null) bucket.anyUpdate ??= item;
    else for (const field of event.fields) if (!bucket.byField.has(field)) bucket.byField.set(field, item);
  }

  /** The earliest item (by `order`) whose event overlaps `event`, or null. */
  first(event: EventLike): T | null {
    const bucket = this.buckets.get(`${event.entity}.${event.kind}`);
    if (!bucket) return null;
    if (event.kind !== 'updated' || event.fields === null) return bucket.first;
    let found = bucket.anyUpdate;
    for (const field of event.fields) {
      const other = bucket.byField.get(field);
      if (other !== undefined && (found === null || this.order(other, found) < 0)) found = other;
    }
    return found;
  }
}
