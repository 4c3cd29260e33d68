// Group commit (issue 7): several pushes' writes in one statement, each decided on its own. A push
// whose stored rows or kept targets changed since it read them is not written, and does not stop
// the others; the history holds exactly the written rows with their own pushes' actors.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AnyDoc } from '@domain/collections';
import { toNumber, type Db } from '../src/db/adapter';
import { migrate } from '../src/db/migrate';
import { openPglite } from '../src/db/pglite';
import { DUPLICATE_DOC, openChangeLog, writeBatch, type PushWrite, type StoredDoc } from '../src/sync/changelog';
import { GroupWriter } from '../src/sync/group-commit';

const STREET = 'street-1';
const compound = (id: string, name: string): AnyDoc => ({ id, streetId: STREET, communityId: 'c1', name, _deleted: false });
const actor = (userId: string) => ({ userId, deviceId: `${userId}-device` });

describe('group commit', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openPglite('memory://');
    await migrate(db);
  });
  afterAll(() => db.close());
  // Each test has stored compounds of its own: a, b, c and target, under a fresh prefix.
  let run = 0;
  let prefix = '';
  beforeEach(async () => {
    prefix = `t${++run}-`;
    const log = openChangeLog(db, 'safe');
    for (const id of ['a', 'b', 'c', 'target']) await log.write('compounds', [{ before: null, after: compound(prefix + id, id) }], actor('seed'));
  });
  const counter = async () => toNumber((await db.query<{ value: unknown }>('SELECT value FROM change_counter'))[0]?.value);

  const storedDoc = async (id: string): Promise<StoredDoc> => {
    const [row] = await db.query<{ seq: unknown; data: AnyDoc }>(`SELECT seq, data FROM docs WHERE collection = 'compounds' AND id = $1`, [prefix + id]);
    return { seq: toNumber(row?.seq), data: row!.data };
  };
  const edit = (before: StoredDoc, name: string, by: string, unchanged: PushWrite['unchanged'] = []): PushWrite => ({
    collection: 'compounds',
    writes: [{ before, after: { ...before.data, name } }],
    actor: actor(by),
    unchanged,
  });
  const audit = () =>
    db.query<{ seq: unknown; id: string; user_id: string; before: AnyDoc | null }>(
      `SELECT seq, substr(id, $1) AS id, user_id, before FROM audit WHERE user_id <> 'seed' AND starts_with(id, $2) ORDER BY seq`,
      [prefix.length + 1, prefix],
    );

  it('writes the pushes whose reads still hold and only those, each with its own actor and consecutive seqs', async () => {
    const a = await storedDoc('a');
    const b = await storedDoc('b');
    const target = await storedDoc('target');
    const staleA = { ...a, seq: a.seq - 1 };
    const staleTarget = [{ collection: 'compounds' as const, id: prefix + 'target', seq: target.seq - 1 }];
    const fresh: PushWrite = { collection: 'compounds', writes: [{ before: null, after: compound(prefix + 'new', '新小区') }], actor: actor('u3'), unchanged: [] };
    const seqBefore = await counter();

    const written = await writeBatch(db, 'safe', [
      edit(staleA, 'a by u1', 'u1'),
      edit(b, 'b by u2', 'u2', [{ collection: 'compounds', id: prefix + 'target', seq: target.seq }]),
      fresh,
      edit(await storedDoc('c'), 'c by u4', 'u4', staleTarget),
    ]);

    expect(written).toEqual([false, true, true, false]);
    expect((await storedDoc('a')).data.name).toBe('a');
    expect((await storedDoc('b')).data.name).toBe('b by u2');
    expect((await storedDoc('c')).data.name).toBe('c');
    expect(await audit()).toEqual([
      { seq: expect.anything() as unknown, id: 'b', user_id: 'u2', before: b.data },
      { seq: expect.anything() as unknown, id: 'new', user_id: 'u3', before: null },
    ]);
    const seqs = (await audit()).map((row) => toNumber(row.seq));
    expect(seqs).toEqual([seqBefore + 1, seqBefore + 2]);
    expect(await counter()).toBe(seqBefore + 2);
  });

  it('sends pushes that arrive while a statement is in flight together, an overlapping one after', async () => {
    const writer = new GroupWriter(db, 'safe');
    const [a, b, c] = await Promise.all([storedDoc('a'), storedDoc('b'), storedDoc('c')]);
    // The first is sent at once; the others queue behind it.
    const [first, ...queued] = await Promise.all([
      writer.write(edit(a, 'a once', 'u1')),
      // Both decided on the same stored state of b: one statement must not check both against it.
      writer.write(edit(b, 'b by u2', 'u2')),
      writer.write(edit(b, 'b by u3', 'u3')),
      writer.write(edit(c, 'c by u4', 'u4')),
    ]);
    expect([first, ...queued]).toEqual([true, true, false, true]);
    expect((await storedDoc('b')).data.name).toBe('b by u2');
    expect((await audit()).map((row) => [row.id, row.user_id])).toEqual([
      ['a', 'u1'],
      ['b', 'u2'],
      ['c', 'u4'],
    ]);
  });

  it('gives each push of a batch that failed on a new document its own outcome', async () => {
    const writer = new GroupWriter(db, 'safe');
    const duplicate: PushWrite = { collection: 'compounds', writes: [{ before: null, after: compound(prefix + 'target', '重复') }], actor: actor('u2'), unchanged: [] };
    const [a, b] = await Promise.all([storedDoc('a'), storedDoc('b')]);
    const outcomes = await Promise.allSettled([
      writer.write(edit(a, 'a once', 'u1')),
      writer.write(duplicate),
      writer.write(edit(b, 'b by u3', 'u3')),
    ]);
    expect(outcomes[0]).toEqual({ status: 'fulfilled', value: true });
    expect(outcomes[1]).toMatchObject({ status: 'rejected', reason: { code: DUPLICATE_DOC } });
    expect(outcomes[2]).toEqual({ status: 'fulfilled', value: true });
    expect((await audit()).map((row) => [row.id, row.user_id])).toEqual([
      ['a', 'u1'],
      ['b', 'u3'],
    ]);
  });
});
