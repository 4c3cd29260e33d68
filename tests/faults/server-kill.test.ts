// Fault: the server process is killed (SIGKILL) while pushes are in flight — half of the times
// certainly inside a push transaction (it pauses before COMMIT and says so), the other half at a
// random moment — and started again on the same storage: a PostgreSQL database, and the embedded
// PGlite folder (the default of a street office without PostgreSQL). After each restart every
// batch that was not acknowledged must be all there or not there at all, and its retry must be
// accepted without conflicts; at the end every acknowledged write must be on the server, and each
// version of a document is in the audit history once (a retry of a committed push is a no-op).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import type { AnyDoc, WireDoc } from '@domain/collections';
import { deepEqual } from '@domain/merge';
import { openPglite } from '../../server/src/db/pglite';
import { openPostgres } from '../../server/src/db/postgres';
import { ADMIN, createDatabase, dropDatabase } from '../integration/support/backends';
import type { ApiClient } from '../integration/support/client';
import { build, createStaff, pullToEnd, setUpStreet } from '../integration/support/street';
import { report } from './report';
import { byKey, freePort, ServerProcess, WriteLog } from './support/infra-server';

const PUSHERS = 3;
const NEW_PER_BATCH = 12;
const EDITS_PER_BATCH = 4;
const COMMIT_PAUSE_MS = 120;

interface Row {
  assumedMasterState?: AnyDoc;
  newDocumentState: AnyDoc;
}

interface PendingBatch {
  batch: number;
  api: ApiClient;
  rows: Row[];
}

let server: ServerProcess | undefined;
let databaseUrl: string | undefined;
let dataDir: string | undefined;

afterEach(async () => {
  await server?.kill();
  server = undefined;
  if (databaseUrl) await dropDatabase(databaseUrl);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  databaseUrl = undefined;
  dataDir = undefined;
});

