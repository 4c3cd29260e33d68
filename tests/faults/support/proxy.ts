// A TCP proxy between the devices and the server (node:net) that cuts connections in the middle
// of an exchange: an armed fault waits for the next push or pull to pass through, then lets only
// part of its bytes through and destroys both sides. Cutting a push's request means the server
// never gets the whole body (nothing is written); cutting its response means the server committed
// and the device never hears so (a lost acknowledgement); cutting a pull's response leaves the
// device with half an answer. HTTP/1.1 keep-alive without pipelining: an exchange starts with a
// chunk from the client that begins with a request line.
import net from 'node:net';

export type Exchange = 'push' | 'pull';
export type Phase = 'request' | 'response';

export interface Fault {
  exchange: Exchange;
  phase: Phase;
  /** Where to cut, as a fraction in (0, 1) of the request's or response's bytes. */
  fraction: number;
}

export interface Cut extends Fault {
  path: string;
  /** Bytes let through before the cut, and the size of the whole request or response. */
  passed: number;
  total: number;
}

const REQUEST_LINE = /^(GET|POST|PUT|DELETE|HEAD|OPTIONS|PATCH) (\S+) HTTP\/1\.[01]\r\n/;

function kindOf(method: string, path: string): Exchange | null {
  if (method === 'POST' && /^\/api\/sync\/[a-z]+\/push/.test(path)) return 'push';
  if (method === 'GET' && /^\/api\/sync\/[a-z]+\/pull/.test(path)) return 'pull';
  return null;
}

/** Header length plus Content-Length, when the chunk holds the whole head; else the chunk's length. */
function messageSize(chunk: Buffer): number {
  const headEnd = chunk.indexOf('\r\n\r\n');
  if (headEnd < 0) return chunk.length;
  const length = /\r\ncontent-length: *(\d+)/i.exec(chunk.subarray(0, headEnd).toString('latin1'));
  return headEnd + 4 + (length ? Number(length[1]) : 0);
}

/** Lets `limit - passed` more bytes of `chunk` through; true when the limit is reached. */
function forwardUpTo(to: net.Socket, chunk: Buffer, passed: number, limit: number): { passed: number; reached: boolean } {
  const room = Math.max(0, limit - passed);
  const part = chunk.subarray(0, room);
  if (part.length > 0) to.write(part);
  return { passed: passed + part.length, reached: passed + chunk.length >= limit };
}

export class CuttingProxy {
  private armed: Fault[] = [];
  readonly cuts: Cut[] = [];
  private readonly sockets = new Set<net.Socket>();

  private constructor(
    private readonly server: net.Server,
    readonly url: string,
  ) {}

  /** A proxy on a free local port in front of `target` (an http:// URL). */
  static async start(target: string): Promise<CuttingProxy> {
    const { hostname, port } = new URL(target);
    const handlers: Array<(client: net.Socket) => void> = [];
    const server = net.createServer((client) => handlers[0]?.(client));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address() as net.AddressInfo;
    const proxy = new CuttingProxy(server, `http://127.0.0.1:${address.port}`);
    handlers.push((client) => proxy.connection(client, hostname, Number(port)));
    return proxy;
  }

  /** Waits for the next matching exchange and cuts it. */
  arm(fault: Fault): void {
    this.armed.push(fault);
  }

  /** Faults armed but not yet met. */
  get waiting(): number {
    return this.armed.length;
  }

  disarm(): void {
    this.armed = [];
  }

  private take(exchange: Exchange, phase: Phase): Fault | undefined {
    const at = this.armed.findIndex((fault) => fault.exchange === exchange && fault.phase === phase);
    return at < 0 ? undefined : this.armed.splice(at, 1)[0];
  }

  private connection(client: net.Socket, host: string, port: number): void {
    const upstream = net.connect(port, host);
    this.sockets.add(client).add(upstream);
    const cut = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', () => {
      this.sockets.delete(client);
      upstream.destroy();
    });
    upstream.on('close', () => {
      this.sockets.delete(upstream);
      client.destroy();
    });
    client.on('error', cut);
    upstream.on('error', cut);

    // The exchange in progress on this connection and what to do to it.
    let current: { path: string; exchange: Exchange | null; responseFault?: Fault } = { path: '', exchange: null };
    let requestCut: { fault: Fault; path: string; passed: number; limit: number; total: number } | undefined;
    let responseCut: { fault: Fault; path: string; passed: number; limit: number; total: number } | undefined;

    client.on('data', (chunk: Buffer) => {
      if (requestCut) {
        const step = forwardUpTo(upstream, chunk, requestCut.passed, requestCut.limit);
        requestCut.passed = step.passed;
        if (step.reached) this.finish(requestCut, cut);
        return;
      }
      const line = REQUEST_LINE.exec(chunk.subarray(0, 300).toString('latin1'));
      if (line) {
        const path = line[2] ?? '';
        const exchange = kindOf(line[1] ?? '', path);
        current = { path, exchange };
        responseCut = undefined;
        if (exchange) {
          const requestFault = this.take(exchange, 'request');
          if (requestFault) {
            const total = messageSize(chunk);
            requestCut = { fault: requestFault, path, passed: 0, limit: Math.max(1, Math.floor(total * requestFault.fraction)), total };
            const step = forwardUpTo(upstream, chunk, 0, requestCut.limit);
            requestCut.passed = step.passed;
            if (step.reached) this.finish(requestCut, cut);
            return;
          }
          current.responseFault = this.take(exchange, 'response');
        }
      }
      upstream.write(chunk);
    });

    upstream.on('data', (chunk: Buffer) => {
      if (!responseCut && current.responseFault && current.exchange) {
        const total = messageSize(chunk);
        responseCut = { fault: current.responseFault, path: current.path, passed: 0, limit: Math.max(1, Math.floor(total * current.responseFault.fraction)), total };
        current.responseFault = undefined;
      }
      if (responseCut) {
        const step = forwardUpTo(client, chunk, responseCut.passed, responseCut.limit);
        responseCut.passed = step.passed;
        if (step.reached) this.finish(responseCut, cut);
        return;
      }
      client.write(chunk);
    });
  }

  private finish(state: { fault: Fault; path: string; passed: number; total: number }, cut: () => void): void {
    this.cuts.push({ ...state.fault, path: state.path, passed: state.passed, total: state.total });
    cut();
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
