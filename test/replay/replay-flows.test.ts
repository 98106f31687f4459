// Replay of recorded events under two versions, where the flow table is known by
// construction: the head version adds `lead.score >= 50` to "Website leads", and
// each team has one member, so of 1,000 events exactly the 25 low-score Indian
// website leads move to "India leads" and the 12 low-score others to the
// unmatched queue; everything else decides the same.
import { describe, expect, test } from 'vitest';
import { compileFolder } from '../../compiler/node/compile-folder';
import { join } from 'node:path';
import { replayEvents, type ReplayVersion } from '../../runtime/replay';
import { recordedEvents } from './recorded-events';

const FIXTURES = join(import.meta.dirname, 'fixtures');

async function version(side: string): Promise<ReplayVersion> {
  const compiled = await compileFolder(join(FIXTURES, side));
  return { program: compiled.result.program!, directory: compiled.result.directory! };
}

describe('replay flows', () => {
  test('the flow table and counts are the ones built into the events', async () => {
    const report = await replayEvents(await version('base'), await version('head'), recordedEvents(), { examples: 2 });
    expect(report.events).toBe(1000);
    expect(report.changed).toBe(37);
    expect(report.ruleChanged).toBe(37);
    expect(report.outcomeChanged).toBe(12);
    expect(report.assigneeChanged).toBe(37);
    expect(report.sameDestination.count).toBe(0);
    expect(report.flows.map((f) => [f.from, f.to, f.count])).toEqual([
      ['rule "Website leads"', 'rule "India leads"', 25],
      ['rule "Website leads"', 'unmatched queue "triage"', 12],
    ]);
    const [example] = report.flows[0]!.examples;
    expect(example!.before.assigned).toEqual(['ana@acme.test']);
    expect(example!.after.assigned).toEqual(['dee@acme.test']);
    expect(example!.afterExplain).toContain('lead.score >= 50');
    expect(report.flows[0]!.examples).toHaveLength(2);
  });

  test('a version replayed against itself changes nothing', async () => {
    const head = await version('head');
    const report = await replayEvents(head, head, recordedEvents());
    expect(report.changed).toBe(0);
    expect(report.flows).toEqual([]);
  });
});
