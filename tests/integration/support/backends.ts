// Runs a block of contract tests against the real server, once on embedded PGlite and once on
// PostgreSQL, each block with a fresh server on fresh storage.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { startServer, type RunningServer, type ServerOptions } from '../../../server/src/server';
import { ApiClient } from './client';

export type BackendName = 'pglite' | 'postgres';
export const backendNames: readonly BackendName[] = ['pglite', 'postgres'];

/** The first street admin every test server is started with. */
export const ADMIN = { username: 'street_admin', password: 'Jiedao#2024-admin' } as const;

/** A new, empty database on the test cluster; the tests own it until `dropDatabase`. */
export async function createDatabase(): Promise<string> {
  const clusterUrl = inject('postgresUrl');
  const name = `cg_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const client = new pg.Client({ connectionString: inject('postgresUrl') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export interface ExtraServerOptions extends ServerOptions {
  /** 'shared' runs on the block's own database (PostgreSQL only); 'fresh' (default) on new storage. */
  storage?: 'fresh' | 'shared';
}

export class Backend {
  private main: RunningServer | null = null;
  private mainDatabase: string | undefined;
  private readonly servers: RunningServer[] = [];
  private readonly databases: string[] = [];

  constructor(
    readonly name: BackendName,
    private readonly defaults: ServerOptions,
  ) {}

  /** The URL of the block's server. */
  get url(): string {
    if (!this.main) throw new Error('the server of this block has not started');
    return this.main.url;
  }

  /** A client without a token, speaking to the block's server. */
  get anonymous(): ApiClient {
    return new ApiClient(this.url);
  }

  async start(): Promise<void> {
    if (this.name === 'postgres') this.mainDatabase = await this.newDatabase();
    this.main = await this.launch(this.mainDatabase, {});
  }

  /** Starts another server, closed with the block: on fresh storage, or on the block's database. */
  async startServer(options: ExtraServerOptions = {}): Promise<RunningServer> {
    const { storage = 'fresh', ...serverOptions } = options;
    if (storage === 'shared' && this.mainDatabase === undefined) throw new Error('only PostgreSQL storage is shared between servers');
    const databaseUrl = storage === 'shared' ? this.mainDatabase : this.name === 'postgres' ? await this.newDatabase() : undefined;
    return this.launch(databaseUrl, serverOptions);
  }

  private async newDatabase(): Promise<string> {
    const databaseUrl = await createDatabase();
    this.databases.push(databaseUrl);
    return databaseUrl;
  }

  /** A server on that PostgreSQL database, or on a new in-memory PGlite when there is none. */
  private async launch(databaseUrl: string | undefined, options: ServerOptions): Promise<RunningServer> {
    const server = await startServer({
      port: 0,
      host: '127.0.0.1',
      webRoot: null,
      quiet: true,
      adminUsername: ADMIN.username,
      adminPassword: ADMIN.password,
      ...this.defaults,
      ...options,
      ...(databaseUrl === undefined ? { dataDir: 'memory://' } : { databaseUrl }),
    });
    this.servers.push(server);
    return server;
  }

  /** Closes every server of the block, then drops its databases; the first failure is thrown. */
  async stop(): Promise<void> {
    const closed = await Promise.allSettled(this.servers.splice(0).map((server) => server.close()));
    const dropped = await Promise.allSettled(this.databases.splice(0).map(dropDatabase));
    const failure = [...closed, ...dropped].find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
  }
}

export interface BackendBlockOptions {
  backends?: readonly BackendName[];
  /** Options for the block's own server (e.g. test hooks). */
  server?: ServerOptions;
}

/**
 * Declares `describe(name [backend])` once per backend; `fn` registers its tests and hooks and
 * reaches the block's server through the `Backend` it is given (started before the tests run).
 */
export function forEachBackend(name: string, fn: (backend: Backend) => void, options: BackendBlockOptions = {}): void {
  for (const backendName of options.backends ?? backendNames) {
    describe(`${name} [${backendName}]`, () => {
      const backend = new Backend(backendName, options.server ?? {});
      beforeAll(() => backend.start());
      afterAll(() => backend.stop());
      fn(backend);
    });
  }
}
