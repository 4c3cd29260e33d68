// What a page gets of a stored document (db/plain pageCopy, used by the live query hooks): the
// document's own fields as RxDB's toMutableJSON() gives them, and a copy the page may change
// without touching what the database's cache holds.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { pageCopy } from '../src/db/plain';

type Need = { id: string; title: string; steps: { at: string; note: string }[]; place: { compoundId: string; room?: string } };

describe('pageCopy', () => {
  let db: RxDatabase<{ needs: RxCollection<Need> }> | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it("gives a document's own fields as toMutableJSON does, deeply copied", async () => {
    db = await createRxDatabase<{ needs: RxCollection<Need> }>({ name: `copy-${Date.now()}`, storage: getRxStorageMemory() });
    const collections = await db.addCollections({
      needs: {
        schema: {
          version: 0,
          primaryKey: 'id',
          type: 'object',
          properties: {
            id: { type: 'string', maxLength: 20 },
            title: { type: 'string' },
            steps: { type: 'array', items: { type: 'object', properties: { at: { type: 'string' }, note: { type: 'string' } } } },
            place: { type: 'object', properties: { compoundId: { type: 'string' }, room: { type: 'string' } } },
          },
          required: ['id', 'title', 'steps', 'place'],
        },
      },
    });
    const needs = collections.needs as RxCollection<Need>;
    const doc = await needs.insert({ id: 'n1', title: '路灯不亮', steps: [{ at: '2026-11-01', note: '已登记' }], place: { compoundId: 'c1', room: '301' } });
    const copy = pageCopy<Need>(doc._data);
    expect(copy).toEqual(doc.toMutableJSON());
    expect(Object.keys(copy).sort()).toEqual(['id', 'place', 'steps', 'title']);
    // The page's edits stay in its copy.
    copy.steps[0]!.note = '改了';
    copy.steps.push({ at: '2026-11-02', note: '新' });
    copy.place.room = '302';
    expect(doc.toJSON()).toEqual({ id: 'n1', title: '路灯不亮', steps: [{ at: '2026-11-01', note: '已登记' }], place: { compoundId: 'c1', room: '301' } });
  });
});