/** A seeded generator, so that a failing run can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// PGlite restarts from its folder take tens of seconds on a loaded machine: that variant runs when
// FAULT_PGLITE=1 (it passed when written), keeping the suite within its few minutes.
const withPglite = process.env.FAULT_PGLITE === '1';
if (!withPglite) console.log('server-kill on PGlite skipped: set FAULT_PGLITE=1 to run it');

test.for([
  { storage: 'PostgreSQL', KILLS: 4, skip: false },
  { storage: 'PGlite', KILLS: 2, skip: !withPglite },
])('a server on $storage killed during push transactions loses no acknowledged write and writes no batch by halves', async ({ storage, KILLS, skip }, context) => {
  if (skip) {
    context.skip();
    return;
  }
  const seed = Number(process.env.FAULT_SEED ?? 20_241_106);
  const rand = random(seed);
  if (storage === 'PostgreSQL') databaseUrl = await createDatabase();
  else dataDir = mkdtempSync(join(tmpdir(), 'cg-faults-pglite-'));
  const port = await freePort();
  const options = { port, ...(databaseUrl ? { databaseUrl } : { dataDir }), admin: ADMIN, commitPauseMs: COMMIT_PAUSE_MS };
  server = await ServerProcess.start(options);
  const street = await setUpStreet(server.url);
  const staff = [street.staffA.api];
  for (let i = 1; i < PUSHERS; i += 1) staff.push((await createStaff(server.url, street.admin.api, [street.communityA.id])).api);

  const log = new WriteLog();
  /** Each pusher's documents in their last acknowledged state; a pusher edits only its own. */
  const owned = staff.map(() => new Map<string, WireDoc<'members'>>());
  let version = 0;
  let halfWritten = 0;
  let retried = 0;
  let killedInTransaction = 0;
  const details: string[] = [`seed ${seed}`];

  const nextBatch = (pusher: number): Row[] => {
    const rows: Row[] = [];
    for (let i = 0; i < NEW_PER_BATCH; i += 1) {
      rows.push({ newDocumentState: build.member(street.communityA, { name: `成员${pusher}-${(version += 1)}`, isPartyMember: rand() < 0.5 }) });
    }
    const mine = [...owned[pusher]!.values()];
    for (let i = 0; i < EDITS_PER_BATCH && mine.length > 0; i += 1) {
      const base = mine.splice(Math.floor(rand() * mine.length), 1)[0]!;
      rows.push({ assumedMasterState: base, newDocumentState: { ...base, name: `改名${(version += 1)}`, note: `第${version}次修改` } });
    }
    return rows;
  };

  const accept = (pusher: number, batch: number, rows: Row[]) => {
    log.acknowledge(batch);
    for (const row of rows) owned[pusher]!.set(row.newDocumentState.id, row.newDocumentState as WireDoc<'members'>);
  };

  /** Pushes batch after batch until a push fails (the server is gone); returns that batch. */
  const pushUntilFailure = async (pusher: number): Promise<PendingBatch> => {
    const api = staff[pusher]!;
    for (;;) {
      const rows = nextBatch(pusher);
      const batch = log.record(
        'members',
        rows.map((row) => row.newDocumentState),
      );
      let status: number;
      let text: string;
      try {
        const reply = await api.push('members', rows);
        status = reply.status;
        text = reply.text;
      } catch {
        return { batch, api, rows };
      }
      // A live server never answers a well-formed push of our own documents with anything but [].
      expect(status, text).toBe(200);
      expect(text).toBe('[]');
      accept(pusher, batch, rows);
    }
  };

  for (let round = 0; round < KILLS; round += 1) {
    const running = server;
    const inTransaction = round % 2 === 0;
    const pushing = staff.map((_, pusher) => pushUntilFailure(pusher));
    if (inTransaction) {
      // Let a few batches through, then kill while a transaction waits for its COMMIT.
      await new Promise((resolve) => setTimeout(resolve, 200 + rand() * 400));
      await running.waitForLine((line) => line === 'FAULT before-commit', 30_000);
      killedInTransaction += 1;
    } else {
      await new Promise((resolve) => setTimeout(resolve, 150 + rand() * 700));
    }
    await running.kill('SIGKILL');
    const pending = await Promise.all(pushing);

    server = await ServerProcess.start(options);
    const held = byKey('members', (await pullToEnd<AnyDoc>(street.admin.api, 'members')).documents);
    for (const { batch, api, rows } of pending) {
      const applied = rows.filter((row) => deepEqual(held.get(`members/${row.newDocumentState.id}`), row.newDocumentState)).length;
      const untouched = rows.filter((row) => deepEqual(held.get(`members/${row.newDocumentState.id}`), row.assumedMasterState)).length;
      if (applied !== rows.length && untouched !== rows.length) {
        halfWritten += 1;
        details.push(`round ${round}: batch ${batch} was written by halves (${applied} of ${rows.length} rows)`);
      }
      // The retry: the same request again. Committed or not, it is accepted with no conflict.
      const reply = await api.push('members', rows);
      expect(reply.status, reply.text).toBe(200);
      expect(reply.text).toBe('[]');
      retried += 1;
      accept(staff.indexOf(api), batch, rows);
    }
  }

  const serverDocs = byKey('members', (await pullToEnd<AnyDoc>(street.admin.api, 'members')).documents);
  const result = log.check(serverDocs);
  // Each staff member sees the same documents as the admin (no half state behind a scope).
  for (const api of staff) {
    const theirs = byKey('members', (await pullToEnd<AnyDoc>(api, 'members')).documents);
    for (const [key, doc] of theirs) if (!deepEqual(serverDocs.get(key), doc)) result.diverged.push(key);
  }
  // Each version of a document was recorded once in the audit history: retries wrote nothing.
  // Read from the storage itself, with the server stopped (PGlite has one user at a time).
  await server.kill('SIGTERM');
  const db = databaseUrl ? openPostgres(databaseUrl) : await openPglite(dataDir!);
  let duplicated = 0;
  try {
    const rows = await db.query<{ id: string; after: AnyDoc }>(`SELECT id, after FROM audit WHERE collection = 'members'`);
    const seen = new Map<string, AnyDoc[]>();
    const sent = log.everySent();
    for (const row of rows) {
      // An audit entry of a state never sent would be a write out of nowhere (or half of one).
      if (!(sent.get(`members/${row.id}`) ?? []).some((state) => deepEqual(state, row.after))) result.diverged.push(`members/${row.id} (audit of an unknown state)`);
      const versions = seen.get(row.id) ?? [];
      if (versions.some((other) => deepEqual(other, row.after))) {
        duplicated += 1;
        result.diverged.push(`members/${row.id} (audit)`);
      }
      seen.set(row.id, [...versions, row.after]);
    }
  } finally {
    await db.close();
  }

  details.push(
    `${KILLS} kills (${killedInTransaction} inside a push transaction, ${KILLS - killedInTransaction} at a random moment), ` +
      `${log.writes.length} writes in ${retried} retried and ${new Set(log.writes.map((w) => w.batch)).size} batches in all`,
    `${halfWritten} batches written by halves, ${duplicated} duplicated audit entries`,
  );
  if (result.lost.length > 0) details.push(`lost: ${result.lost.slice(0, 5).join(', ')}`);
  if (result.diverged.length > 0) details.push(`diverged: ${result.diverged.slice(0, 5).join(', ')}`);
  report({ scenario: `server on ${storage}: killed during push transactions and restarted`, injected: KILLS, lost: result.lost.length, diverged: result.diverged.length, details });
  expect(log.acknowledgedCount).toBe(log.writes.length);
  expect(halfWritten).toBe(0);
  expect(result.lost).toEqual([]);
  expect(result.diverged).toEqual([]);
});
