// PouchDB's server side for the peer comparison (owner: pouch helper): express-pouchdb on PouchDB's
// in-memory adapter, the CouchDB protocol as a CHT client replicates it. One database holds the
// whole data set: `_id` = collection + ':' + id, the document's fields as its body.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import expressPouchDB from 'express-pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import PouchDBCore from 'pouchdb-core';
import mapreduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';
import type { PouchDoc } from 'pouchdb-bench-types';
import type { DataSet } from './dataset';

export interface PouchServer {
  /** The CouchDB database URL a PouchDB client replicates from. */
  dbUrl: string;
  close(): Promise<void>;
}

const MemoryPouchDB = PouchDBCore.plugin(memoryAdapter).plugin(mapreduce).plugin(replication).defaults({ adapter: 'memory' });
/**
 * One express-pouchdb app for the process: it registers every database created through
 * `MemoryPouchDB` after it (its `_all_dbs` wraps the constructor), so it comes first, and a second
 * app on the same constructor would register each database twice.
 */
let app: ReturnType<typeof expressPouchDB> | undefined;
/** The memory adapter keeps databases by name for the whole process: each server gets its own. */
let servers = 0;
const LOAD_BATCH = 1000;

function revisionHash(id: string, generation: number): string {
  return createHash('md5').update(`${id}\n${generation}`).digest('hex');
}

/**
 * The data set as CouchDB documents, each with `edits + 1` revisions in its history (the current
 * body is the last; the earlier bodies are gone, as after CouchDB's compaction, which is all a
 * replication ever transfers anyway).
 */
export function toPouchDocs(data: DataSet, edits: number): PouchDoc[] {
  const docs: PouchDoc[] = [];
  const generations = edits + 1;
  for (const [collection, wireDocs] of Object.entries(data.byCollection)) {
    for (const wire of wireDocs) {
      const { _deleted: deleted, ...fields } = wire as { _deleted: boolean; id: string };
      const _id = `${collection}:${fields.id}`;
      const ids: string[] = [];
      for (let generation = generations; generation >= 1; generation--) ids.push(revisionHash(_id, generation));
      docs.push({ ...fields, _id, _rev: `${generations}-${ids[0]}`, _revisions: { start: generations, ids }, ...(deleted ? { _deleted: true } : {}) });
    }
  }
  return docs;
}

/** CORS for the bench page's origin, with credentials (PouchDB's fetch sends them). */
function cors(request: IncomingMessage, response: ServerResponse): boolean {
  const origin = request.headers.origin;
  if (origin) {
    response.setHeader('Access-Control-Allow-Origin', origin);
    response.setHeader('Access-Control-Allow-Credentials', 'true');
    response.setHeader('Vary', 'Origin');
  }
  if (request.method !== 'OPTIONS') return false;
  response.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, POST, PUT, DELETE');
  response.setHeader('Access-Control-Allow-Headers', request.headers['access-control-request-headers'] ?? 'accept, content-type, authorization');
  response.setHeader('Access-Control-Max-Age', '600');
  response.statusCode = 204;
  response.end();
  return true;
}

/** The data set as one CouchDB database, each document with `edits` extra revisions (0: one revision). */
export async function startPouchServer(data: DataSet, edits: number): Promise<PouchServer> {
  app ??= expressPouchDB(MemoryPouchDB, { mode: 'minimumForPouchDB', inMemoryConfig: true });
  const handler = app;
  const name = `bench-${process.pid}-${++servers}`;
  const db = new MemoryPouchDB(name);
  const docs = toPouchDocs(data, edits);
  for (let i = 0; i < docs.length; i += LOAD_BATCH) await db.bulkDocs(docs.slice(i, i + LOAD_BATCH), { new_edits: false });
  const info = await db.info();
  if (info.doc_count + docs.filter((doc) => doc._deleted).length !== docs.length) {
    throw new Error(`pouch server: ${info.doc_count} documents stored of ${docs.length}`);
  }

  const server = createServer((request, response) => {
    if (!cors(request, response)) handler(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    dbUrl: `http://127.0.0.1:${port}/${name}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.destroy();
    },
  };
}
