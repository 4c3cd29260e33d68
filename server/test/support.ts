// A fresh server per test block, on PGlite in memory or on a new PostgreSQL database, and a tiny
// fetch client that speaks the contract's headers.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { AnyDoc } from '@domain/collections';
import type { LoginResponse } from '@domain/contract';
import { startServer, type RunningServer, type ServerOptions } from '../src/server';
import { community } from './docs';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export type Backend = 'pglite' | 'postgres';
export const ADMIN = { username: 'admin', password: 'jiedao-admin-1' } as const;
export const CLIENT_VERSION = '0.1.0';

export interface TestServer {
  server: RunningServer;
  close(): Promise<void>;
}

/** Starts a server with the first admin on new, empty storage of the backend. */
export async function startTestServer(backend: Backend, extra: ServerOptions = {}): Promise<TestServer> {
  const base = { port: 0, host: '127.0.0.1', webRoot: null, quiet: true, adminUsername: ADMIN.username, adminPassword: ADMIN.password };
  if (backend === 'pglite') {
    const server = await startServer({ ...base, dataDir: 'memory://', ...extra });
    return { server, close: () => server.close() };
  }
  const cluster = process.env.DATABASE_URL ?? inject('postgresUrl');
  const name = `server_test_${randomBytes(6).toString('hex')}`;
  await onCluster(cluster, `CREATE DATABASE ${name}`);
  const url = new URL(cluster);
  url.pathname = `/${name}`;
  const server = await startServer({ ...base, databaseUrl: url.toString(), ...extra });
  return {
    server,
    close: async () => {
      await server.close();
      await onCluster(cluster, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function onCluster(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface Answer<T = unknown> {
  status: number;
  body: T;
}

export class Client {
  constructor(
    readonly baseUrl: string,
    readonly login?: LoginResponse,
  ) {}

  static async signIn(baseUrl: string, username: string, password: string, deviceId?: string): Promise<Client> {
    const answer = await new Client(baseUrl).call<LoginResponse>('POST', '/api/auth/login', { username, password, deviceName: 'vitest', deviceId });
    if (answer.status !== 200) throw new Error(`login of ${username} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    return new Client(baseUrl, answer.body);
  }

  get streetId(): string {
    if (!this.login) throw new Error('not signed in');
    return this.login.user.streetId;
  }

  async call<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: {
        'x-client-version': CLIENT_VERSION,
        ...(this.login ? { authorization: `Bearer ${this.login.token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
  }

  push<T = AnyDoc[]>(collection: string, rows: { assumedMasterState?: AnyDoc | null; newDocumentState: AnyDoc }[]) {
    return this.call<T>('POST', `/api/sync/${collection}/push`, rows);
  }

  pull(collection: string, checkpoint?: unknown, limit?: number) {
    const query = new URLSearchParams();
    if (checkpoint !== undefined) query.set('checkpoint', JSON.stringify(checkpoint));
    if (limit !== undefined) query.set('limit', String(limit));
    return this.call<{ documents: AnyDoc[]; removed: string[]; checkpoint: unknown }>('GET', `/api/sync/${collection}/pull?${query.toString()}`);
  }

  /** Pulls from `checkpoint` until a page comes back short; every page's documents and removed ids. */
  async pullAll(collection: string, checkpoint?: unknown, limit = 500) {
    const documents: AnyDoc[] = [];
    const removed: string[] = [];
    let cp = checkpoint;
    for (;;) {
      const page = await this.pull(collection, cp, limit);
      if (page.status !== 200) throw new Error(`pull failed: ${page.status} ${JSON.stringify(page.body)}`);
      documents.push(...page.body.documents);
      removed.push(...page.body.removed);
      cp = page.body.checkpoint;
      if (page.body.documents.length < limit) return { documents, removed, checkpoint: cp };
    }
  }
}

/** The first admin signed in on `url`, after pushing the street's communities A and B (most scope tests start so). */
export async function adminWithCommunities(url: string): Promise<Client> {
  const admin = await Client.signIn(url, ADMIN.username, ADMIN.password);
  await admin.push('communities', [{ newDocumentState: community(admin.streetId, 'A') }, { newDocumentState: community(admin.streetId, 'B') }]);
  return admin;
}

/** A new community worker of `communityIds` created by `admin`, signed in on a new device. */
export async function newStaff(admin: Client, username: string, password: string, communityIds: string[]): Promise<{ client: Client; userId: string }> {
  const body = { username, password, displayName: '王五', role: 'community_staff', communityIds };
  const created = await admin.call<{ id: string }>('POST', '/api/admin/users', body);
  if (created.status !== 201) throw new Error(`creating ${username} failed: ${created.status} ${JSON.stringify(created.body)}`);
  return { client: await Client.signIn(admin.baseUrl, username, password), userId: created.body.id };
}
