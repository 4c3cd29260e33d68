// Group reads (issue 7): the stored rows and reference targets of pushes arriving while a read is
// in flight are read together by the next statement, and each push gets exactly its own documents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyDoc } from '@domain/collections';
import type { Db, Queryable, Row } from '../src/db/adapter';
import { migrate } from '../src/db/migrate';
import { openPglite } from '../src/db/pglite';
import { openChangeLog } from '../src/sync/changelog';
import { GroupReader, MAX_READ_DOCS } from '../src/sync/group-read';
import { targetKey } from '../src/sync/references';

const STREET = 'street-1';
const compound = (id: string, name: string): AnyDoc => ({ id, streetId: STREET, communityId: 'c1', name, _deleted: false });

/** The database, counting the statements sent through it. */
function counted(db: Queryable): Queryable & { statements: number } {
  const wrapper = {
    statements: 0,
    query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<R[]> {
      wrapper.statements++;
      return db.query<R>(sql, params);
    },
  };
  return wrapper;
}

describe('group read', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openPglite('memory://');
    await migrate(db);
    const log = openChangeLog(db, 'safe');
    for (const id of ['a', 'b', 'c']) await log.write('compounds', [{ before: null, after: compound(id, id) }], { userId: 'seed', deviceId: null });
  });
  afterAll(() => db.close());

  it('reads the pushes that arrive while a statement is in flight in one statement, each getting its own documents', async () => {
    const counting = counted(db);
    const reader = new GroupReader(counting);
    const key = (id: string) => ({ collection: 'compounds' as const, id });
    const [first, second, third] = await Promise.all([
      reader.read([key('a')]),
      reader.read([key('b'), key('missing')]),
      reader.read([key('a'), key('c')]),
    ]);
    // The first goes at once; the two arriving meanwhile share the next statement.
    expect(counting.statements).toBe(2);
    expect([...first.keys()]).toEqual([targetKey('compounds', 'a')]);
    expect([...second.keys()]).toEqual([targetKey('compounds', 'b')]);
    expect([...third.keys()].sort()).toEqual([targetKey('compounds', 'a'), targetKey('compounds', 'c')]);
    expect(third.get(targetKey('compounds', 'c'))?.data).toEqual(compound('c', 'c'));
    const [row] = await db.query<{ seq: unknown }>(`SELECT seq FROM docs WHERE collection = 'compounds' AND id = 'a'`);
    expect(first.get(targetKey('compounds', 'a'))?.seq).toBe(Number(row?.seq));
  });

  it('keeps a statement under MAX_READ_DOCS documents', async () => {
    const counting = counted(db);
    const reader = new GroupReader(counting);
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ collection: 'compounds' as const, id: i === 0 ? 'a' : `none-${n}-${i}` }));
    const reads = await Promise.all([reader.read(many(1)), reader.read(many(MAX_READ_DOCS - 1)), reader.read(many(2))]);
    expect(counting.statements).toBe(3);
    for (const found of reads) expect([...found.keys()]).toEqual([targetKey('compounds', 'a')]);
  });

  it('fails each read of a failing statement, and reads again afterwards', async () => {
    let fail = true;
    const flaky: Queryable = {
      query: <R extends Row = Row>(sql: string, params?: readonly unknown[]) => (fail ? Promise.reject(new Error('connection lost')) : db.query<R>(sql, params)),
    };
    const reader = new GroupReader(flaky);
    const key = { collection: 'compounds' as const, id: 'b' };
    const results = await Promise.allSettled([reader.read([key]), reader.read([key])]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect([...(await reader.read([key])).keys()]).toEqual([targetKey('compounds', 'b')]);
  });
});
