// The little of PouchDB 9 and express-pouchdb the peer benchmark uses (they ship no types, and
// @types/pouchdb is for PouchDB 7).
declare module 'pouchdb-browser' {
  import type { PouchDBStatic } from 'pouchdb-bench-types';
  const PouchDB: PouchDBStatic;
  export default PouchDB;
}

declare module 'pouchdb-core' {
  import type { PouchDBStatic } from 'pouchdb-bench-types';
  const PouchDB: PouchDBStatic;
  export default PouchDB;
}

declare module 'pouchdb-adapter-memory' {
  const plugin: object;
  export default plugin;
}

declare module 'pouchdb-mapreduce' {
  const plugin: object;
  export default plugin;
}

declare module 'pouchdb-replication' {
  const plugin: object;
  export default plugin;
}

declare module 'pouchdb-adapter-http' {
  const plugin: object;
  export default plugin;
}

declare module 'express-pouchdb' {
  import type { PouchDBStatic } from 'pouchdb-bench-types';
  import type { IncomingMessage, ServerResponse } from 'node:http';
  interface ExpressPouchDBOptions {
    mode?: 'fullCouchDB' | 'minimumForPouchDB' | 'custom';
    inMemoryConfig?: boolean;
    logPath?: string;
    configPath?: string;
  }
  /** An express app: a plain Node request handler. */
  function expressPouchDB(PouchDB: PouchDBStatic, options?: ExpressPouchDBOptions): (request: IncomingMessage, response: ServerResponse) => void;
  export default expressPouchDB;
}

declare module 'pouchdb-bench-types' {
  export interface PouchDoc {
    _id: string;
    _rev?: string;
    _deleted?: boolean;
    _revisions?: { start: number; ids: string[] };
    [field: string]: unknown;
  }

  export interface ReplicationResult {
    ok: boolean;
    docs_read: number;
    docs_written: number;
    doc_write_failures: number;
    errors: unknown[];
    last_seq: number | string;
  }

  export interface ReplicateOptions {
    batch_size?: number;
    batches_limit?: number;
    heartbeat?: number;
    timeout?: number;
    checkpoint?: false | 'source' | 'target';
    live?: boolean;
    retry?: boolean;
  }

  export interface DatabaseInfo {
    db_name: string;
    doc_count: number;
    update_seq: number | string;
  }

  export interface Database {
    readonly name: string;
    info(): Promise<DatabaseInfo>;
    bulkDocs(docs: PouchDoc[], options?: { new_edits?: boolean }): Promise<unknown[]>;
    get(id: string, options?: { revs?: boolean }): Promise<PouchDoc>;
    destroy(): Promise<unknown>;
    close(): Promise<unknown>;
  }

  export interface DatabaseOptions {
    adapter?: string;
    auto_compaction?: boolean;
    skip_setup?: boolean;
  }

  export interface PouchDBStatic {
    new (name: string, options?: DatabaseOptions): Database;
    plugin(plugin: object): PouchDBStatic;
    defaults(options: DatabaseOptions): PouchDBStatic;
    replicate(source: Database | string, target: Database | string, options?: ReplicateOptions): Promise<ReplicationResult>;
  }
}
