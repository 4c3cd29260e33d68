// A slow link: a proxy adding a fixed delay to every request (owner: server helper).
//
// Each request waits `delayMs` before it is forwarded to `target`; bodies stream both ways (a live
// event stream stays open and flows), connections are kept alive on both sides.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface DelayProxy {
  url: string;
  close(): Promise<void>;
}

export function startDelayProxy(target: string, delayMs: number): Promise<DelayProxy> {
  const forward = forwarder(target, 'delay proxy');
  return listenLocally(forward.agent, (request, response) => {
    setTimeout(() => forward.to(request, response), delayMs);
  });
}

export interface Forwarder {
  agent: http.Agent;
  /** Sends `request` on to the target and streams its answer back (502 with `label` when it fails). */
  to(request: http.IncomingMessage, response: http.ServerResponse): void;
}

/** Forwarding to `target` over kept-alive connections, bodies streamed both ways. */
export function forwarder(target: string, label: string): Forwarder {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  return {
    agent,
    to(request, response) {
      const forwarded = http.request(
        {
          protocol: upstream.protocol,
          hostname: upstream.hostname,
          port: upstream.port,
          method: request.method,
          path: request.url,
          headers: { ...request.headers, host: upstream.host },
          agent,
        },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.headers);
          answer.pipe(response);
        },
      );
      forwarded.on('error', (error) => {
        if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
        response.end(`${label}: ${error.message}`);
      });
      // A client that hangs up ends the upstream request too (e.g. a live stream closed).
      response.on('close', () => {
        if (!response.writableFinished) forwarded.destroy();
      });
      request.pipe(forwarded);
    },
  };
}

/** An HTTP server on a free port of 127.0.0.1, kept alive; `close()` also drops open connections. */
export function listenLocally(agent: http.Agent, handle: http.RequestListener): Promise<DelayProxy> {
  const sockets = new Set<Socket>();
  const server = http.createServer({ keepAlive: true }, handle);
  server.keepAliveTimeout = 60_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            agent.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
