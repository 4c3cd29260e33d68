// PouchDB 9 in the page: the peer sync stack the initial sync is compared with (owner: pouch helper).
// A fresh local database per call (pouchdb-browser's IndexedDB adapter), one one-shot
// `PouchDB.replicate(remote, local)` with the options CHT's webapp replicates `from` the server with
// (webapp/src/ts/services/db-sync.service.ts: batch_size 100, heartbeat 10 s, timeout 10 min; its
// local database `auto_compaction: true`, the remote `skip_setup: true`), then the database is
// destroyed.
import type { PouchDBStatic, ReplicateOptions } from 'pouchdb-bench-types';

/** CHT's `from` replication (db-sync.service.ts). `batches_limit` stays PouchDB's default (10). */
export const CHT_REPLICATION: ReplicateOptions = { batch_size: 100, heartbeat: 10_000, timeout: 10 * 60 * 1000 };

let loaded: Promise<PouchDBStatic> | undefined;

/** Loaded on first use, so that the rest of the bench page never depends on PouchDB loading. */
function pouchDB(): Promise<PouchDBStatic> {
  loaded ??= import('pouchdb-browser').then(
    (module) => module.default,
    (error: unknown) => {
      // PouchDB imports Node's `events`: the `events` package (a devDependency) stands in for it.
      throw new Error(`PouchDB did not load in the bench page (is the \`events\` package installed?): ${String(error)}`);
    },
  );
  return loaded;
}

let databases = 0;

/** Replicates the remote CouchDB database into a fresh local one; returns the time and documents stored. */
export async function replicate(remoteUrl: string, options: ReplicateOptions = CHT_REPLICATION): Promise<{ ms: number; docs: number }> {
  const PouchDB = await pouchDB();
  const name = `bench-pouch-${Date.now()}-${++databases}`;
  const started = performance.now();
  const local = new PouchDB(name, { auto_compaction: true });
  try {
    const remote = new PouchDB(remoteUrl, { skip_setup: true });
    const result = await PouchDB.replicate(remote, local, options);
    if (!result.ok || result.doc_write_failures > 0) throw new Error(`PouchDB replication failed: ${JSON.stringify(result.errors)}`);
    const ms = performance.now() - started;
    const { doc_count } = await local.info();
    await remote.close();
    return { ms, docs: doc_count };
  } finally {
    await local.destroy();
  }
}
