// The web pages: `GET /` (the dashboard), `GET /playground` and their bundled
// assets under `/assets/`. The pages themselves are public (they hold no data);
// every figure they show comes from the read endpoints, behind the same tokens as
// the API. A content security policy keeps them to this origin: nothing is loaded
// from elsewhere.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ApiError } from '../errors';
import type { WebAsset } from '../web-assets';

/** Same origin only; Monaco sets inline styles, its workers are served from /assets. */
const CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; worker-src 'self'; connect-src 'self'; frame-ancestors 'none'";

/** Registers the pages, served from `assets` (server/web-assets.ts). */
export function registerWebRoutes(app: FastifyInstance, assets: Map<string, WebAsset>): void {
  const send = (reply: FastifyReply, asset: WebAsset | undefined, what: string, cache: string) => {
    if (!asset) throw new ApiError(404, 'not_found', `${what} is not built; run \`npm run build\` in the dist-rules package`);
    return reply.header('content-type', asset.type).header('cache-control', cache).header('content-security-policy', CSP).header('x-content-type-options', 'nosniff').send(asset.body);
  };
  app.get('/', async (_request, reply) => send(reply, assets.get('/index.html'), 'the dashboard', 'no-cache'));
  app.get('/playground', async (_request, reply) => send(reply, assets.get('/playground.html'), 'the playground', 'no-cache'));
  app.get<{ Params: { '*': string } }>('/assets/*', async (request, reply) => {
    const name = `/assets/${request.params['*']}`;
    const asset = assets.get(name);
    if (!asset) throw new ApiError(404, 'not_found', `no asset \`${name}\``);
    return send(reply, asset, name, 'no-cache');
  });
}
