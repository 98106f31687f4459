// The event-overlap test is the one definition both priority conflicts (DIST309)
// and the rule analysis use: the index must answer exactly what the pairwise
// test says, and occurrences must capture "sees every event the rule sees".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventIndex, eventsOverlap, occurrencesOf, sees, type EventLike } from '../../compiler/analysis/event-overlap';

const event: fc.Arbitrary<EventLike> = fc.record({
  entity: fc.constantFrom('lead', 'deal'),
  kind: fc.constantFrom('created', 'updated'),
  fields: fc.option(fc.subarray(['a', 'b', 'c'], { minLength: 1 }), { nil: null }),
}).map((e) => (e.kind === 'updated' ? e : { ...e, fields: null }));

describe('event overlap', () => {
  it('EventIndex.first is the earliest added item whose event overlaps, by eventsOverlap', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 12 }), event, (added, query) => {
        const index = new EventIndex<number>((a, b) => a - b);
        added.forEach((e, i) => index.add(i, e));
        const expected = added.findIndex((e) => eventsOverlap(e, query));
        expect(index.first(query)).toBe(expected === -1 ? null : expected);
      }),
    );
  });

  it('a rule that sees every occurrence of another sees every change that reaches it', () => {
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 3 }), fc.array(event, { minLength: 1, maxLength: 3 }), fc.subarray(['a', 'b', 'c', 'd']), (later, earlier, changed) => {
        const reaches = (events: EventLike[], type: string) =>
          events.some((e) => `${e.entity}.${e.kind}` === type && (e.fields === null || e.fields.some((f) => changed.includes(f))));
        if (!occurrencesOf(later).every((o) => sees(earlier, o))) return;
        for (const type of ['lead.created', 'lead.updated', 'deal.created', 'deal.updated']) {
          if (reaches(later, type)) expect(reaches(earlier, type)).toBe(true);
        }
      }),
    );
  });
});
