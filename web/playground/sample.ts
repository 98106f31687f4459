// The project the playground opens with (when the URL shares none): two rules
// over a small directory, and sample records to simulate — one per path the
// rules can take.

export const SAMPLE_RULES = `schema lead {
  source: text
  country: text
  score: number
  language: text
}

schema user {
  department: text
  grade: choice("A", "B", "C")
  languages: list(text)
}

settings {
  timezone "UTC"
  unmatched queue "triage"
}

rule "High-score web leads" {
  priority 10
  on lead.created
  when lead.source == "Website" and lead.score >= 80
  assign users where user.department == "Inside Sales" and lead.language in user.languages
  require checked_in
  distribute weighted by user.grade { "A": 50, "B": 30, "C": 20 }
  fallback user "ana@acme.test"
}

rule "All website leads" {
  priority 20
  on lead.created
  when lead.source == "Website"
  assign teams "Sales East"
  distribute round_robin
}
`;

export const SAMPLE_DIRECTORY = `users:
  - id: ana@acme.test
    name: Ana Ruiz
    teams: [Sales East]
    checked_in: true
    fields: { department: Inside Sales, grade: A, languages: [en, hi] }
  - id: bob@acme.test
    name: Bob Lee
    teams: [Sales East]
    checked_in: true
    fields: { department: Inside Sales, grade: B, languages: [en] }
  - id: cy@acme.test
    name: Cy Park
    checked_in: false
    fields: { department: Inside Sales, grade: C, languages: [en, ta] }
teams:
  - { name: Sales East, members: [ana@acme.test, bob@acme.test] }
`;

/** Records to pick from, by label. */
export const SAMPLE_EVENTS: [string, object][] = [
  ['High-score website lead (en)', { id: 'ev1', type: 'lead.created', at: '2026-03-02T10:00:00Z', record: { id: 'L1', source: 'Website', country: 'India', score: 92, language: 'en' } }],
  ['Website lead, low score', { id: 'ev2', type: 'lead.created', at: '2026-03-02T10:00:00Z', record: { id: 'L2', source: 'Website', country: 'Spain', score: 40, language: 'es' } }],
  ['Referral lead (no rule)', { id: 'ev3', type: 'lead.created', at: '2026-03-02T10:00:00Z', record: { id: 'L3', source: 'Referral', country: 'India', score: 70, language: 'hi' } }],
];
