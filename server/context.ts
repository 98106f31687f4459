// What every route of the server shares: the running project, the state store,
// the decision pipeline, the delivery worker, metrics, secrets and settings.
import type { OutboxWorker } from './outbox/worker';
import type { AuthSecrets } from './auth';
import type { ServeConfig } from './config';
import type { IdempotencyKeys } from './idempotency';
import type { Ingest } from './ingest';
import type { LiveProject } from './live-project';
import type { ServerMetrics } from './metrics';
import type { Shadow } from './shadow';
import { type StateStore } from '../api';

/** The server's parts, as the routes see them. */
export interface ServerContext {
  live: LiveProject;
  store: StateStore;
  ingest: Ingest;
  worker: OutboxWorker;
  metrics: ServerMetrics;
  secrets: AuthSecrets;
  config: ServeConfig;
  idempotency: IdempotencyKeys;
  clock: () => number;
  /** The candidate rules deciding in shadow; null when shadow mode is off. */
  shadow: Shadow | null;
  /** The folder of the built web pages. */
  webRoot: string;
  /** False until start-up is complete and again while shutting down (`/readyz`). */
  readiness: { ready: boolean; reason: string };
}
