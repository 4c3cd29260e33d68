// GET /api/health: no auth, so load balancers and the login page can tell the server is there.
import type { FastifyInstance } from 'fastify';
import type { HealthResponse } from '@domain/contract';
import type { ServerContext } from '../../context';

export function healthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/health', (): HealthResponse => ({ ok: true, version: ctx.version }));
}
