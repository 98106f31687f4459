// The logged decisions the time-travel replay tests re-run: a project whose
// rules use every kind of method state (round robin and weighted cursors,
// weights by a user field, random seeds, least recent, a daily quota),
// re-assignment timers, queue retries and a manual retry, and 60 events decided
// by an engine with provenance on, 7 minutes apart, with the timers run between.
import { expect } from 'vitest';
import type { Directory } from '../../compiler/directory/model';
import type { Program } from '../../compiler/ir';
import { createEngine } from '../../runtime/engine';
import { MemoryStore } from '../../runtime/state/memory-store';
import { inTransaction } from '../../runtime/state/store';
import type { Decision } from '../../runtime/types';

export const RULES = `
schema lead { source: text  score: number  status: text }
schema user { grade: choice("A", "B") }
settings { timezone "UTC"  quota daily 6  unmatched queue "triage" retry every 10m for 1h }
rule "Web" { priority 10 on lead.created when lead.source == "Web" assign teams "East" distribute round_robin reassign after 30m when lead.status == "New" max 2 }
rule "Partner" { priority 20 on lead.created when lead.source == "Partner" assign teams "East", "West" distribute weighted { "East": 3, "West": 1 } }
rule "Graded" { priority 30 on lead.created when lead.source == "Ads" assign anyone distribute weighted by user.grade { "A": 2, "B": 1 } }
rule "Lottery" { priority 40 on lead.created when lead.source == "Fair" assign teams "West" distribute random }
rule "Oldest" { priority 50 on lead.created when lead.source == "Other" and lead.score > 50 assign anyone distribute least_recent take 2 }
`;
export const DIRECTORY = `
users:
  - { id: a@x.test, name: A, teams: [East], fields: { grade: A } }
  - { id: b@x.test, name: B, teams: [East], fields: { grade: B } }
  - { id: c@x.test, name: C, teams: [East, West], fields: { grade: A } }
  - { id: d@x.test, name: D, teams: [West], fields: { grade: B } }
teams:
  - { name: East, members: [a@x.test, b@x.test, c@x.test] }
  - { name: West, members: [c@x.test, d@x.test] }
`;

const SOURCES = ['Web', 'Partner', 'Ads', 'Fair', 'Other', 'Web', 'Partner'];

/** Decides the events under `version` into a fresh memory store; every decision it logged, newest first. */
export async function logged(version: { program: Program; directory: Directory }): Promise<{ store: MemoryStore; decisions: Decision[] }> {
  const { program, directory } = version;
  const store = new MemoryStore();
  let now = Date.parse('2026-11-02T09:00:00Z');
  const engine = createEngine({ program, directory, store, clock: () => now, provenance: true });
  for (let i = 0; i < 60; i++) {
    const source = SOURCES[i % SOURCES.length]!;
    const result = await engine.decide({ id: `e${i}`, type: 'lead.created', record: { id: `L${i}`, source, score: (i * 37) % 100, status: 'New' } });
    expect(result.ok).toBe(true);
    now += 7 * 60_000;
    await engine.tick();
  }
  await engine.retryQueued('triage', 'lead', 'L4');
  const decisions = await inTransaction(store, (tx) => tx.listDecisions({ limit: 10_000 }));
  return { store, decisions };
}
