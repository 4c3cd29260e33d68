// The Fastify application: security headers, CORS for the desktop app's local origin, JSON errors,
// a logger that hides secrets, all routes.
import cors from '@fastify/cors';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { clientError, frameworkError, installErrorHandler } from './errors';
import { adminDeviceRoutes } from './routes/admin-devices';
import { adminUserRoutes } from './routes/admin-users';
import { disclosureRoutes } from './routes/disclosures';
import { healthRoutes } from './routes/health';
import { historyRoutes } from './routes/history';
import { loginRoutes } from './routes/login';
import { restoreRoutes } from './routes/restore';
import { streamRoutes } from './routes/stream';
import { syncRoutes } from './routes/sync';
import { updateRoutes } from './routes/updates';
import { installSecurityHeaders, loggerOptions, type LogStream } from './security';
import { webRoutes } from './web';

export interface AppOptions {
  webRoot: string | null;
  tls: { cert: string; key: string } | undefined;
  /** The folder served at /updates/ (desktop app releases); absent or null = no such route. */
  updatesDir?: string | null;
  quiet: boolean;
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: LogStream;
}

/** 2,000 rows of the largest documents fit well below this. */
const BODY_LIMIT = 32 * 1024 * 1024;

export async function buildApp(ctx: ServerContext, options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    frameworkErrors: frameworkError,
    clientErrorHandler: clientError,
    logger: loggerOptions(options.quiet ? 'error' : 'info', options.logStream),
    logController: new LogController({ disableRequestLogging: options.quiet }),
    ...(options.tls ? { https: { cert: options.tls.cert, key: options.tls.key } } : {}),
  });
  installSecurityHeaders(app, options.tls !== undefined);
  installErrorHandler(app);
  acceptEmptyJson(app);
  // Bearer tokens, no cookies: any origin may call, as the desktop app loads from a local one.
  await app.register(cors, {
    origin: '*',
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'OPTIONS'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Client-Version'],
    maxAge: 86_400,
  });
  for (const routes of [healthRoutes, loginRoutes, syncRoutes, streamRoutes, adminUserRoutes, adminDeviceRoutes, historyRoutes, disclosureRoutes, restoreRoutes]) routes(app, ctx);
  if (options.updatesDir) await updateRoutes(app, options.updatesDir);
  await webRoutes(app, options.webRoot);
  return app;
}

/**
 * Fastify's JSON parser (with its prototype-poisoning guards), except that an empty body reads as
 * no body: a POST such as /disable may carry `content-type: application/json` and nothing else.
 */
function acceptEmptyJson(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') done(null, undefined);
    else void parse(request, text, done);
  });
}
