// The storage adapter: the one seam between the server's SQL and a Postgres connection. PGlite
// (embedded, one connection) and `pg` (a pool) implement it; both run the same SQL.

export type Row = Record<string, unknown>;

export interface Queryable {
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}

/** `repeatable read` gives one snapshot for the whole transaction (pulls read counter and rows from it). */
export type Isolation = 'read committed' | 'repeatable read';

export interface Db extends Queryable {
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, isolation?: Isolation): Promise<T>;
  /**
   * Delivers every notification of `channel` to `handler`. `onReset` is called when the listening
   * connection was lost (notifications may have been missed) and again once it is back.
   */
  listen(channel: string, handler: (payload: string) => void, onReset: () => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  /**
   * A connection apart from the one(s) requests share, for a writer that sends one statement at a
   * time (group-commit.ts): its statements never wait in the queue behind every request's reads.
   */
  apart(): Queryable;
  close(): Promise<void>;
}

/** int8 arrives as a string from `pg` and as a number from PGlite. */
export function toNumber(value: unknown): number {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`not a number: ${String(value)}`);
  return n;
}

export function toIso(value: unknown): string {
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}

export function toIsoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : toIso(value);
}
