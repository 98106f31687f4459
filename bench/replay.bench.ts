// Benchmark: `dist diff --replay`'s engine work: events through a generated
// 1,000-rule project (1,000 users, round robin) under two versions (the head
// version narrows every tenth rule with `lead.score >= 60`, so part of the
// traffic flows elsewhere), events per second of the whole replay (both
// versions decide each event, and both decisions are compared). 100,000 events
// by default; `REPLAY_EVENTS=N` replays fewer where a full run takes too long.
// The generated project, its head version and the event stream are shared with
// shadow.bench.ts.
import { compileProject } from '../compiler/compile';
import { replayEvents, type ReplayEvent, type ReplayVersion } from '../runtime/replay';
import { generateProject, recordFor } from './generate-project';
import { count, figure, report } from './measure';

export const RULES = 1_000;
const EVENTS = Number(process.env.REPLAY_EVENTS ?? 100_000);

export type Project = ReturnType<typeof generateProject>;

/** The base version: 1,000 rules, 1,000 users, round robin. */
export function baseProject(): Project {
  return generateProject(RULES, 1000, 50, 'round_robin');
}

/** The head version: every tenth rule also wants a score of 60 (the events carry 50). */
export function headOf(project: Project): Project {
  let n = 0;
  const sources = project.sources.map((s) => ({ ...s, text: s.text.replace(/\n {2}when /g, (m) => (n++ % 10 === 0 ? '\n  when lead.score >= 60 and ' : m)) }));
  return { ...project, sources };
}

function version(project: Project): ReplayVersion {
  const compiled = compileProject({ sources: project.sources, directory: project.directory });
  if (!compiled.program || !compiled.directory) throw new Error('the generated project does not compile');
  return { program: compiled.program, directory: compiled.directory };
}

/** `count` events, each matching a pseudo-random rule of the 1,000, 100 ms apart. */
export function* events(total: number): Generator<ReplayEvent> {
  let random = 1;
  const start = Date.UTC(2026, 10, 23, 5);
  for (let i = 0; i < total; i++) {
    random = (random * 48271) % 2147483647;
    yield { event: { id: `e${i}`, type: 'lead.created', record: { id: `r${i}`, ...recordFor(random % RULES) } }, at: start + i * 100 };
  }
}

/** Replays the events under both versions and prints events/s. */
export async function benchReplay(): Promise<void> {
  if (!Number.isInteger(EVENTS) || EVENTS < 1) throw new Error(`REPLAY_EVENTS must be a positive whole number, got ${process.env.REPLAY_EVENTS}`);
  const base = baseProject();
  const [before, after] = [version(base), version(headOf(base))];
  const started = performance.now();
  const result = await replayEvents(before, after, events(EVENTS), { examples: 1 });
  const seconds = (performance.now() - started) / 1000;
  const perSecond = figure('replay: events/s, 1,000 rules, two versions', EVENTS / seconds, 'events/s');
  report(`replay: ${count(RULES)} rules, 1,000 users, round robin, two versions`, [
    ['events', `${count(EVENTS)} in ${seconds.toFixed(1)} s: ${count(perSecond)} events/s (two decisions each)`],
    ['changed', `${count(result.changed)} events change, ${result.flows.length} flows`],
  ]);
}
