// A recorded day of 1,000 lead events for the replay tests, built so that the
// flows between test/replay/fixtures/base and head are known (see
// replay-flows.test.ts).
import type { ReplayEvent } from '../../runtime/replay';

/** 600 unchanged website leads, 25 that move to India, 12 that fall to the unmatched queue, 363 others; shuffled by a fixed stride. */
export function recordedEvents(): ReplayEvent[] {
  const kinds = [
    ...Array<[string, string, number]>(600).fill(['Website', 'Spain', 80]),
    ...Array<[string, string, number]>(25).fill(['Website', 'India', 20]),
    ...Array<[string, string, number]>(12).fill(['Website', 'Spain', 10]),
    ...Array<[string, string, number]>(180).fill(['Partner', 'India', 10]),
    ...Array<[string, string, number]>(183).fill(['Partner', 'Spain', 90]),
  ];
  const start = Date.parse('2026-11-02T09:00:00Z');
  return kinds.map((_, i) => {
    const [source, country, score] = kinds[(i * 389) % kinds.length]!;
    return { event: { id: `ev-${i}`, type: 'lead.created', record: { id: `L${i}`, source, country, score } }, at: start + i * 60_000 };
  });
}

