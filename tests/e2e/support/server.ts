// A real street office server for one end-to-end test: embedded PGlite in memory, the demo data
// set, the built web app at `/`, and a small API client for setting up and checking from outside.
import { fileURLToPath } from 'node:url';
import type { CreateUserRequest, LoginResponse, PullResponse, SessionUser } from '@domain/contract';
import type { CollectionName, WireDoc } from '@domain/collections';
import { startServer, type RunningServer } from '../../../server/src/server';

// The web build under test: `npm run build:renderer`'s, unless E2E_WEB_ROOT names another.
const webRoot = process.env.E2E_WEB_ROOT ?? fileURLToPath(new URL('../../../dist/renderer', import.meta.url));

export interface TestServer extends RunningServer {
  /** Signs in over the API as a device of its own. */
  signIn(username: string, password: string): Promise<Api>;
}

export interface TestServerOptions {
  /** PEM certificate and key: the server answers over HTTPS (its API client below then cannot, being Node's strict fetch). */
  tls?: { cert: string; key: string };
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: 'memory://', demo: true, webRoot, quiet: true, ...(options.tls ? { tls: options.tls } : {}) });
  return {
    ...server,
    async signIn(username, password) {
      const session = await request<LoginResponse>(server.url, null, 'POST', '/api/auth/login', { username, password, deviceName: 'e2e check' });
      return new Api(server.url, session.token, session.user);
    },
  };
}

export class Api {
  constructor(
    private readonly url: string,
    private readonly token: string,
    /** Who signed in, as the server describes them. */
    readonly user: SessionUser,
  ) {}

  createUser(user: CreateUserRequest): Promise<unknown> {
    return request(this.url, this.token, 'POST', '/api/admin/users', user);
  }

  /** Every document of a collection the signed-in user may read, paging to the end. */
  async all<C extends CollectionName>(collection: C): Promise<WireDoc<C>[]> {
    const docs: WireDoc<C>[] = [];
    let checkpoint: unknown = null;
    for (;;) {
      const query = checkpoint === null ? '' : `&checkpoint=${encodeURIComponent(JSON.stringify(checkpoint))}`;
      const page = await request<PullResponse<WireDoc<C>>>(this.url, this.token, 'GET', `/api/sync/${collection}/pull?limit=500${query}`);
      docs.push(...page.documents);
      if (page.documents.length === 0) return docs;
      checkpoint = page.checkpoint;
    }
  }
}

async function request<T>(url: string, token: string | null, method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'x-client-version': '0.1.0' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}
