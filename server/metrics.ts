// Prometheus metrics of one server (`GET /metrics`), on a registry of its own so
// several servers in one process (tests) never share counters: events by type and
// outcome, decision latency, deliveries by target and result, the outbox backlog,
// queue sizes, timer decisions, manual retries, reloads, shadow comparisons, and the process's
// default metrics.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** What the gauges read when scraped. */
export interface MetricSources {
  outboxBacklog: () => number;
  /** Sizes of the program's queues. */
  queueSizes: () => Promise<ReadonlyMap<string, number>>;
}

/** The server's metrics. */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly events = new Counter({
    name: 'dist_events_total',
    help: 'Events received, by event type and outcome (assigned, fallback, unmatched, duplicate, invalid).',
    labelNames: ['type', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly decisionSeconds = new Histogram({
    name: 'dist_decision_duration_seconds',
    help: 'Time from receiving an event to its durable decision.',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly deliveries = new Counter({
    name: 'dist_deliveries_total',
    help: 'Delivery attempts, by target and result (delivered, retry, failed).',
    labelNames: ['target', 'result'] as const,
    registers: [this.registry],
  });
  readonly timerDecisions = new Counter({
    name: 'dist_timer_decisions_total',
    help: 'Decisions made by re-assignment and queue-retry timers.',
    registers: [this.registry],
  });
  readonly manualRetries = new Counter({
    name: 'dist_manual_retries_total',
    help: 'Decisions made by `POST /v1/queues/{name}/{record}/retry`.',
    registers: [this.registry],
  });
  readonly shadowEvents = new Counter({
    name: 'dist_shadow_events_total',
    help: 'Events the shadow rules decided too, by result (same, diverged) and the live rule (`(none)`: no rule).',
    labelNames: ['result', 'rule'] as const,
    registers: [this.registry],
  });
  readonly reloads = new Counter({
    name: 'dist_reloads_total',
    help: 'Hot reloads of rules and directory, by result (ok, failed).',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  constructor(sources: MetricSources) {
    collectDefaultMetrics({ register: this.registry, prefix: 'dist_' });
    new Gauge({
      name: 'dist_outbox_backlog',
      help: 'Deliveries waiting or in flight.',
      registers: [this.registry],
      collect() {
        this.set(sources.outboxBacklog());
      },
    });
    new Gauge({
      name: 'dist_queue_size',
      help: 'Records waiting in each queue.',
      labelNames: ['queue'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const [queue, size] of await sources.queueSizes()) this.set({ queue }, size);
      },
    });
  }

  /** The exposition text. */
  text(): Promise<string> {
    return this.registry.metrics();
  }
}
