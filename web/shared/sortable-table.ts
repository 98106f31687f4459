// An accessible sortable table: every column header is a button that sorts by
// that column (again to reverse), with `aria-sort` telling screen readers the
// order. Cells are built by the caller; sorting uses each column's key.
import { h, type Child } from './dom';

/** One column: its heading, how to show a row's cell, and the value it sorts by. */
export interface Column<Row> {
  title: string;
  cell: (row: Row) => Child | Child[];
  sortKey?: (row: Row) => string | number;
  numeric?: boolean;
}

/** A table of `rows` with a caption; returns the element (re-rendered in place when sorted). */
export function sortableTable<Row>(caption: string, columns: Column<Row>[], rows: Row[], options: { empty?: string; id?: string } = {}): HTMLElement {
  const wrap = h('div', { class: 'table-wrap', id: options.id });
  let sortBy = -1;
  let descending = false;

  const render = () => {
    const sorted = [...rows];
    const key = columns[sortBy]?.sortKey;
    if (key) {
      sorted.sort((a, b) => {
        const x = key(a);
        const y = key(b);
        const order = x < y ? -1 : x > y ? 1 : 0;
        return descending ? -order : order;
      });
    }
    const head = columns.map((col, i) => {
      const sort = i === sortBy ? (descending ? 'descending' : 'ascending') : 'none';
      const label = col.sortKey
        ? h('button', { type: 'button', class: 'sort', 'aria-label': `Sort by ${col.title}` }, col.title, h('span', { 'aria-hidden': 'true', class: 'arrow' }, i === sortBy ? (descending ? ' ▼' : ' ▲') : ''))
        : col.title;
      const th = h('th', { scope: 'col', 'aria-sort': col.sortKey ? sort : null, class: col.numeric ? 'num' : null }, label);
      th.querySelector('button')?.addEventListener('click', () => {
        descending = sortBy === i ? !descending : false;
        sortBy = i;
        render();
        (wrap.querySelectorAll('th button')[i] as HTMLButtonElement | undefined)?.focus();
      });
      return th;
    });
    const body = sorted.map((row) => h('tr', {}, columns.map((col) => h('td', { class: col.numeric ? 'num' : null }, col.cell(row)))));
    const table = h(
      'table',
      {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, head)),
      h('tbody', {}, body.length > 0 ? body : h('tr', {}, h('td', { colspan: columns.length, class: 'empty' }, options.empty ?? 'nothing in this range'))),
    );
    wrap.replaceChildren(table);
  };
  render();
  return wrap;
}
