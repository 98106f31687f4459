// One decision in a dialog: what happened (record, rule, outcome), the rules
// tried with the condition that failed, what each rule of a workflow chose, every candidate with the pool, filter or
// method that settled them, the method's state, deliveries, and a "why not"
// question for any user (`GET /v1/decisions/{id}?why=USER`).
import { getJson } from '../shared/api-client';
import { byId, h, replace, type Child } from '../shared/dom';
import type { Candidate, DecisionDetail } from './wire-types';

const json = (value: unknown) => (value === null || value === undefined ? 'not set' : JSON.stringify(value));

function rulesTried(d: DecisionDetail): HTMLElement {
  if (d.trace.rules.length === 0) return h('p', {}, 'No rule listens to this event.');
  return h(
    'ol',
    { class: 'rules-tried' },
    d.trace.rules.map((r) => {
      const failed = r.failed ? ` — \`${r.failed.text}\` is false (${Object.entries(r.failed.values).map(([k, v]) => `${k} = ${json(v)}`).join(', ')})` : '';
      const what = r.skipped !== undefined ? `skipped: ${r.skipped}` : r.matched ? 'matched' : `did not match${failed}`;
      return h('li', { class: r.matched ? 'matched' : 'unmatched' }, h('span', { 'aria-hidden': 'true' }, r.matched ? '✓ ' : '✗ '), h('strong', {}, r.rule), ` ${what}`);
    }),
  );
}

/** What each rule of a workflow chose, in its order. */
function workflowSteps(workflow: NonNullable<DecisionDetail['trace']['workflow']>): HTMLElement {
  const take = `${workflow.take === null ? '' : `take ${workflow.take} `}min ${workflow.min}`;
  return section(
    `Workflow ${workflow.name} (${take})`,
    h(
      'ol',
      { class: 'workflow-steps' },
      workflow.steps.map((s) => h('li', {}, h('strong', {}, s.rule), ` ${s.assigned.length > 0 ? `→ ${s.assigned.join(', ')}` : 'chose nobody'}${s.reason ? ` (${s.reason})` : ''}`)),
    ),
  );
}

function candidateRow(c: Candidate): HTMLElement {
  return h('tr', { 'data-user': c.user }, h('th', { scope: 'row' }, c.user), h('td', {}, h('span', { class: `status ${c.status.replace(/ /g, '-')}` }, c.status)), h('td', {}, c.step ?? '—'), h('td', {}, c.reason));
}

function candidates(d: DecisionDetail): HTMLElement {
  if (d.candidates.length === 0) return h('p', {}, 'No pool was formed, so nobody was a candidate.');
  return h(
    'table',
    { id: 'candidates' },
    h('caption', {}, 'Candidates: who got it, and why not the others'),
    h('thead', {}, h('tr', {}, ['User', 'Result', 'Settled by', 'Why'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, d.candidates.map(candidateRow)),
  );
}

function whyForm(id: string): HTMLElement {
  const input = h('input', { id: 'why-user', name: 'why', required: true, size: 18 });
  const answer = h('p', { id: 'why-answer', role: 'status', 'aria-live': 'polite' });
  const form = h('form', { class: 'toolbar', 'aria-label': 'Why not this user' }, h('label', { for: 'why-user' }, 'Why not user'), input, h('button', { type: 'submit' }, 'Ask'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void getJson<DecisionDetail>(`/v1/decisions/${encodeURIComponent(id)}`, { why: input.value.trim() }).then(
      (d) => replace(answer, d.why ? `${d.why.user}: ${d.why.status} — ${d.why.reason}` : ''),
      (error: Error) => replace(answer, error.message),
    );
  });
  return h('div', {}, form, answer);
}

function section(title: string, ...body: Child[]): HTMLElement {
  return h('section', {}, h('h3', {}, title), ...body);
}

/** Loads decision `id` into the dialog and opens it. */
export async function showDecision(id: string): Promise<void> {
  const dialog = byId<HTMLDialogElement>('decision');
  const body = byId('decision-body');
  replace(body, h('p', {}, 'Loading…'));
  if (!dialog.open) dialog.showModal();
  let d: DecisionDetail;
  try {
    d = await getJson<DecisionDetail>(`/v1/decisions/${encodeURIComponent(id)}`);
  } catch (error) {
    replace(body, h('h2', { id: 'decision-title' }, 'Decision'), h('p', { role: 'alert' }, (error as Error).message));
    return;
  }
  const o = d.trace.outcome;
  const to = o.assigned.length > 0 ? ` → ${o.assigned.join(', ')}` : o.queue !== null ? ` → queue ${o.queue}` : '';
  const m = d.trace.method;
  replace(
    body,
    h('h2', { id: 'decision-title' }, `${d.entity} ${d.record_id}: ${d.outcome}${to}`),
    h('p', { class: 'meta' }, `${d.event_type} at ${new Date(d.decided_at).toLocaleString()} · rule ${d.rule ?? '—'}${d.team ? ` (team ${d.team})` : ''} · ${d.decision_id}`, o.reason ? ` · ${o.reason}` : ''),
    section('Rules tried', rulesTried(d)),
    d.trace.workflow ? workflowSteps(d.trace.workflow) : null,
    section('Candidates', d.trace.pool ? h('p', {}, `Pool (${d.trace.pool.kind}): ${d.trace.pool.users.length} users${d.trace.pool.where_false ? `, ${d.trace.pool.where_false} more did not satisfy \`where\`` : ''}.`) : null, candidates(d), whyForm(id)),
    m ? section(`Method: ${m.method}`, h('p', {}, `before: ${json(m.before)}`), h('p', {}, `after: ${json(m.after)}`)) : null,
    d.deliveries.length > 0 ? section('Deliveries', h('pre', {}, JSON.stringify(d.deliveries, null, 2))) : null,
  );
  byId('decision-close').focus();
}
