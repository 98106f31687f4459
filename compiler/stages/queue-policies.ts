// A queue's retry policy belongs to the queue: every record in `q` is retried
// the same way, whichever clause sent it there. The policy is the `retry every
// D for W` written on any `fallback queue "q"` or `unmatched queue "q"`; two
// different ones for one queue are an error (DIST316). Lowering gives the policy
// to every clause that names the queue, with or without its own `retry`.
import type { QueueTarget } from '../../language/ast';
import type { RetryWindow } from '../ir';
import { report, type CompileContext } from './context';

/** A place that names a queue. */
interface QueueSite {
  file: string;
  target: QueueTarget;
}

/** Every `queue "…"` target in the project: the unmatched setting, then the rules' fallbacks, in order. */
function queueSites(ctx: CompileContext): QueueSite[] {
  const sites: QueueSite[] = [];
  const unmatched = ctx.settings?.entries.UnmatchedSetting;
  if (ctx.settings && unmatched) sites.push({ file: ctx.settings.file, target: unmatched.queue });
  for (const rule of ctx.rules) {
    const target = rule.clauses.Fallback?.target;
    if (target?.kind === 'QueueTarget') sites.push({ file: rule.file, target });
  }
  return sites;
}

/** The retry window of a site in IR form; null without `retry` or with a duration that is not valid (reported elsewhere). */
function windowOf(site: QueueSite): RetryWindow | null {
  const retry = site.target.retry;
  if (!retry || !(retry.every.ms > 0 && retry.for.ms > 0 && Number.isFinite(retry.every.ms) && Number.isFinite(retry.for.ms))) return null;
  return { everyMs: retry.every.ms, forMs: retry.for.ms };
}

/** The retry policy of each queue that has one, with the site that gave it. */
function policies(ctx: CompileContext): Map<string, { window: RetryWindow; site: QueueSite }> {
  const found = new Map<string, { window: RetryWindow; site: QueueSite }>();
  for (const site of queueSites(ctx)) {
    const window = windowOf(site);
    if (window && !found.has(site.target.name.value)) found.set(site.target.name.value, { window, site });
  }
  return found;
}

/** Reports DIST316 for every queue given a second, different retry policy. */
export function checkQueuePolicies(ctx: CompileContext): void {
  const first = policies(ctx);
  for (const site of queueSites(ctx)) {
    const name = site.target.name.value;
    const window = windowOf(site);
    const policy = first.get(name);
    if (!window || !policy || policy.site === site || (window.everyMs === policy.window.everyMs && window.forMs === policy.window.forMs)) continue;
    const retry = site.target.retry!;
    const firstRetry = policy.site.target.retry!;
    report(
      ctx,
      'DIST316',
      site.file,
      retry.span,
      `queue \`${name}\` already retries \`every ${firstRetry.every.raw} for ${firstRetry.for.raw}\`; a queue has one retry policy, so write the same one here or leave \`retry\` out`,
      { related: [{ file: policy.site.file, span: firstRetry.span, message: `the retry policy of queue \`${name}\`` }] },
    );
  }
}

/** The retry window of the queue `name` (null: it is never retried). */
export function queueRetry(ctx: CompileContext): (name: string) => RetryWindow | null {
  const found = policies(ctx);
  return (name) => found.get(name)?.window ?? null;
}
