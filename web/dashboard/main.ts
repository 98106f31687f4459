// The dashboard (`GET /`): the overview of a date range (figures, charts,
// breakdowns) and the decision log with its explain view. State lives in the
// URL (range, team, filters, the open decision); a bearer token is asked for
// when the server needs one and kept in sessionStorage only.
import { ApiFailure, getJson, saveToken, savedToken } from '../shared/api-client';
import { byId, h, replace } from '../shared/dom';
import { readQuery, writeQuery } from '../shared/url-state';
import { showDecision } from './decision-detail';
import { loadLog, LOG_FILTERS } from './decision-log';
import { renderOverview } from './overview';
import { rangeFromUrl, rangeInstants } from './range';
import type { RuleEntry, Stats } from './wire-types';

const app = byId('app');
const tokenForm = byId<HTMLFormElement>('token-form');
const status = byId('status');

/** Shows the token form with the server's reason. */
function askForToken(why: string): void {
  app.hidden = true;
  tokenForm.hidden = false;
  replace(byId('token-why'), why);
  byId('token').focus();
}

function fillSelect(id: string, values: string[], selected: string | null): void {
  const select = byId<HTMLSelectElement>(id);
  const first = select.options[0] as HTMLOptionElement;
  replace(select, first, values.map((v) => h('option', { value: v, selected: v === selected }, v)));
}

function openDecision(id: string): void {
  writeQuery({ decision: id });
  void showDecision(id);
}

/** Loads everything the URL asks for. */
async function load(): Promise<void> {
  const q = readQuery();
  let rules: RuleEntry[];
  try {
    rules = (await getJson<{ rules: RuleEntry[] }>('/v1/rules')).rules;
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 401) return askForToken(error.message);
    replace(status, h('span', { role: 'alert' }, (error as Error).message));
    return;
  }
  tokenForm.hidden = true;
  app.hidden = false;
  byId('sign-out').hidden = savedToken() === null;
  const range = rangeFromUrl();
  byId<HTMLInputElement>('from').value = range.from;
  byId<HTMLInputElement>('to').value = range.to;
  const team = q.get('team') ?? '';
  fillSelect('team', [...new Set(rules.map((r) => r.team).filter((t) => t !== null))].sort(), team);
  fillSelect('f-rule', rules.map((r) => r.rule), q.get('rule'));
  for (const name of LOG_FILTERS) {
    const field = byId<HTMLInputElement | HTMLSelectElement>(`f-${name}`);
    field.value = q.get(name) ?? '';
  }
  const instants = { ...rangeInstants(range), team: team || undefined };
  replace(status, 'Loading…');
  try {
    const stats = await getJson<Stats>('/v1/stats', instants);
    renderOverview(stats);
    await loadLog(instants, openDecision);
    if (!stats.truncated) replace(status, `Showing ${range.from} to ${range.to}${team ? `, team ${team}` : ''}.`);
  } catch (error) {
    replace(status, h('span', { role: 'alert' }, (error as Error).message));
  }
  const open = q.get('decision');
  if (open) void showDecision(open);
}

tokenForm.addEventListener('submit', (event) => {
  event.preventDefault();
  saveToken(byId<HTMLInputElement>('token').value.trim());
  void load();
});

byId('sign-out').addEventListener('click', () => {
  saveToken(null);
  askForToken('The token was forgotten. Enter a token to see the dashboard again.');
});

byId<HTMLFormElement>('range').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = new FormData(event.target as HTMLFormElement);
  writeQuery({ from: String(form.get('from') ?? ''), to: String(form.get('to') ?? ''), team: String(form.get('team') ?? '') });
  void load();
});

byId<HTMLFormElement>('log-filters').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = new FormData(event.target as HTMLFormElement);
  writeQuery(Object.fromEntries(LOG_FILTERS.map((name) => [name, String(form.get(name) ?? '').trim()])));
  void load();
});

byId<HTMLDialogElement>('decision').addEventListener('close', () => {
  if (readQuery().has('decision')) writeQuery({ decision: undefined });
});

window.addEventListener('popstate', () => {
  const dialog = byId<HTMLDialogElement>('decision');
  if (dialog.open && !readQuery().has('decision')) dialog.close();
  void load();
});

void load();
