// GET /updates/<file>: the desktop app's update feed, files the admin drops into the updates folder
// (electron-builder's installers and latest*.yml, with our .sig signatures of the feeds). No login:
// installers are public, and what the app installs is guarded by the feed's Ed25519 signature, not
// by this route. Only plain file names in the folder itself are served (no subfolders, no dot
// files, no `..`); anything else is the contract's 404. Range requests are answered (electron-updater's
// differential downloads, one range per request), feeds are never cached, installers may be.
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { errorMessages } from '../../messages';
import { ApiError, sendError } from '../errors';

export const UPDATES_PREFIX = '/updates/';

/** A file name as electron-builder writes them: no folder, no hidden file, nothing odd. */
const PLAIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,199}$/;

export function isPlainFileName(name: string): boolean {
  return PLAIN_NAME.test(name) && !name.includes('..');
}

/** Feeds and their signatures change in place at every release: always asked again. */
const FEED = /\.(?:ya?ml|sig)$/i;

export function updateFileHeaders(name: string): { 'content-type': string; 'cache-control': string } {
  if (/\.ya?ml$/i.test(name)) return { 'content-type': 'text/yaml; charset=utf-8', 'cache-control': 'no-cache' };
  if (FEED.test(name)) return { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' };
  // Installers and blockmaps carry the version in their name; a day's caching, revalidated after.
  return { 'content-type': 'application/octet-stream', 'cache-control': 'public, max-age=86400' };
}

/**
 * Registers the route on `dir` (resolved now; the folder may be created later: until then every
 * file is missing).
 */
export async function updateRoutes(app: FastifyInstance, dir: string): Promise<void> {
  const root = resolve(dir);
  await app.register(
    async (scope) => {
      // 404s under /updates/ are JSON, never the web app's index.html.
      const notFound = (_request: unknown, reply: FastifyReply) => sendError(reply, new ApiError('not_found', errorMessages.notFound));
      scope.setNotFoundHandler(notFound);
      // The folder itself is not listed (`/updates` and `/updates/`).
      scope.get('/', notFound);
      scope.addHook('onSend', async (request, reply, payload) => {
        // Only a file actually served (200, 206, 304) gets a file's headers.
        if (reply.statusCode < 400) reply.headers(updateFileHeaders((request.params as { '*'?: string })['*'] ?? ''));
        return payload;
      });
      await scope.register(fastifyStatic, {
        root,
        prefix: '/',
        decorateReply: false,
        index: false,
        list: false,
        redirect: false,
        dotfiles: 'deny',
        cacheControl: false,
        lastModified: true,
        etag: true,
        acceptRanges: true,
        // `pathname` is the decoded path after the prefix, e.g. '/latest.yml'.
        allowedPath: (pathname) => pathname.startsWith('/') && isPlainFileName(pathname.slice(1)),
        // Not a warning at every start of a server that serves no releases: a missing folder just
        // means every file is missing.
        logLevel: 'error',
      });
    },
    { prefix: UPDATES_PREFIX.slice(0, -1) },
  );
}
