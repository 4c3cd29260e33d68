// PostgreSQL through `pg`: a pool for queries and transactions, and one dedicated client per
// listener that reconnects with backoff when the connection drops.
import pg from 'pg';
import type { Db, Isolation, Queryable, Row } from './adapter';
import { listenWithReconnect } from './postgres-listen';

/**
 * At most this many distinct statements are prepared (named) on each connection; any further one
 * is sent unnamed, as every statement was before. The server's statements are a few dozen texts.
 */
const MAX_PREPARED = 200;

export function openPostgres(connectionString: string): Db {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle client that loses its connection emits here; without a handler the process would exit.
  pool.on('error', (error) => console.error('PostgreSQL 连接池错误', error.message));
  // Statements with parameters are prepared once per connection (pg keeps them by name), so that
  // PostgreSQL parses and analyses the push's and pull's statements once, not at every request.
  const names = new Map<string, string>();
  const nameOf = (sql: string, params: readonly unknown[]): string | undefined => {
    if (params.length === 0) return undefined;
    let name = names.get(sql);
    if (name === undefined && names.size < MAX_PREPARED) {
      name = `cg_${names.size + 1}`;
      names.set(sql, name);
    }
    return name;
  };
  const on = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<R extends Row = Row>(sql: string, params: readonly unknown[] = []) {
      const name = nameOf(sql, params);
      return (await client.query<R>(name === undefined ? { text: sql, values: [...params] } : { name, text: sql, values: [...params] })).rows;
    },
  });
  const stops = new Set<() => Promise<void>>();
  // A pool of one, so that a lost connection is replaced as the main pool's are.
  let apart: pg.Pool | undefined;
  /**
   * The group writer's statements carry thousands of documents through sorts (numbering in push
   * order) and CTEs, which spill to disk past PostgreSQL's default 4 MB each. One statement runs at
   * a time on this connection.
   */
  const apartSettings = '-c work_mem=64MB';
  return {
    ...on(pool),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>, isolation: Isolation = 'read committed') {
      const client = await pool.connect();
      let broken: Error | undefined;
      // A checked-out client has no pool listener: a connection lost between two statements (the
      // database restarted) would emit an unhandled 'error' and end the process. Note it instead;
      // the next statement fails and the client is destroyed on release.
      const onError = (error: Error) => {
        broken = error;
      };
      client.on('error', onError);
      try {
        await client.query(isolation === 'repeatable read' ? 'BEGIN ISOLATION LEVEL REPEATABLE READ' : 'BEGIN');
        const result = await fn(on(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
        throw error;
      } finally {
        client.off('error', onError);
        // A client whose ROLLBACK failed is in an unknown state: destroy it rather than reuse it.
        client.release(broken);
      }
    },
    async listen(channel, handler, onReset) {
      const stop = await listenWithReconnect(connectionString, channel, handler, onReset);
      stops.add(stop);
      return async () => {
        stops.delete(stop);
        await stop();
      };
    },
    async notify(channel, payload) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    apart() {
      if (apart === undefined) {
        apart = new pg.Pool({ connectionString, max: 1, options: apartSettings });
        apart.on('error', (error) => console.error('PostgreSQL 连接池错误', error.message));
      }
      return on(apart);
    },
    async close() {
      await Promise.all([...stops].map((stop) => stop()));
      await apart?.end();
      await pool.end();
    },
  };
}
