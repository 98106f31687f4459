// Test helpers for the runtime: compile a `.dist` snippet with a directory YAML
// into a program, and drive an engine over it with a controllable clock.
// Snippets get a default lead and user schema and default settings unless they
// declare their own.
import { compileProject } from '../../compiler/compile';
import type { Directory, DirectoryUser } from '../../compiler/directory/model';
import type { Program } from '../../compiler/ir';
import { parseIsoTime } from '../../compiler/values';
import { createEngine, type Engine } from '../../runtime/engine';
import { MemoryStore } from '../../runtime/state/memory-store';
import { LockCheckedStore } from '../state/lock-checked-store';
import type { Decision, ExplainedDecision } from '../../runtime/types';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

const LEAD_SCHEMA = `schema lead {
  source: text
  score: number
  status: text
  zip: text
  price_max: number
  language: text
}
`;

const USER_SCHEMA = `schema user {
  grade: choice("A", "B", "C")
  role: text
  max_open: number
  hourly_cap: number
  daily_cap: number
  conversion_rate: number
  quality_score: number
  price: number
  price_min: number
  price_max: number
  service_zips: list(text)
  languages: list(text)
}
`;

const SETTINGS = `settings {
  timezone "UTC"
  unmatched queue "triage"
}
`;

/** Compiles rules (plus default schemas/settings where the snippet has none) and a directory. */
export function compileSnippet(rules: string, directoryYaml = 'users: []\n'): { program: Program; directory: Directory } {
  const text = [
    /schema\s+lead\b/.test(rules) ? '' : LEAD_SCHEMA,
    /schema\s+user\b/.test(rules) ? '' : USER_SCHEMA,
    /^\s*settings\s*\{/m.test(rules) ? '' : SETTINGS,
    rules,
  ].join('\n');
  const result = compileProject({ sources: [{ file: 'rules/test.dist', text }], directory: { file: 'directory.yaml', text: directoryYaml } });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !result.program || !result.directory) {
    throw new Error(`snippet does not compile:\n${errors.map((d) => `${d.file}:${d.span.start} ${d.code} ${d.message}`).join('\n')}`);
  }
  if (/^\s*quota\s/m.test(rules) && result.program.settings.quotas.length === 0) {
    throw new Error('the compiler dropped the `quota` settings of the snippet (a parser problem, not the runtime)');
  }
  return { program: result.program, directory: result.directory };
}

/** Directory YAML for users with the given ids (each with `extra` YAML properties, e.g. `checked_in: true`). */
export function usersYaml(ids: readonly string[], extra = ''): string {
  return `users:\n${ids.map((id) => `  - { id: ${id}, name: ${id}${extra ? `, ${extra}` : ''} }`).join('\n')}\n`;
}

/** Parses an ISO time as epoch ms (UTC when it has no offset). */
export function at(iso: string): number {
  const ms = parseIsoTime(iso, 'UTC');
  if (ms === null) throw new Error(`bad time ${iso}`);
  return ms;
}

/** An engine over a compiled snippet, with a clock the test moves; every transaction is lock-checked. */
export class Harness {
  readonly store = new MemoryStore();
  readonly engine: Engine;
  readonly program: Program;
  directory: Directory;
  now: number;
  private counter = 0;
  private readonly coverage: boolean;

  constructor(rules: string, directoryYaml: string, options: { now?: string; coverage?: boolean } = {}) {
    const { program, directory } = compileSnippet(rules, directoryYaml);
    this.program = program;
    this.directory = directory;
    this.now = at(options.now ?? '2026-11-23T10:00:00Z');
    this.coverage = options.coverage ?? false;
    this.engine = createEngine({ program, directory, store: new LockCheckedStore(this.store), clock: () => this.now });
  }

  /** Sends one event (fresh event and record ids unless given) and returns its decision, explained (with coverage when asked). */
  async send(record: Record<string, unknown> = {}, options: { type?: string; id?: string; changed?: string[] } = {}): Promise<ExplainedDecision> {
    this.counter++;
    const result = await this.engine.decide({
      id: options.id ?? `e${this.counter}`,
      type: options.type ?? 'lead.created',
      record: { id: `L${this.counter}`, ...record },
      ...(options.changed ? { changed: options.changed } : {}),
    });
    if (!result.ok) throw new Error(`event refused: ${JSON.stringify(result.issues)}`);
    return this.engine.explain(result.decision, this.coverage);
  }

  /** Sends `count` events and returns who got each (`-` for nobody). */
  async sequence(count: number, record: Record<string, unknown> = {}): Promise<string[]> {
    const out: string[] = [];
    for (let i = 0; i < count; i++) out.push((await this.send(record)).assigned.join('+') || '-');
    return out;
  }

  /** Moves the clock by `ms`, firing due timers at their due times, in order. */
  async advance(ms: number): Promise<Decision[]> {
    const target = this.now + ms;
    const fired: Decision[] = [];
    for (;;) {
      const next = await this.engine.nextTimerAt();
      if (next === null || next > target) break;
      this.now = Math.max(this.now, next);
      fired.push(...(await this.engine.tick()));
    }
    this.now = target;
    return fired;
  }

  /** Changes one directory user, as an API update would. */
  setUser(id: string, patch: Partial<DirectoryUser>): void {
    this.directory = { ...this.directory, users: this.directory.users.map((u) => (u.id === id ? { ...u, ...patch } : u)) };
    this.engine.setDirectory(this.directory);
  }
}
