// Generates a large, valid `.dist` project in memory for benchmarks: N rules spread
// over files of 100 rules, each with a realistic mix of clauses and conditions,
// plus a directory with the users, teams and groups they name. Deterministic.
import type { SourceText } from '../compiler/compile';

const SOURCES = ['Website', 'Facebook Ads', 'Referral', 'Partner', 'Event'];
const COUNTRIES = ['India', 'Germany', 'Brazil', 'Kenya', 'Japan'];
const METHODS = [
  'round_robin',
  'least_recent',
  'load_balance',
  'random',
  'weighted by user.grade { "A": 50, "B": 30, "C": 20 }',
  'score user.conversion_rate * 10 - user.open_load',
  'ordered by user.quality_score desc, user.conversion_rate desc',
];

const SCHEMA = `schema lead {
  source: text
  country: text
  city: text
  score: number
  language: text
  status: text
  zip: text
  price_max: number
  created_at: time
}

schema user {
  department: text
  grade: choice("A", "B", "C")
  languages: list(text)
  service_zips: list(text)
  conversion_rate: number
  quality_score: number
  max_open: number
  daily_cap: number
}

settings {
  timezone "Asia/Kolkata"
  capacity user.max_open
  quota daily user.daily_cap
  unmatched queue "triage"
}
`;

/** The benchmark record that rule `i` takes (and no rule before it: each rule has its own zip). */
export function recordFor(i: number): Record<string, unknown> {
  return { source: SOURCES[i % SOURCES.length], country: COUNTRIES[(i >> 2) % COUNTRIES.length], score: 50, city: 'Mumbai', zip: String(i), language: 'en' };
}

/** One rule; `i` is unique and doubles as the priority, so priorities never conflict. With `scoped`, every third rule (those whose pool is a `where` over users) is scoped to team `i % teams`. */
function rule(i: number, users: number, teams: number, forced?: string, scoped = false): string {
  const source = SOURCES[i % SOURCES.length];
  const country = COUNTRIES[(i >> 2) % COUNTRIES.length];
  let pool =
    i % 3 === 0
      ? `assign users where user.department == "Sales ${i % 7}" and lead.language in user.languages`
      : i % 3 === 1
        ? `assign teams "Team ${i % teams}", "Team ${(i + 1) % teams}"`
        : `assign users "u${i % users}@acme.test", "u${(i + 1) % users}@acme.test", "u${(i + 2) % users}@acme.test"`;
  const teamWeights = `weighted { "Team ${i % teams}": 2, "Team ${(i + 1) % teams}": 1 }`;
  const method = forced === 'weighted' ? teamWeights : forced ?? (i % 3 === 1 ? teamWeights : METHODS[i % METHODS.length]);
  if (forced === 'weighted') pool = `assign teams "Team ${i % teams}", "Team ${(i + 1) % teams}"`;
  const scope = scoped && i % 3 === 0 && forced === undefined ? `\n  scope team "Team ${i % teams}"` : '';
  return `rule "Rule ${i}" {
  priority ${i + 1}${scope}
  description "generated rule ${i}"
  on lead.created, lead.updated(status, score)
  when (lead.source == "${source}" or lead.source == "Partner")
    and lead.country == "${country}"
    and lead.score between ${i % 50} and ${50 + (i % 50)}
    and lead.city not in ["Delhi", "Pune"]
    and lead.zip == "${i}"
  ${pool}
  require checked_in, available, workday, holidays, leave
  distribute ${method}
  fallback queue "triage"
}
`;
}

/**
 * A project of `ruleCount` rules and a directory of `userCount` users in `teamCount`
 * teams. With `method`, every rule distributes with it (`weighted` over two teams);
 * with `scoped` (and no `method`), every third rule is scoped to a team.
 */
export function generateProject(ruleCount: number, userCount = 1000, teamCount = 50, method?: string, scoped = false): {
  sources: SourceText[];
  directory: SourceText;
} {
  const sources: SourceText[] = [{ file: 'rules/schema.dist', text: SCHEMA }];
  for (let start = 0; start < ruleCount; start += 100) {
    const rules: string[] = [];
    for (let i = start; i < Math.min(ruleCount, start + 100); i++) rules.push(rule(i, userCount, teamCount, method, scoped));
    sources.push({ file: `rules/generated-${String(start / 100).padStart(4, '0')}.dist`, text: rules.join('\n') });
  }
  return { sources, directory: { file: 'directory.yaml', text: directoryYaml(userCount, teamCount) } };
}

function directoryYaml(userCount: number, teamCount: number): string {
  const lines = ['users:'];
  for (let u = 0; u < userCount; u++) {
    lines.push(
      `  - id: u${u}@acme.test`,
      `    teams: [Team ${u % teamCount}]`,
      `    checked_in: true`,
      `    fields: { department: Sales ${u % 7}, grade: ${'ABC'[u % 3]}, languages: [en], conversion_rate: 0.${u % 10}, quality_score: ${u % 10}, max_open: 20, daily_cap: 1000 }`,
    );
  }
  lines.push('teams:');
  for (let t = 0; t < teamCount; t++) {
    const members: string[] = [];
    for (let u = t; u < userCount; u += teamCount) members.push(`u${u}@acme.test`);
    lines.push(`  - name: Team ${t}`, `    members: [${members.join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}
