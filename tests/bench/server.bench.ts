// The street office server when every community syncs at 5 pm, on PostgreSQL (issue 7):
//   server-pull/pg-select  200 simulated devices, each signed in as a staff account of its community,
//                          pull their community over HTTP page by page to the end; over plain
//                          keyset-paged SELECTs over `pg` (a pool of the server's size) reading the
//                          same rows, 200 readers at once.
//   server-push/pg-insert  the 200 devices push edits of their community's members and needs
//                          (validation, scope, conflict check, references, audit included); over
//                          plain batched INSERT … ON CONFLICT of the same rows into a copy of `docs`.
// Each side by side (alternating, median of tier.repetitions), on loopback and through a proxy
// adding 100 ms to each request (the references then wait 100 ms before each statement: the same
// round trip), plus the p99 latency of the server's requests at 200 devices (loopback).
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { collectionInfo, collectionNames, type AnyDoc, type CollectionName } from '@domain/collections';
import { CLIENT_VERSION_HEADER, type Checkpoint, type PullResponse, type PushRow } from '@domain/contract';
import { BENCH_CLIENT_VERSION, signIn, startBenchServer, staffUsernames, type PostgresBenchServer } from './support/bench-server';
import { docsOfCommunity, generateDataSet, type DataSet } from './support/dataset';
import { cpuMeter, isPostgres, printCpu, type CpuMeter } from './support/cpu';
import { startDelayProxy, type DelayProxy } from './support/delay-proxy';
import { figure, percentile, ratio, sideBySide } from './support/report';
import { tier } from './support/tier';

/** The app's page sizes (renderer/src/sync: PULL_BATCH, PUSH_BATCH). */
const PULL_PAGE = 1000;
const PUSH_BATCH = 200;
const DELAY_MS = 100;
/** What each device edits per round: its share of its community's members and needs, at most this many of each. */
const EDITS_PER_KIND = Number(process.env.BENCH_PUSH_EDITS ?? (tier.name === 'quick' ? 20 : 100));
/** The server's pool (server/src/db/postgres.ts); the references get the same. */
const POOL_SIZE = 10;

interface Device {
  username: string;
  communityId: string;
  token: string;
  /** Its share of edits: documents as stored now, by collection. */
  edits: { collection: 'members' | 'needs'; docs: AnyDoc[] }[];
}

let data: DataSet;
let server: PostgresBenchServer;
let proxy: DelayProxy;
let pool: pg.Pool;
let devices: Device[];
let round = 0;

beforeAll(async () => {
  data = generateDataSet(tier);
  // Its own process, as at the street office: the 200 simulated devices do not share its event loop.
  server = await startBenchServer({ backend: 'postgres', data, process: 'child' });
  proxy = await startDelayProxy(server.url, DELAY_MS);
  pool = new pg.Pool({ connectionString: server.databaseUrl, max: POOL_SIZE });
  // The references write into a copy of `docs` with the same indexes, so the server's data stays its own.
  await pool.query('DROP TABLE IF EXISTS bench_docs');
  await pool.query('CREATE TABLE bench_docs (LIKE docs INCLUDING ALL)');
  await pool.query('INSERT INTO bench_docs SELECT * FROM docs');
  await pool.query('CREATE SEQUENCE IF NOT EXISTS bench_seq START 10000000');
  await pool.query('ANALYZE bench_docs');
  devices = await makeDevices();
}, tier.timeoutMs);

afterAll(async () => {
  await pool?.end();
  await proxy?.close();
  await server?.close();
});

