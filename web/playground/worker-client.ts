// The page's side of the language worker: typed requests, answered by id.
import type { Envelope, Reply, Request, Responses } from './protocol';

/** Sends requests to the language worker at /assets/dist.worker.js. */
export class LanguageClient {
  private readonly worker = new Worker('/assets/dist.worker.js', { type: 'module', name: 'dist-language' });
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private next = 1;

  constructor() {
    this.worker.onmessage = (message: MessageEvent<Reply>) => {
      const reply = message.data;
      const pending = this.waiting.get(reply.id);
      if (!pending) return;
      this.waiting.delete(reply.id);
      if (reply.ok) pending.resolve(reply.value);
      else pending.reject(new Error(reply.error));
    };
  }

  /** Asks the worker; resolves with its answer. */
  request<R extends Request>(request: R): Promise<Responses[R['kind']]> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, ...request } satisfies Envelope);
    });
  }
}
