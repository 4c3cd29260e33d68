// The built web app at '/': files from `webRoot`, and index.html for any other non-API GET so the
// app's own routes work on reload. index.html and the service worker are never cached; hashed
// assets are cached for good.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorMessages, pages } from '../messages';
import { ApiError, sendError } from './errors';

const NO_CACHE = 'no-cache';
const IMMUTABLE = 'public, max-age=31536000, immutable';

export async function webRoutes(app: FastifyInstance, webRoot: string | null): Promise<void> {
  const root = webRoot === null ? null : resolve(webRoot);
  if (root !== null && existsSync(root)) {
    await app.register(fastifyStatic, {
      root,
      cacheControl: false,
      setHeaders: (res, path) => {
        res.setHeader('cache-control', /[\\/]assets[\\/]/.test(path.slice(root.length)) ? IMMUTABLE : NO_CACHE);
      },
    });
  }
  app.setNotFoundHandler((request, reply) => notFound(request, reply, root));
}

function notFound(request: FastifyRequest, reply: FastifyReply, root: string | null): FastifyReply {
  const isPage = (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api/') && request.url !== '/api';
  if (!isPage || root === null) return sendError(reply, new ApiError('not_found', errorMessages.notFound));
  if (!existsSync(join(root, 'index.html'))) {
    return reply.code(200).type('text/html; charset=utf-8').header('cache-control', NO_CACHE).send(pages.noWebApp);
  }
  return reply.header('cache-control', NO_CACHE).sendFile('index.html', root);
}