async function makeDevices(): Promise<Device[]> {
  const staff = staffUsernames(data);
  const shares = new Map(staff.map(({ communityId }) => [communityId, { devices: 0, docs: docsOfCommunity(data, communityId) }]));
  const accounts = Array.from({ length: tier.devices }, (_, i) => staff[i % staff.length]!);
  for (const { communityId } of accounts) shares.get(communityId)!.devices++;
  const seen = new Map<string, number>();
  return Promise.all(
    accounts.map(async ({ username, communityId }) => {
      const share = shares.get(communityId)!;
      const index = seen.get(communityId) ?? 0;
      seen.set(communityId, index + 1);
      const slice = (docs: readonly AnyDoc[]) => {
        const size = Math.floor(docs.length / share.devices);
        return docs.slice(index * size, index * size + Math.min(size, EDITS_PER_KIND)).map((doc) => structuredClone(doc));
      };
      return {
        username,
        communityId,
        token: await signIn(server.url, username),
        edits: [
          { collection: 'members' as const, docs: slice((share.docs.members ?? [])) },
          { collection: 'needs' as const, docs: slice((share.docs.needs ?? [])) },
        ],
      };
    }),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function call<T>(base: string, device: Device, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { [CLIENT_VERSION_HEADER]: BENCH_CLIENT_VERSION, authorization: `Bearer ${device.token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${path} as ${device.username}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

// --- pulls -------------------------------------------------------------------------------------

/** A device's first sync: every collection, page by page until a short page. Returns the documents pulled. */
async function devicePull(base: string, device: Device, latencies: number[]): Promise<number> {
  let count = 0;
  for (const collection of collectionNames) {
    let checkpoint: Checkpoint | null = null;
    for (;;) {
      const query: string = checkpoint === null ? '' : `&checkpoint=${encodeURIComponent(JSON.stringify(checkpoint))}`;
      const started = performance.now();
      const page: PullResponse = await call<PullResponse>(base, device, 'GET', `/api/sync/${collection}/pull?limit=${PULL_PAGE}${query}`);
      latencies.push(performance.now() - started);
      count += page.documents.length;
      if (page.documents.length < PULL_PAGE) break;
      checkpoint = page.checkpoint;
    }
  }
  return count;
}

/** The plain reading of the same rows: keyset-paged SELECTs of the community's and the street's documents. */
async function deviceSelect(device: Device, delayMs: number, latencies: number[] = []): Promise<number> {
  let count = 0;
  for (const collection of collectionNames) {
    const filter = plainFilter(collection);
    let since = 0;
    for (;;) {
      if (delayMs > 0) await sleep(delayMs);
      const started = performance.now();
      const { rows } = await pool.query<{ seq: string; data: AnyDoc }>(
        `SELECT seq, data FROM docs WHERE collection = $1 AND street_id = $2 AND seq > $3 AND ${filter} ORDER BY seq LIMIT $5`,
        [collection, data.byCollection.streets![0]!.id, since, device.communityId, PULL_PAGE],
      );
      latencies.push(performance.now() - started);
      count += rows.length;
      if (rows.length < PULL_PAGE) break;
      since = Number(rows.at(-1)!.seq);
    }
  }
  return count;
}

function plainFilter(collection: CollectionName): string {
  switch (collectionInfo[collection].scope) {
    case 'street':
      return '$4::text IS NOT NULL';
    case 'community':
      return 'community_id = $4';
    case 'communityOrStreet':
      return '(community_id = $4 OR community_id IS NULL)';
  }
}

/** The parties sharing the machine's cores: the server's process, PostgreSQL, and this process (the simulated devices). */
function partiesMeter(): CpuMeter {
  return cpuMeter({
    'server process': (cmdline) => cmdline.includes('server-main.ts'),
    PostgreSQL: isPostgres,
    devices: (_, pid) => pid === process.pid,
  });
}

/** All devices at once; resolves to the milliseconds until the last is done. */
async function everyDevice(run: (device: Device) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await Promise.all(devices.map(run));
  return performance.now() - started;
}

// --- pushes ------------------------------------------------------------------------------------

/** A new state of each document the device edits this round (a note or a description changed). */
function edited(collection: 'members' | 'needs', doc: AnyDoc, label: string): AnyDoc {
  if (collection === 'members') return { ...doc, note: `回访记录 ${label}` };
  return { ...doc, description: `${String(doc.description).split('（')[0]}（${label}）` };
}

async function devicePush(base: string, device: Device, label: string, latencies: number[]): Promise<void> {
  for (const share of device.edits) {
    for (let i = 0; i < share.docs.length; i += PUSH_BATCH) {
      const batch = share.docs.slice(i, i + PUSH_BATCH);
      const rows: PushRow[] = batch.map((doc) => ({ assumedMasterState: doc, newDocumentState: edited(share.collection, doc, label) }));
      const started = performance.now();
      const conflicts = await call<AnyDoc[]>(base, device, 'POST', `/api/sync/${share.collection}/push`, rows);
      latencies.push(performance.now() - started);
      if (conflicts.length > 0) throw new Error(`${device.username}: ${conflicts.length} conflicts`);
      rows.forEach((row, j) => (share.docs[i + j] = row.newDocumentState));
    }
  }
}

/** The plain writing of the same rows: batched upserts into the copy of `docs`. */
async function deviceInsert(device: Device, label: string, delayMs: number, latencies: number[] = []): Promise<void> {
  for (const share of device.edits) {
    for (let i = 0; i < share.docs.length; i += PUSH_BATCH) {
      const batch = share.docs.slice(i, i + PUSH_BATCH).map((doc) => edited(share.collection, doc, label));
      if (delayMs > 0) await sleep(delayMs);
      const started = performance.now();
      await pool.query(
        `INSERT INTO bench_docs (collection, id, street_id, community_id, compound_id, seq, deleted, data)
         SELECT $1, x.id, x.street_id, x.community_id, x.compound_id, nextval('bench_seq'), x.deleted, x.data
         FROM jsonb_to_recordset($2::jsonb)
           AS x(id text, street_id text, community_id text, compound_id text, deleted boolean, data jsonb)
         ON CONFLICT (collection, id) DO UPDATE SET street_id = excluded.street_id, community_id = excluded.community_id,
           compound_id = excluded.compound_id, seq = excluded.seq, deleted = excluded.deleted, data = excluded.data`,
        [
          share.collection,
          JSON.stringify(
            batch.map((doc) => ({
              id: doc.id,
              street_id: doc.streetId,
              community_id: doc.communityId ?? null,
              compound_id: (doc.compoundId) ?? null,
              deleted: doc._deleted,
              data: doc,
            })),
          ),
        ],
      );
      latencies.push(performance.now() - started);
    }
  }
}

// --- the benchmarks ----------------------------------------------------------------------------

test(`server pulls: ${tier.devices} devices, ${tier.name} tier`, async () => {
  // First, that every device gets exactly its community's documents, as the plain SELECTs read them.
  const expected = new Map(
    staffUsernames(data).map(({ communityId }) => [communityId, Object.values(docsOfCommunity(data, communityId)).reduce((sum, docs) => sum + (docs?.length ?? 0), 0)]),
  );
  const sample = devices.slice(0, Math.min(devices.length, expected.size));
  for (const device of sample) {
    expect(await devicePull(server.url, device, [])).toBe(expected.get(device.communityId));
    expect(await deviceSelect(device, 0)).toBe(expected.get(device.communityId));
  }
  const documents = devices.reduce((sum, device) => sum + (expected.get(device.communityId) ?? 0), 0);

  const latencies: number[] = [];
  const selectLatencies: number[] = [];
  const serverCpu = partiesMeter();
  const selectCpu = partiesMeter();
  const loopback = await sideBySide(tier.repetitions, {
    server: () => serverCpu.measure(() => everyDevice((device) => devicePull(server.url, device, latencies))),
    select: () => selectCpu.measure(() => everyDevice((device) => deviceSelect(device, 0, selectLatencies))),
  });
  const delayed = await sideBySide(tier.repetitions, {
    server: () => everyDevice((device) => devicePull(proxy.url, device, [])),
    select: () => everyDevice((device) => deviceSelect(device, DELAY_MS)),
  });
  console.log(`server pulls: ${tier.devices} devices (${expected.size} communities), ${documents} documents in all, pages of ${PULL_PAGE}`);
  figure({ label: 'server, loopback', value: Math.round(loopback.server), unit: 'ms' });
  figure({ label: 'plain SELECTs, loopback', value: Math.round(loopback.select), unit: 'ms' });
  figure({ label: `server, +${DELAY_MS} ms per request`, value: Math.round(delayed.server), unit: 'ms' });
  figure({ label: `plain SELECTs, +${DELAY_MS} ms per statement`, value: Math.round(delayed.select), unit: 'ms' });
  figure({ label: `server pull p50 latency at ${tier.devices} devices`, value: Math.round(percentile(latencies, 50)), unit: 'ms' });
  figure({ label: `server pull p99 latency at ${tier.devices} devices`, value: Math.round(percentile(latencies, 99)), unit: 'ms', target: 100 });
  // The same load on the plain statements (a pool of the server's size): what queueing alone costs.
  figure({ label: `plain SELECT p50 latency at ${tier.devices} readers`, value: Math.round(percentile(selectLatencies, 50)), unit: 'ms' });
  figure({ label: `plain SELECT p99 latency at ${tier.devices} readers`, value: Math.round(percentile(selectLatencies, 99)), unit: 'ms' });
  printCpu('the server’s pulls, loopback', serverCpu);
  printCpu('the plain SELECTs, loopback', selectCpu);
  ratio('server-pull/pg-select', loopback.server / loopback.select, 2);
  ratio(`server-pull/pg-select@${DELAY_MS}ms`, delayed.server / delayed.select, 2);
});

test('the pull query uses the community index (EXPLAIN for docs/benchmarks.md)', async () => {
  // The statement server/src/sync/pull.ts sends for a staff account's first page of members.
  const street = data.byCollection.streets![0]!.id;
  const community = devices[0]!.communityId;
  const { rows } = await pool.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF)
     WITH hw AS (SELECT value FROM change_counter WHERE id = 1),
     page AS (
       SELECT d.seq, d.data FROM docs d
       WHERE d.collection = 'members' AND d.street_id = '${street}' AND d.seq > (CASE WHEN 0 <= (SELECT value FROM hw) THEN 0 ELSE 0 END)
         AND d.community_id = '${community}'
       ORDER BY d.seq LIMIT ${PULL_PAGE})
     SELECT hw.value AS high_water, p.seq, p.data::text AS data
     FROM hw LEFT JOIN page p ON true
     ORDER BY p.seq`,
  );
  const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
  console.log(`EXPLAIN of a community's pull page:\n${plan}`);
  expect(plan).toContain('docs_by_community_seq');
});

test(`server pushes: ${tier.devices} devices, ${tier.name} tier`, async () => {
  const edits = devices.reduce((sum, device) => sum + device.edits.reduce((n, share) => n + share.docs.length, 0), 0);
  const requests = devices.reduce((sum, device) => sum + device.edits.reduce((n, share) => n + Math.ceil(share.docs.length / PUSH_BATCH), 0), 0);
  const latencies: number[] = [];
  const insertLatencies: number[] = [];
  const label = () => `第${++round}轮`;
  let lastServerTag = '';
  const serverCpu = partiesMeter();
  const insertCpu = partiesMeter();
  const loopback = await sideBySide(tier.repetitions, {
    server: () => {
      const tag = (lastServerTag = label());
      return serverCpu.measure(() => everyDevice((device) => devicePush(server.url, device, tag, latencies)));
    },
    insert: () => {
      const tag = label();
      return insertCpu.measure(() => everyDevice((device) => deviceInsert(device, tag, 0, insertLatencies)));
    },
  });
  const delayed = await sideBySide(tier.repetitions, {
    server: () => {
      const tag = (lastServerTag = label());
      return everyDevice((device) => devicePush(proxy.url, device, tag, []));
    },
    insert: () => {
      const tag = label();
      return everyDevice((device) => deviceInsert(device, tag, DELAY_MS));
    },
  });
  // Every edit of the last server round is stored, as pushed.
  const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM docs WHERE collection IN ('members', 'needs') AND (data->>'note' LIKE $1 OR data->>'description' LIKE $2)`, [
    `回访记录 ${lastServerTag}`,
    `%（${lastServerTag}）`,
  ]);
  expect(Number(rows[0]?.n)).toBe(edits);

  console.log(`server pushes: ${tier.devices} devices, ${edits} edits of members and needs per round in ${requests} pushes of up to ${PUSH_BATCH}`);
  figure({ label: 'server, loopback', value: Math.round(loopback.server), unit: 'ms' });
  figure({ label: 'plain INSERT … ON CONFLICT, loopback', value: Math.round(loopback.insert), unit: 'ms' });
  figure({ label: `server, +${DELAY_MS} ms per request`, value: Math.round(delayed.server), unit: 'ms' });
  figure({ label: `plain INSERT … ON CONFLICT, +${DELAY_MS} ms per statement`, value: Math.round(delayed.insert), unit: 'ms' });
  figure({ label: `server push p50 latency at ${tier.devices} devices`, value: Math.round(percentile(latencies, 50)), unit: 'ms' });
  figure({ label: `server push p99 latency at ${tier.devices} devices`, value: Math.round(percentile(latencies, 99)), unit: 'ms', target: 100 });
  figure({ label: `plain INSERT p50 latency at ${tier.devices} writers`, value: Math.round(percentile(insertLatencies, 50)), unit: 'ms' });
  figure({ label: `plain INSERT p99 latency at ${tier.devices} writers`, value: Math.round(percentile(insertLatencies, 99)), unit: 'ms' });
  printCpu('the server’s pushes, loopback', serverCpu);
  printCpu('the plain INSERTs, loopback', insertCpu);
  ratio('server-push/pg-insert', loopback.server / loopback.insert, 3);
  ratio(`server-push/pg-insert@${DELAY_MS}ms`, delayed.server / delayed.insert, 3);
});
