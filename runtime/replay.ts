// Replays recorded events under two versions of a project (`dist diff --replay`):
// each version gets its own engine over a fresh memory store, the events run in
// order under one clock (the event's time, held until the next event's; timers
// due by then run first, as `dist serve`'s timer loop would), and every event's
// two decisions are compared: rule, outcome, assignees. The result counts what
// changed, tabulates the flows (where records went before → after) and keeps a
// few examples with both explain traces. Pure: no file system, no clock.
import type { Directory } from '../compiler/directory/model';
import type { Program } from '../compiler/ir';
import { parseIsoTime } from '../compiler/values';
import { createEngine, type Engine } from './engine';
import { explainText } from './explain-text';
import { MemoryStore } from './state/memory-store';
import type { Decision, IncomingEvent } from './types';

/** One version to replay under. */
export interface ReplayVersion {
  program: Program;
  directory: Directory;
}

/** An event to replay and the clock to decide it at (epoch ms; null: the previous event's). */
export interface ReplayEvent {
  event: IncomingEvent;
  at: number | null;
}

/** Where a decision sent its record, as a flow table names it. */
export interface Destination {
  /** `rule "Website leads"`, `queue "triage"` (and the rule whose fallback sent it), `unmatched queue "triage"`, `rejected`. */
  label: string;
  rule: string | null;
  outcome: Decision['outcome'] | 'rejected';
  assigned: string[];
}

export interface ReplayExample {
  eventId: string;
  before: Destination;
  after: Destination;
  /** explainText of each decision (the refusal for a rejected event). */
  beforeExplain: string;
  afterExplain: string;
}

export interface ReplayFlow {
  from: string;
  to: string;
  count: number;
  examples: ReplayExample[];
}

export interface ReplayReport {
  events: number;
  /** Events whose rule, outcome or assignees differ (an event counts once). */
  changed: number;
  ruleChanged: number;
  outcomeChanged: number;
  assigneeChanged: number;
  /** Events refused by the base, the head version. */
  rejected: { base: number; head: number };
  /** Destination changes, most frequent first; assignee-only changes within the same destination are in `sameDestination`. */
  flows: ReplayFlow[];
  /** Events that went to the same destination but other users. */
  sameDestination: { count: number; examples: ReplayExample[] };
}

export interface ReplayOptions {
  /** Examples kept per flow (default 3). */
  examples?: number;
  /** Called after every `every` events with the count so far (progress bars). */
  progress?: (done: number) => void;
  every?: number;
  /** The clock before the first event that has a time (epoch ms; default 0). */
  start?: number;
}

/** Replays `events` under `base` and `head` (see the top comment). */
export async function replayEvents(base: ReplayVersion, head: ReplayVersion, events: Iterable<ReplayEvent> | AsyncIterable<ReplayEvent>, options: ReplayOptions = {}): Promise<ReplayReport> {
  let now = options.start ?? 0;
  const clock = () => now;
  const engines = [base, head].map((v) => createEngine({ program: v.program, directory: v.directory, store: new MemoryStore(), clock })) as [Engine, Engine];
  const keep = options.examples ?? 3;
  const report: ReplayReport = { events: 0, changed: 0, ruleChanged: 0, outcomeChanged: 0, assigneeChanged: 0, rejected: { base: 0, head: 0 }, flows: [], sameDestination: { count: 0, examples: [] } };
  const flows = new Map<string, ReplayFlow>();
  for await (const { event, at } of events) {
    if (at !== null) now = at;
    await Promise.all(engines.map((e) => e.tick()));
    const [b, h] = await Promise.all(engines.map((e) => e.decide(event)));
    report.events++;
    const before = destination(b!);
    const after = destination(h!);
    if (before.outcome === 'rejected') report.rejected.base++;
    if (after.outcome === 'rejected') report.rejected.head++;
    const rule = before.rule !== after.rule;
    const outcome = before.outcome !== after.outcome;
    const assignee = before.assigned.join('\n') !== after.assigned.join('\n');
    if (rule) report.ruleChanged++;
    if (outcome) report.outcomeChanged++;
    if (assignee) report.assigneeChanged++;
    if (rule || outcome || assignee || before.label !== after.label) {
      report.changed++;
      const example = () => ({ eventId: String(event.id), before, after, beforeExplain: explainOf(engines[0], b!), afterExplain: explainOf(engines[1], h!) });
      if (before.label === after.label) {
        report.sameDestination.count++;
        if (report.sameDestination.examples.length < keep) report.sameDestination.examples.push(example());
      } else {
        const key = `${before.label}\n${after.label}`;
        let flow = flows.get(key);
        if (!flow) flows.set(key, (flow = { from: before.label, to: after.label, count: 0, examples: [] }));
        flow.count++;
        if (flow.examples.length < keep) flow.examples.push(example());
      }
    }
    if (options.progress && report.events % (options.every ?? 1000) === 0) options.progress(report.events);
  }
  report.flows = [...flows.values()].sort((x, y) => y.count - x.count || (x.from < y.from ? -1 : x.from > y.from ? 1 : x.to < y.to ? -1 : 1));
  return report;
}

type Result = Awaited<ReturnType<Engine['decide']>>;

function destination(result: Result): Destination {
  if (!result.ok) return { label: 'rejected', rule: null, outcome: 'rejected', assigned: [] };
  const d = result.decision;
  const rule = d.rule === null ? null : JSON.stringify(d.rule);
  let label: string;
  if (d.outcome === 'unmatched') label = d.queue === null ? 'unmatched (keeps its owner)' : `unmatched queue ${JSON.stringify(d.queue)}`;
  else if (d.outcome === 'fallback') label = d.queue === null ? `fallback user of rule ${rule}` : `queue ${JSON.stringify(d.queue)} (fallback of rule ${rule})`;
  else label = `rule ${rule}`;
  return { label, rule: d.rule, outcome: d.outcome, assigned: d.assigned };
}

function explainOf(engine: Engine, result: Result): string {
  if (result.ok) return explainText(engine.explain(result.decision));
  return `rejected: ${result.issues.map((i) => (i.path ? `\`${i.path}\`: ${i.message}` : i.message)).join('; ')}`;
}

/** The clock of an event: its `at` read in `timezone` (epoch ms), or null when it has none or it is not a time. */
export function eventClock(event: IncomingEvent, timezone: string): number | null {
  return typeof event.at === 'string' ? parseIsoTime(event.at, timezone) : null;
}
