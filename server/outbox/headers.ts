// The headers of an outbound delivery: the target's own from dist.yaml, with
// `${VAR}` references resolved from the environment at send time (secrets never
// reach the state store), plus the JSON content type, the delivery id (targets
// deduplicate by it; it is also sent as `Idempotency-Key`) and, when a webhook
// secret is set, a `Dist-Signature` so the target can check where it came from.
import { signBody } from '../auth';
import type { OutboxItem } from '../../runtime/state/store';

const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Replaces `${VAR}` with the variable's value (empty when unset). */
export function expandEnv(text: string, env: NodeJS.ProcessEnv): string {
  return text.replace(REFERENCE, (_match, name: string) => env[name] ?? '');
}

/** The variables `headers` reference that `env` does not set. */
export function missingEnv(headers: Record<string, string>, env: NodeJS.ProcessEnv): string[] {
  const missing = new Set<string>();
  for (const value of Object.values(headers)) {
    for (const match of value.matchAll(REFERENCE)) if (env[match[1] as string] === undefined) missing.add(match[1] as string);
  }
  return [...missing];
}

/** Builds the header function the worker calls for every attempt. */
export function deliveryHeaders(options: {
  env: NodeJS.ProcessEnv;
  secret: string | null;
  clock: () => number;
}): (item: OutboxItem, body: string) => Record<string, string> {
  return (item, body) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(item.target?.headers ?? {})) headers[name] = expandEnv(value, options.env);
    headers['content-type'] = 'application/json';
    headers['dist-delivery-id'] = item.id;
    headers['idempotency-key'] = item.id;
    if (options.secret !== null) headers['dist-signature'] = signBody(options.secret, body, Math.floor(options.clock() / 1000));
    return headers;
  };
}
