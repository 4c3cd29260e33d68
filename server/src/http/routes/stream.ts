// GET /api/sync/stream: server-sent events over a plain streaming response, read with fetch so
// the bearer header travels. A `change` for each write the caller may see, `resync` when the
// server cannot tell, a ping comment every 25 s (which also re-checks the session).
import type { FastifyInstance } from 'fastify';
import type { Scope } from '@domain/scope';
import { bearerToken, sessionOf } from '../../auth/sessions';
import type { ServerContext } from '../../context';
import { makeCheckpoint } from '../../sync/checkpoint';
import { noticeConcerns } from '../../sync/concerns';
import type { HubEvent } from '../../sync/hub';
import { scopeOf } from '../../sync/scope-of';
import { callerOf } from '../caller';

const PING_MS = 25_000;

export function streamRoutes(app: FastifyInstance, ctx: ServerContext): void {
  // No automatic HEAD twin: a HEAD request must not open a stream that never ends.
  app.get('/api/sync/stream', { exposeHeadRoute: false }, async (request, reply) => {
    const caller = await callerOf(ctx, request);
    const token = bearerToken(request.headers.authorization);
    let scope: Scope = caller.scope;
    let closed = false;

    reply.hijack();
    const res = reply.raw;
    // Headers set by hooks (CORS) are not written by a hijacked reply: carry them over.
    const hookHeaders = Object.entries(reply.getHeaders()).filter((entry): entry is [string, string | number | string[]] => entry[1] !== undefined);
    res.writeHead(200, {
      ...Object.fromEntries(hookHeaders),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    const write = (text: string) => {
      if (!closed && !res.destroyed) res.write(text);
    };
    const send = (event: string, data: unknown) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

    /** Still signed in, not revoked? Refreshes the scope; ends the stream otherwise. */
    const stillValid = async (): Promise<boolean> => {
      try {
        const session = await sessionOf(ctx.db, token);
        scope = await scopeOf(ctx.db, session.user);
        return true;
      } catch {
        end();
        return false;
      }
    };

    const onEvent = (event: HubEvent): void => {
      if (event.kind === 'reset') return send('resync', {});
      const notice = event.notice;
      if (notice.type === 'account') {
        // The account changed (scope, password, disabled): check it, then have the client pull again.
        if (notice.userId === caller.user.id) void stillValid().then((ok) => ok && send('resync', {}));
        return;
      }
      if (notice.collection === 'units' && scope.role === 'department_liaison' && notice.streetId === scope.streetId) {
        // A department's pairing may have changed, and with it which compounds the liaison sees.
        void stillValid().then((ok) => ok && send('resync', {}));
        return;
      }
      if (noticeConcerns(notice, scope)) send('change', { collection: notice.collection, checkpoint: makeCheckpoint(notice.seq, scope) });
    };

    const unsubscribe = ctx.hub.subscribe({ onEvent, onShutdown: () => end() });
    const ping = setInterval(() => void stillValid().then((ok) => ok && write(': ping\n\n')), PING_MS);
    function end(): void {
      if (closed) return;
      closed = true;
      clearInterval(ping);
      unsubscribe();
      res.end();
    }
    // The response closes when the client goes away (request 'close' fires as soon as a GET is read).
    res.on('close', end);
    write(': connected\n\n');
  });
}
