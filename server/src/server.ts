// The street office's sync server: storage (PGlite or PostgreSQL), first start, the HTTP API.
import type { DemoAccountIn } from './demo/load';
import type { Db } from './db/adapter';
import { migrate } from './db/migrate';
import { openPglite } from './db/pglite';
import { openPostgres } from './db/postgres';
import { buildApp } from './http/app';
import { defaultStreetName } from './messages';
import { firstStart } from './seed';
import { ChangeHub } from './sync/hub';
import { packageVersion } from './version';

export interface ServerOptions {
  port?: number; // 0 = any free port; default from PORT env or 8787
  host?: string; // default '0.0.0.0'; tests pass '127.0.0.1'
  databaseUrl?: string; // postgres://… ; absent = embedded PGlite
  dataDir?: string; // PGlite folder; 'memory://' = in memory (tests). default DATA_DIR env or './.data'
  adminUsername?: string; // first street admin, created if no user exists yet
  adminPassword?: string;
  demo?: boolean; // load the demo data set into an EMPTY database (no-op otherwise)
  webRoot?: string | null; // built web app folder served at '/'; default 'dist/renderer'; null = none
  updatesDir?: string | null; // desktop releases served at /updates/; default UPDATES_DIR env or './updates'; null = none
  minClientVersion?: string; // default '0.1.0'
  tls?: { cert: string; key: string }; // PEM contents
  sessionDays?: number; // default 30
  quiet?: boolean; // no request logging (tests)
  testHooks?: {
    changeOrder?: 'safe' | 'naive'; // 'naive' ONLY to prove the concurrent-writers test catches a naive sequence
    beforeCommit?: () => Promise<void>; // awaited inside every push transaction just before COMMIT (fault injection)
  };
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** What the CLI prints beside the URL. */
export interface LaunchedServer extends RunningServer {
  port: number;
  /** The demo accounts present in the database, when demo data was loaded now or before. */
  demoAccounts: (DemoAccountIn & { communityNames: string[] })[];
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const server = await launchServer(options);
  return { url: server.url, close: () => server.close() };
}

/** `startServer` plus what the CLI prints; `findDemoAccounts` also looks for demo data loaded before. */
export async function launchServer(options: ServerOptions = {}, findDemoAccounts = false): Promise<LaunchedServer> {
  const changeOrder = options.testHooks?.changeOrder ?? 'safe';
  const db = await openDb(options);
  const hub = new ChangeHub();
  try {
    await migrate(db);
    const demoAccounts = await prepareData(db, options, changeOrder, findDemoAccounts);
    await hub.start(db);
    const ctx = {
      db,
      hub,
      version: packageVersion(),
      minClientVersion: options.minClientVersion ?? '0.1.0',
      sessionDays: options.sessionDays ?? 30,
      changeOrder,
      beforeCommit: options.testHooks?.beforeCommit,
      deviceTouches: new Map<string, { at: number; version: string }>(),
    };
    const webRoot = options.webRoot === undefined ? 'dist/renderer' : options.webRoot;
    const updatesDir = options.updatesDir === undefined ? process.env.UPDATES_DIR || 'updates' : options.updatesDir;
    const app = await buildApp(ctx, { webRoot, updatesDir, tls: options.tls, quiet: options.quiet ?? false });
    // Streams end first: a server does not wait on clients that never hang up.
    app.addHook('preClose', async () => hub.close());
    await app.listen({ port: options.port ?? portFromEnv(), host: options.host ?? '0.0.0.0' });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const host = options.host === undefined || options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
    const url = `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
    let closing: Promise<void> | undefined;
    const close = () => (closing ??= app.close().then(() => db.close()));
    return { url, port, demoAccounts, close };
  } catch (error) {
    await hub.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw error;
  }
}

async function openDb(options: ServerOptions): Promise<Db> {
  const databaseUrl = options.databaseUrl;
  if (databaseUrl !== undefined && databaseUrl !== '') return openPostgres(databaseUrl);
  return openPglite(options.dataDir ?? (process.env.DATA_DIR || './.data'));
}

/** Demo data into an empty database when asked, then the street and first admin if missing. */
async function prepareData(db: Db, options: ServerOptions, changeOrder: 'safe' | 'naive', findDemoAccounts: boolean) {
  let demoAccounts: LaunchedServer['demoAccounts'] = [];
  if (options.demo === true || findDemoAccounts) {
    // Loaded only when needed: generating the data set is work the tests' servers do not need.
    const [{ generateDemo }, { loadDemo, presentDemoAccounts }] = await Promise.all([import('./demo/generate'), import('./demo/load')]);
    const data = generateDemo();
    if (options.demo === true) await loadDemo(db, data, changeOrder);
    const names = new Map(data.documents.communities.map((c) => [c.id, c.name]));
    const present = await presentDemoAccounts(db, data);
    demoAccounts = present.map((account) => ({ ...account, communityNames: account.communityIds.map((id) => names.get(id) ?? id) }));
  }
  await firstStart(db, {
    streetName: process.env.STREET_NAME ?? defaultStreetName,
    adminUsername: options.adminUsername,
    adminPassword: options.adminPassword,
    changeOrder,
  });
  return demoAccounts;
}

function portFromEnv(): number {
  const port = Number(process.env.PORT ?? 8787);
  return Number.isInteger(port) && port >= 0 && port < 65536 ? port : 8787;
}
