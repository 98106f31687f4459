// The VS Code snippets of `.dist` files: a whole rule, each declaration, each rule
// clause, each setting and each distribution method. The tables are typed by the
// vocabulary's names (language/vocabulary.ts), so a new clause, setting or method
// does not compile until it has a snippet, and the choices offered (statuses,
// methods, requirements, periods, event kinds, triggers) are read from the
// vocabulary. `npm run generate:vscode` writes snippets/dist.json.
import { SIMPLE_TYPES } from '../../compiler/stages/types';
import {
  CLAUSES, DECLARATIONS, EVENT_KINDS, METHODS, namesOf, QUOTA_PERIODS, REQUIREMENTS, SETTINGS, STATUSES, TRIGGERS,
  VOLUME_PERIODS, type Word,
} from '../../language/vocabulary';

/** One snippet as VS Code reads it. */
export interface Snippet {
  prefix: string;
  body: string[];
  description: string;
}

type Names<T extends readonly Word[]> = T[number]['name'];

/** `${n|a,b,c|}`: a tab stop offering the words, escaped as snippet syntax needs. */
function choice(stop: number, words: readonly string[]): string {
  return `\${${stop}|${words.map((w) => w.replace(/[\\,|]/g, '\\$&')).join(',')}|}`;
}

const simpleMethods = METHODS.filter((m) => m.simple).map((m) => m.name);
const events = (stop: number) => `\${${stop}:lead}.${choice(stop + 1, namesOf(EVENT_KINDS))}`;

/** The declarations; `rule` is the whole rule with every required clause. */
const DECLARATION_SNIPPETS = {
  rule: [
    'rule "${1:Name}" {',
    '\tpriority ${2:10}',
    `\ton ${events(3)}`,
    '\twhen ${5:lead.source == "Website"}',
    '\tassign users where ${6:user.department == "Sales"}',
    `\tdistribute ${choice(7, simpleMethods)}`,
    '\t$0',
    '}',
  ],
  schema: ['schema ${1:lead} {', `\t\${2:field}: ${choice(3, [...SIMPLE_TYPES, 'list(text)', 'choice("A", "B")'])}`, '\t$0', '}'],
  settings: ['settings {', '\ttimezone "${1:UTC}"', '\t$0', '}'],
  map: ['map ${1:lead} from "${2:source}" {', '\t${3:field} = payload.${4:field}', '\t$0', '}'],
  workflow: ['workflow "${1:Name}" {', '\trules "${2:First rule}", "${3:Second rule}"', '\ttake ${4:3} min ${5:1}', '\t$0', '}'],
} as const satisfies Record<Names<typeof DECLARATIONS>, readonly string[]>;

/** The rule clauses and the settings (`expect` is both, with one form). */
const STATEMENT_SNIPPETS = {
  priority: ['priority ${1:10}'],
  id: ['id "${1:rule-id}"'],
  description: ['description "${1:What this rule is for}"'],
  status: [`status ${choice(1, namesOf(STATUSES))}`],
  scope: ['scope ${1|global,team "Team"|}'],
  on: [`on ${events(1)}`],
  when: ['when ${1:lead.source == "Website"}'],
  assign: ['assign ${1|users where user.department == "Sales",users "a@example.com",teams "Team",groups "Group",anyone|}'],
  require: [`require ${choice(1, namesOf(REQUIREMENTS))}`],
  distribute: [`distribute ${choice(1, simpleMethods)}`],
  take: ['take ${1:2} min ${2:1}'],
  turnover: ['turnover ${1:user.price} min ${2:100}'],
  expect: [`expect \${1:200} per ${choice(2, namesOf(VOLUME_PERIODS))}`],
  fallback: ['fallback ${1|queue,user|} "${2:name}"'],
  reassign: ['reassign after ${1:60m} when ${2:lead.owner is set} max ${3:1}'],
  timezone: ['timezone "${1:UTC}"'],
  trigger: [`trigger ${choice(1, namesOf(TRIGGERS))}`],
  capacity: ['capacity ${1:user.max_open}'],
  quota: [`quota ${choice(1, namesOf(QUOTA_PERIODS))} \${2:user.daily_cap}`],
  unmatched: ['unmatched queue "${1:unmatched}"'],
} as const satisfies Record<Names<typeof CLAUSES> | Names<typeof SETTINGS>, readonly string[]>;

/** The distribution methods that take more than their name. */
const METHOD_SNIPPETS = {
  weighted: ['distribute weighted { "${1:key}": ${2:2}, "${3:other}": ${4:1} }'],
  score: ['distribute score ${1:user.conversion_rate}'],
  ordered: ['distribute ordered by ${1:user.quality_score} ${2|desc,asc|}'],
} as const satisfies Record<Extract<(typeof METHODS)[number], { simple: false }>['name'], readonly string[]>;

function docOf(tables: readonly (readonly Word[])[], name: string): string {
  for (const table of tables) {
    const word = table.find((w) => w.name === name);
    if (word) return word.doc;
  }
  throw new Error(`no vocabulary entry for ${name}`);
}

/** Every snippet, keyed by a title unique within the file. */
export function buildSnippets(): Record<string, Snippet> {
  const snippets: Record<string, Snippet> = {};
  for (const [name, body] of Object.entries(DECLARATION_SNIPPETS)) {
    const title = name === 'rule' ? 'rule (whole rule)' : `${name} declaration`;
    snippets[title] = { prefix: name, body: [...body], description: docOf([DECLARATIONS], name) };
  }
  for (const [name, body] of Object.entries(STATEMENT_SNIPPETS)) {
    const kind = CLAUSES.some((c) => c.name === name) ? 'clause' : 'setting';
    snippets[`${name} ${kind}`] = { prefix: name, body: [...body], description: docOf([CLAUSES, SETTINGS], name) };
  }
  for (const [name, body] of Object.entries(METHOD_SNIPPETS)) {
    snippets[`distribute ${name}`] = { prefix: `distribute ${name}`, body: [...body], description: docOf([METHODS], name) };
  }
  return snippets;
}

/** The snippets as the committed file holds them: two-space JSON and a final newline. */
export function snippetsText(): string {
  return `${JSON.stringify(buildSnippets(), null, 2)}\n`;
}
