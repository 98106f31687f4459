// The playground's language worker: compiles the edited project with the
// browser-safe library (`dist-rules/core`) for live diagnostics and their quick
// fixes (a diagnostic's fix, or its "did you mean" suggestion), answers completion and hover, and simulates a record against the
// edited rules with an engine over a fresh in-memory store — nothing of any
// server's state is read or written.
import { compileProject, createEngine, explainCandidates, explainText, MemoryStore, type CompileResult, type Diagnostic, type Fix, type IncomingEvent } from '../../api/core';
import { completionsAt, hoverAt } from './vocabulary-help';
import { DIRECTORY_FILE, RULES_FILE, type Envelope, type PlaygroundTexts, type Problem, type Reply, type Request, type Simulation } from './protocol';

function compile(texts: PlaygroundTexts): CompileResult {
  return compileProject({ sources: [{ file: RULES_FILE, text: texts.rules }], directory: { file: DIRECTORY_FILE, text: texts.directory } });
}

/** A "did you mean" suggestion as a fix: the misspelt name replaced by the suggested one. */
function suggestionFix(d: Diagnostic): Fix | undefined {
  const suggestion = d.data?.suggestion;
  return typeof suggestion === 'string' ? { title: `change to \`${suggestion}\``, edits: [{ span: d.span, newText: suggestion }] } : undefined;
}

function check(texts: PlaygroundTexts): Problem[] {
  return compile(texts).diagnostics.map((d) => {
    const problem: Problem = { file: d.file, severity: d.severity, code: d.code, message: d.message, start: d.span.start, end: d.span.end };
    if (d.help) problem.help = d.help;
    const fix = d.data?.fix ?? suggestionFix(d);
    if (fix && d.file === RULES_FILE && fix.edits.every((e) => (e.file ?? d.file) === RULES_FILE)) {
      problem.fix = { title: fix.title, edits: fix.edits.map((e) => ({ start: e.span.start, end: e.span.end, newText: e.newText })) };
    }
    return problem;
  });
}

async function simulate(texts: PlaygroundTexts, eventText: string): Promise<Simulation> {
  const result = compile(texts);
  if (!result.program || !result.directory) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}: ${d.message}`);
    return { ok: false, problems: errors.length > 0 ? errors : ['the project does not compile'] };
  }
  let event: IncomingEvent;
  try {
    event = JSON.parse(eventText) as IncomingEvent;
  } catch (error) {
    return { ok: false, problems: [`the record is not valid JSON: ${(error as Error).message}`] };
  }
  const at = typeof event?.at === 'string' ? Date.parse(event.at) : NaN;
  const engine = createEngine({ program: result.program, directory: result.directory, store: new MemoryStore(), clock: () => (Number.isNaN(at) ? Date.now() : at) });
  const decided = await engine.decide(event);
  if (!decided.ok) return { ok: false, problems: decided.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)) };
  const d = decided.decision;
  return {
    ok: true,
    outcome: d.outcome,
    rule: d.rule,
    assigned: d.assigned,
    queue: d.queue,
    reason: d.reason,
    candidates: explainCandidates(d.trace).map(({ user, status, step, reason }) => ({ user, status, step, reason })),
    explain: explainText(d),
  };
}

async function answer(request: Request): Promise<unknown> {
  switch (request.kind) {
    case 'check':
      return check(request.texts);
    case 'complete':
      return completionsAt(request.texts.rules, request.offset);
    case 'hover':
      return hoverAt(request.texts.rules, request.offset);
    case 'simulate':
      return simulate(request.texts, request.event);
  }
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<Envelope>) => void) | null; postMessage: (reply: Reply) => void };
scope.onmessage = (message) => {
  const { id, ...request } = message.data;
  answer(request as Request).then(
    (value) => scope.postMessage({ id, ok: true, value }),
    (error: unknown) => scope.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
};
