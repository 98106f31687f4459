// The overview section: the headline figures of `GET /v1/stats` (records
// received, assigned, success rate, unassigned, fallbacks, decisions), the
// charts, and sortable tables per rule, per method and per user.
import { byId, h, replace } from '../shared/dom';
import { sortableTable } from '../shared/sortable-table';
import { drawCharts } from './charts';
import type { Stats } from './wire-types';

/** `0.8123` → `81.2%`; null (nothing received) → `—`. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** The headline figures, each tagged with the stats field it shows. */
function figures(stats: Stats): [string, string, string, string][] {
  return [
    ['records_created', 'Records received', String(stats.records_created), 'records whose first event was decided in the range'],
    ['records_assigned', 'Records assigned', String(stats.records_assigned), 'of those, the records a user got'],
    ['success_rate', 'Assignment success rate', percent(stats.success_rate), 'assigned ÷ received'],
    ['unassigned', 'Unassigned', String(stats.unassigned), 'no rule matched or nobody was eligible'],
    ['fallback', 'Fallbacks', String(stats.outcomes.fallback), 'decisions that used a rule’s fallback'],
    ['decisions', 'Decisions', String(stats.decisions), `${stats.events} events, ${stats.reassignments} re-assignments, ${stats.retries} retries`],
  ];
}

/** Renders the overview from the statistics. */
export function renderOverview(stats: Stats): void {
  replace(
    byId('figures'),
    figures(stats).map(([key, label, value, hint]) => h('div', { class: 'figure card', 'data-figure': key }, h('dt', {}, label), h('dd', {}, h('span', { class: 'value' }, value), h('span', { class: 'hint' }, hint)))),
  );
  if (stats.truncated) replace(byId('status'), 'The range holds more decisions than the statistics read; narrow it for exact figures.');
  drawCharts(stats);
  replace(
    byId('breakdowns'),
    sortableTable(
      'Per rule',
      [
        { title: 'Rule', cell: (r) => r.rule, sortKey: (r) => r.rule },
        { title: 'Method', cell: (r) => r.method ?? '—', sortKey: (r) => r.method ?? '' },
        { title: 'Records', cell: (r) => r.records, sortKey: (r) => r.records, numeric: true },
        { title: 'Assigned', cell: (r) => r.records_assigned, sortKey: (r) => r.records_assigned, numeric: true },
        { title: 'Decisions', cell: (r) => r.decisions, sortKey: (r) => r.decisions, numeric: true },
      ],
      stats.per_rule,
      { id: 'per-rule' },
    ),
    sortableTable(
      'Per method',
      [
        { title: 'Method', cell: (m) => m.method, sortKey: (m) => m.method },
        { title: 'Records', cell: (m) => m.records, sortKey: (m) => m.records, numeric: true },
        { title: 'Assigned', cell: (m) => m.records_assigned, sortKey: (m) => m.records_assigned, numeric: true },
      ],
      stats.per_method,
      { id: 'per-method' },
    ),
    sortableTable(
      'Per user',
      [
        { title: 'User', cell: (u) => u.user, sortKey: (u) => u.user },
        { title: 'Records assigned', cell: (u) => u.assigned, sortKey: (u) => u.assigned, numeric: true },
      ],
      stats.per_user,
      { id: 'per-user' },
    ),
  );
  replace(byId('users-seen'), stats.per_user.map((u) => h('option', { value: u.user })));
}
