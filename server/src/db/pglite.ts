// Embedded PostgreSQL (PGlite, WebAssembly): one connection in this process, data in a folder or
// in memory ('memory://'). PGlite serialises queries and transactions itself.
import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db, Queryable, Row } from './adapter';

export async function openPglite(dataDir: string): Promise<Db> {
  if (!dataDir.includes('://')) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir);
  const on = (target: PGlite | Transaction): Queryable => ({
    async query<R extends Row = Row>(sql: string, params: readonly unknown[] = []) {
      return (await target.query<R>(sql, [...params])).rows;
    },
  });
  return {
    ...on(pg),
    transaction<T>(fn: (tx: Queryable) => Promise<T>, isolation: 'read committed' | 'repeatable read' = 'read committed') {
      return pg.transaction(async (tx) => {
        if (isolation === 'repeatable read') await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
        return fn(on(tx));
      });
    },
    // One process holds the only connection, so the listener is never lost and never resets.
    async listen(channel, handler) {
      const unlisten = await pg.listen(channel, handler);
      return () => unlisten();
    },
    async notify(channel, payload) {
      await pg.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    // The only connection: PGlite serialises everything anyway.
    apart: () => on(pg),
    close: () => pg.close(),
  };
}
