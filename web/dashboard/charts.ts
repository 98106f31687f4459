// The overview's charts, drawn with Chart.js: records per rule (bars), the
// method split (doughnut) and assignments per user (horizontal bars). Each
// canvas also carries a text summary in its aria-label, and the same figures
// are in the sortable tables beside it. Animation is off so a chart shows its
// final state at once.
import { ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, Tooltip, type ChartConfiguration, type ChartType } from 'chart.js';
import { byId } from '../shared/dom';
import type { Stats } from './wire-types';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Tooltip, Legend);
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;

/** Colours with at least 3:1 contrast against the white card (WCAG non-text contrast). */
const PALETTE = ['#1f5fbf', '#b3541e', '#2e7d32', '#8e24aa', '#c62828', '#00695c', '#5d4037', '#37474f'];

const charts = new Map<string, { destroy(): void }>();

function draw<T extends ChartType>(canvasId: string, config: ChartConfiguration<T>, summary: string): void {
  charts.get(canvasId)?.destroy();
  const canvas = byId<HTMLCanvasElement>(canvasId);
  canvas.setAttribute('aria-label', summary);
  charts.set(canvasId, new Chart(canvas, config));
}

const listed = (pairs: [string, number][]) => (pairs.length === 0 ? 'nothing in this range' : pairs.map(([k, v]) => `${k}: ${v}`).join(', '));

/** Draws (or redraws) the three charts from the statistics. */
export function drawCharts(stats: Stats): void {
  const rules = stats.per_rule.map((r) => [r.rule, r.records] as [string, number]);
  draw(
    'rules-chart',
    {
      type: 'bar',
      data: {
        labels: rules.map(([k]) => k),
        datasets: [
          { label: 'records matched', data: stats.per_rule.map((r) => r.records), backgroundColor: PALETTE[0] },
          { label: 'records assigned', data: stats.per_rule.map((r) => r.records_assigned), backgroundColor: PALETTE[2] },
        ],
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    },
    `Records matched per rule: ${listed(rules)}`,
  );
  const methods = stats.per_method.map((m) => [m.method, m.records] as [string, number]);
  draw(
    'methods-chart',
    {
      type: 'doughnut',
      data: { labels: methods.map(([k]) => k), datasets: [{ label: 'records', data: methods.map(([, v]) => v), backgroundColor: PALETTE }] },
      options: { plugins: { legend: { position: 'right' } } },
    },
    `Records per distribution method: ${listed(methods)}`,
  );
  const users = stats.per_user.map((u) => [u.user, u.assigned] as [string, number]);
  draw(
    'users-chart',
    {
      type: 'bar',
      data: { labels: users.map(([k]) => k), datasets: [{ label: 'records assigned', data: users.map(([, v]) => v), backgroundColor: PALETTE[1] }] },
      options: { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } }, plugins: { legend: { display: false } } },
    },
    `Records assigned per user: ${listed(users)}`,
  );
}
