// The teams of decisions logged before decisions recorded their rule's team
// (`Decision.team`), for the SQL stores' migrations: a decision logged with
// provenance names the fingerprint of the program it ran under, whose IR the
// state keeps (`provenance/program/<fp>`); its rule's `scope team` there is the
// team. Decisions logged without provenance stay without a team.
/** The team of each team-scoped rule of a kept program (its IR as JSON text); none for text that is not a program. */
export function ruleTeams(programJson: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  let program: unknown;
  try {
    program = programJson === undefined ? null : JSON.parse(programJson);
  } catch {
    return out;
  }
  const rules = typeof program === 'object' && program !== null && Object.hasOwn(program, 'rules') ? (program as { rules: unknown }).rules : null;
  if (!Array.isArray(rules)) return out;
  for (const rule of rules as { id?: unknown; scope?: { kind?: unknown; team?: unknown } }[]) {
    if (typeof rule?.id === 'string' && rule.scope?.kind === 'team' && typeof rule.scope.team === 'string') out.set(rule.id, rule.scope.team);
  }
  return out;
}
