// The decision log section: filters (rule, user, outcome, entity, record, with
// the date range and team of the toolbar) kept in the URL, a sortable table of
// decisions newest first, "Older decisions" paging with the API's cursor, and an
// Explain button per row that opens the decision.
import { getJson } from '../shared/api-client';
import { byId, h, replace } from '../shared/dom';
import { sortableTable } from '../shared/sortable-table';
import { readQuery } from '../shared/url-state';
import type { DecisionEntry } from './wire-types';

/** The log's own filters, by URL parameter (also the form's field names). */
export const LOG_FILTERS = ['rule', 'user', 'outcome', 'entity', 'record'] as const;

/** Loads the first page of the log for the range and filters; `open` shows one decision. */
export async function loadLog(range: { from: string; to: string; team?: string }, open: (id: string) => void): Promise<void> {
  const q = readQuery();
  const query: Record<string, string | undefined> = { ...range, limit: '50' };
  for (const name of LOG_FILTERS) query[name] = q.get(name) ?? undefined;
  const rows: DecisionEntry[] = [];
  const older = byId<HTMLButtonElement>('older');
  const page = async (before?: string) => {
    const answer = await getJson<{ decisions: DecisionEntry[]; next: string | null }>('/v1/decisions', { ...query, before });
    rows.push(...answer.decisions);
    render(rows, open);
    older.hidden = answer.next === null;
    older.onclick = answer.next === null ? null : () => void page(answer.next as string);
  };
  await page();
}

function render(rows: DecisionEntry[], open: (id: string) => void): void {
  const time = (d: DecisionEntry) => new Date(d.decided_at).toLocaleString();
  replace(
    byId('log-table'),
    sortableTable(
      `Decisions (${rows.length} shown)`,
      [
        { title: 'Time', cell: time, sortKey: (d) => d.decided_at },
        { title: 'Record', cell: (d) => `${d.entity} ${d.record_id}`, sortKey: (d) => `${d.entity}/${d.record_id}` },
        { title: 'Event', cell: (d) => (d.cause === 'event' ? d.event_type : `${d.event_type} (${d.cause})`), sortKey: (d) => d.event_type },
        { title: 'Rule', cell: (d) => d.rule ?? '—', sortKey: (d) => d.rule ?? '' },
        { title: 'Team', cell: (d) => d.team ?? '—', sortKey: (d) => d.team ?? '' },
        { title: 'Outcome', cell: (d) => h('span', { class: `outcome ${d.outcome}` }, d.outcome), sortKey: (d) => d.outcome },
        { title: 'Assigned', cell: (d) => (d.assigned.length > 0 ? d.assigned.join(', ') : (d.queue ? `queue ${d.queue}` : '—')), sortKey: (d) => d.assigned.join(',') },
        {
          title: 'Why',
          cell: (d) => {
            const button = h('button', { type: 'button', class: 'explain', 'data-decision': d.decision_id, 'aria-label': `Explain the decision for ${d.entity} ${d.record_id}` }, 'Explain');
            button.addEventListener('click', () => open(d.decision_id));
            return button;
          },
        },
      ],
      rows,
      { id: 'decisions', empty: 'no decision matches these filters in this range' },
    ),
  );
}
