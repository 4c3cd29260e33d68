// Our server, seeded with a data set (owner: server helper).
//
// `startBenchServer({ backend, data })` starts the real server (startServer) on storage seeded with
// the data set in bulk: the rows go straight into `docs` in the form the push path stores them
// (scope key columns, seq in collection order, the counter at the last seq) with one `audit` row
// each by the system, then ANALYZE. Accounts, all with the password demo1234:
//   - `admin`: a street admin (its token is `adminToken`);
//   - one community staff account per community: `staffUsernames(data)` lists them with their
//     community. Each `signIn` makes a new device and session, so 200 simulated devices can sign
//     in as the 14 staff accounts.
// PostgreSQL runs in the run's throwaway cluster (support/global-setup.ts; fsync off), each server on
// its own copy of a database seeded once per run (dropped by close()), or on `BENCH_DATABASE_URL`
// when set (a database the benchmark may empty, seeded each time); PGlite in a
// temp folder removed by close(). `databaseUrl` lets a benchmark read the same rows with plain SQL.
// `process: 'child'` runs the server in a Node process of its own, as the street office would.
import { spawn } from 'node:child_process';
import { createHash, randomBytes, scryptSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { collectionInfo, collectionNames, type AnyDoc, type CollectionName } from '@domain/collections';
import { CLIENT_VERSION_HEADER, type LoginResponse } from '@domain/contract';
import { insertUser } from '../../../server/src/auth/users';
import type { Db, Queryable } from '../../../server/src/db/adapter';
import { migrate } from '../../../server/src/db/migrate';
import { openPglite } from '../../../server/src/db/pglite';
import { openPostgres } from '../../../server/src/db/postgres';
import { startServer } from '../../../server/src/server';
import { scopeKeys } from '../../../server/src/sync/changelog';
import { todayInChina, validateDocuments } from '../../../server/src/sync/validate';
import { startCluster } from '../../integration/support/cluster';
import { communityIdsOf, type DataSet } from './dataset';

export interface BenchServer {
  url: string;
  /** A street admin's bearer token (sees everything). */
  adminToken: string;
  close(): Promise<void>;
}

export interface BenchServerOptions {
  backend: 'pglite' | 'postgres';
  data: DataSet;
  /** 'inline' (default): in this process; 'child': in a Node process of its own (support/server-main.ts). */
  process?: 'inline' | 'child';
}

/** A bench server on PostgreSQL also tells where its database is, for the plain-SQL references. */
export interface PostgresBenchServer extends BenchServer {
  databaseUrl: string;
}

/**
 * The storage of the server where it is only the sync partner (the client, peer and app benchmarks):
 * PostgreSQL, as at the street office, in a throwaway cluster (seconds to start, where PGlite took
 * 13–40 s on a loaded machine, and its work out of the benchmark's process).
 * `BENCH_PARTNER_BACKEND=pglite` runs them on PGlite as before, to compare with earlier figures.
 */
export const PARTNER_BACKEND: 'pglite' | 'postgres' = process.env.BENCH_PARTNER_BACKEND === 'pglite' ? 'pglite' : 'postgres';

export const BENCH_PASSWORD = 'demo1234';
/** The client version benchmarks send (the server accepts any from 0.0.0). */
export const BENCH_CLIENT_VERSION = '0.0.0-bench';
const SEED_BATCH = 2000;
/**
 * The accounts' password hash: the server's scrypt format, which carries its parameters, with a
 * small cost (N = 1024 rather than the server's 16,384). Signing in is setup, never measured, and
 * the server benchmark signs in 200 devices: at the server's cost that alone took seconds of CPU.
 */
const BENCH_SCRYPT = { N: 1024, r: 8, p: 1 } as const;

function benchPasswordHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFC'), salt, 32, BENCH_SCRYPT);
  return ['scrypt', BENCH_SCRYPT.N, BENCH_SCRYPT.r, BENCH_SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** The staff accounts the server has: one per community of the data set, `staff01`, `staff02`, … */
export function staffUsernames(data: DataSet): { username: string; communityId: string }[] {
  return communityIdsOf(data).map((communityId, i) => ({ username: `staff${String(i + 1).padStart(2, '0')}`, communityId }));
}

export function startBenchServer(options: BenchServerOptions & { backend: 'postgres' }): Promise<PostgresBenchServer>;
export function startBenchServer(options: BenchServerOptions): Promise<BenchServer>;
export async function startBenchServer(options: BenchServerOptions): Promise<BenchServer | PostgresBenchServer> {
  const started = performance.now();
  const cleanups: (() => Promise<void>)[] = [];
  const cleanUp = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((error: unknown) => console.error('bench server cleanup', error));
  };
  try {
    let storage: { databaseUrl: string } | { dataDir: string };
    if (options.backend === 'postgres') {
      let databaseUrl = process.env.BENCH_DATABASE_URL;
      const clusterUrl = databaseUrl ? '' : sharedClusterUrl();
      if (clusterUrl) {
        const copy = await copyOfSeeded(clusterUrl, options.data);
        cleanups.push(copy.drop);
        databaseUrl = copy.url;
      } else if (databaseUrl) {
        const db = openPostgres(databaseUrl);
        try {
          await db.query('DROP TABLE IF EXISTS change_counter, docs, scope_exits, audit, disclosures, sessions, devices, users CASCADE');
          await db.query('DROP SEQUENCE IF EXISTS naive_change_seq');
          await seed(db, options.data);
        } finally {
          await db.close();
        }
      } else {
        // Outside the benchmarks' vitest config (no shared cluster): a cluster of its own.
        const cluster = await startCluster();
        cleanups.push(() => cluster.stop());
        databaseUrl = cluster.url;
        const db = openPostgres(databaseUrl);
        try {
          await seed(db, options.data);
        } finally {
          await db.close();
        }
      }
      storage = { databaseUrl };
    } else {
      const dir = await mkdtemp(join(tmpdir(), 'bench-pglite-'));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      const db = await openPglite(dir);
      try {
        await seed(db, options.data);
      } finally {
        await db.close();
      }
      storage = { dataDir: dir };
    }
    const server =
      options.process === 'child'
        ? await startChild(storage)
        : await startServer({ port: 0, host: '127.0.0.1', webRoot: null, quiet: true, minClientVersion: '0.0.0', ...storage });
    cleanups.push(() => server.close());
    const adminToken = await signIn(server.url, 'admin');
    const where = `${options.backend === 'postgres' ? 'PostgreSQL' : 'PGlite'}, ${options.process === 'child' ? 'a process of its own' : 'in this process'}`;
    console.log(`bench server (${where}): ${options.data.total} documents seeded (or copied) and served in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return { url: server.url, adminToken, close: cleanUp, ...('databaseUrl' in storage ? { databaseUrl: storage.databaseUrl } : {}) };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/** The run's shared cluster (support/global-setup.ts), or '' when this file runs without it. */
function sharedClusterUrl(): string {
  try {
    return inject('benchClusterUrl') ?? '';
  } catch {
    return '';
  }
}

/** A data set's fingerprint: the template seeded with it is reused only for the same documents. */
const fingerprints = new WeakMap<DataSet, string>();
function fingerprint(data: DataSet): string {
  let print = fingerprints.get(data);
  if (print === undefined) {
    const hash = createHash('sha256');
    for (const collection of collectionNames) hash.update(`${collection}\0${JSON.stringify(data.byCollection[collection] ?? [])}\0`);
    print = hash.digest('hex').slice(0, 16);
    fingerprints.set(data, print);
  }
  return print;
}

let copies = 0;

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * A fresh database holding the seeded data set, copied from a template seeded once per run and data
 * set (the first bench server of the run seeds it; copying takes about a second where seeding and a
 * cluster's start took 4–13 s). Each bench server gets its own copy, as the benchmarks change the
 * data (the churn, the pushes); `drop` removes it.
 */
async function copyOfSeeded(clusterUrl: string, data: DataSet): Promise<{ url: string; drop: () => Promise<void> }> {
  const template = `bench_seed_${fingerprint(data)}`;
  const name = `bench_${process.pid}_${++copies}`;
  const admin = openPostgres(clusterUrl);
  try {
    // Benchmark files run one at a time; the lock covers a run started beside another on the same cluster.
    await admin.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(7007)');
      const found = await tx.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (found.length > 0) return;
      const building = `${template}_${process.pid}`;
      await admin.query(`DROP DATABASE IF EXISTS ${building}`);
      await admin.query(`CREATE DATABASE ${building}`);
      const db = openPostgres(withDatabase(clusterUrl, building));
      try {
        await seed(db, data);
      } finally {
        await db.close();
      }
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
    });
    // FILE_COPY: a copy of the files after a checkpoint (fsync is off), not every page through the WAL.
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template} STRATEGY FILE_COPY`);
  } finally {
    await admin.close();
  }
  return {
    url: withDatabase(clusterUrl, name),
    drop: async () => {
      const db = openPostgres(clusterUrl);
      try {
        await db.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await db.close();
      }
    },
  };
}

/** support/server-main.ts under tsx; resolves once it listens, close() stops it (SIGTERM, then SIGKILL). */
async function startChild(storage: { databaseUrl: string } | { dataDir: string }): Promise<{ url: string; close(): Promise<void> }> {
  const env = { ...process.env, ...('databaseUrl' in storage ? { BENCH_SERVER_DATABASE_URL: storage.databaseUrl } : { BENCH_SERVER_DATA_DIR: storage.dataDir }) };
  // BENCH_SERVER_PROFILE=<folder>: the server process writes a CPU profile there when it ends.
  const profile = process.env.BENCH_SERVER_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_SERVER_PROFILE] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', fileURLToPath(new URL('./server-main.ts', import.meta.url))], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /LISTENING (\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the bench server process ended (${code}) before listening: ${out}`)));
  });
  return {
    url,
    close: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A fresh session for `username` (password demo1234 unless given); returns the bearer token. */
export async function signIn(url: string, username: string, password = BENCH_PASSWORD): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CLIENT_VERSION_HEADER]: BENCH_CLIENT_VERSION },
    body: JSON.stringify({ username, password, deviceName: 'bench' }),
  });
  if (!response.ok) throw new Error(`sign-in of ${username}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as LoginResponse).token;
}

/** Data sets already checked (a benchmark may seed the same one more than once). */
const checked = new WeakSet<DataSet>();

/**
 * Every document valid as the server checks a push: the wire schema and the domain's rules, and
 * every reference to a live document of the same street and community, earlier in collection order.
 */
export function checkDataSet(data: DataSet): void {
  const seen = new Map<string, AnyDoc>();
  const problems: string[] = [];
  const today = todayInChina();
  for (const collection of collectionNames) {
    const docs = (data.byCollection[collection] ?? []) as AnyDoc[];
    try {
      validateDocuments(
        collection,
        docs.map((doc) => ({ assumedMasterState: null, newDocumentState: doc })),
        today,
      );
    } catch (error) {
      const details = (error as { details?: unknown }).details;
      problems.push(`${collection}: ${String(error)} ${JSON.stringify(details)?.slice(0, 1000) ?? ''}`);
    }
    for (const doc of docs) {
      const refs: [CollectionName, string, Readonly<Record<string, string>>][] = [];
      if (typeof doc.communityId === 'string' && collection !== 'communities') refs.push(['communities', doc.communityId, {}]);
      for (const ref of collectionInfo[collection].references) {
        const value = doc[ref.field];
        for (const id of Array.isArray(value) ? (value as unknown[]) : [value]) {
          if (typeof id === 'string' && id !== '') refs.push([ref.collection, id, ref.sameAs ?? {}]);
        }
      }
      for (const [target, id, sameAs] of refs) {
        const found = seen.get(`${target}/${id}`) ?? (target === collection ? docs.find((other) => other.id === id) : undefined);
        const elsewhere = found?.communityId !== undefined && target !== 'communities' && found.communityId !== doc.communityId;
        const mismatch = found && Object.entries(sameAs).some(([own, theirs]) => doc[own] !== found[theirs]);
        if (!found || found.streetId !== doc.streetId || elsewhere || mismatch) problems.push(`${collection}/${doc.id}: bad reference to ${target}/${id}`);
      }
    }
    for (const doc of docs) seen.set(`${collection}/${doc.id}`, doc);
    if (problems.length > 20) break;
  }
  if (problems.length > 0) throw new Error(`the benchmark data set is not valid:\n${problems.slice(0, 20).join('\n')}`);
}

/** The schema, the documents as the push path stores them, their audit rows, the counter, the accounts. */
async function seed(db: Db, data: DataSet): Promise<void> {
  // Checked where it is seeded: a copy of the run's template was checked when the template was made.
  if (!checked.has(data)) checkDataSet(data);
  checked.add(data);
  await migrate(db);
  const streetId = data.byCollection.streets?.[0]?.id;
  if (streetId === undefined) throw new Error('the data set has no street');
  const passwordHash = benchPasswordHash(BENCH_PASSWORD);
  await db.transaction(async (tx) => {
    let seq = 0;
    for (const collection of collectionNames) {
      const docs = (data.byCollection[collection] ?? []) as AnyDoc[];
      for (let i = 0; i < docs.length; i += SEED_BATCH) {
        const rows = docs.slice(i, i + SEED_BATCH).map((doc) => {
          const keys = scopeKeys(collection, doc);
          return { id: doc.id, street_id: keys.streetId, community_id: keys.communityId, compound_id: keys.compoundId, seq: ++seq, deleted: doc._deleted, data: doc };
        });
        await insertDocs(tx, collection, rows);
      }
    }
    await tx.query(
      `INSERT INTO audit (seq, collection, id, user_id, device_id, before, after)
       SELECT seq, collection, id, 'system', NULL, NULL, data FROM docs`,
    );
    await tx.query('UPDATE change_counter SET value = $1 WHERE id = 1', [seq]);
    await insertUser(tx, { username: 'admin', passwordHash, displayName: '街道管理员', role: 'street_admin', streetId, communityIds: [] });
    const names = new Map(((data.byCollection.communities ?? []) as AnyDoc[]).map((community) => [community.id, String(community.name)]));
    for (const { username, communityId } of staffUsernames(data)) {
      await insertUser(tx, { username, passwordHash, displayName: `${names.get(communityId) ?? communityId}工作人员`, role: 'community_staff', streetId, communityIds: [communityId] });
    }
  });
  await db.query('ANALYZE');
}

async function insertDocs(tx: Queryable, collection: CollectionName, rows: readonly object[]): Promise<void> {
  await tx.query(
    `INSERT INTO docs (collection, id, street_id, community_id, compound_id, seq, deleted, data)
     SELECT $1, x.id, x.street_id, x.community_id, x.compound_id, x.seq, x.deleted, x.data
     FROM jsonb_to_recordset($2::jsonb)
       AS x(id text, street_id text, community_id text, compound_id text, seq bigint, deleted boolean, data jsonb)`,
    [collection, JSON.stringify(rows)],
  );
}
