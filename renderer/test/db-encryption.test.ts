// Encryption at rest in the local database: RxDB on Dexie over fake-indexeddb, the raw IndexedDB
// records read back directly. Personal fields are ciphertext on disk (also in what sync keeps for
// replication), plain in the app; another key does not open the database; the conflict log's sealed
// values are AES-GCM under the data key; and nothing queries an encrypted field.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RxJsonSchema } from 'rxdb';
import { schemas, type CollectionName } from '@domain/collections';
import { closeDatabase, deleteDatabase, openDatabase, type OpenDatabase } from '../src/db/current';
import { DataKeyMismatchError } from '../src/db/database';
import { encryptedFields, encryptedFieldsOf, withEncryptedFields } from '../src/db/encryption';
import { openSealedJson, sealJson } from '../src/db/sealed';
import { browserStorage } from '../src/db/storage';
import { saveDoc, saveDocs } from '../src/db/write';
import { conflictHandlers } from '../src/sync/conflicts';
import { startSync } from '../src/sync/engine';
import { useSyncStatus } from '../src/sync/status';
import { eventually, stubBrowser } from './support/browserGlobals';
import { FakeServer } from './support/fakeServer';

const handlers = conflictHandlers({ record: () => Promise.resolve(), isRemovedFromScope: () => false });
const randomKey = () => Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');

const street = 's1';
const community = 'k1';
// Distinctive values: each must never appear in the stored bytes.
const secrets = {
  idNumber: '11010519491231002X',
  birthDate: '1949-12-31',
  mobile: '13987654321',
  unitNo: '单元七七七',
  room: '房间九零九',
  note: '独居需要每日探望备注',
  raisedBy: '提出人王五五',
  raisedByPhone: '13712340987',
  description: '楼道照明损坏需求描述',
  stepNote: '已联系物业步骤备注',
  contactPhone: '0951-77788899',
};
const member = {
  id: 'm1',
  streetId: street,
  communityId: community,
  name: '明文姓名赵六六',
  idNumber: secrets.idNumber,
  gender: 'male' as const,
  birthDate: secrets.birthDate,
  mobile: secrets.mobile,
  isPartyMember: true,
  unitNo: secrets.unitNo,
  room: secrets.room,
  note: secrets.note,
};
const need = {
  id: 'n1',
  streetId: street,
  communityId: community,
  compoundId: 'c1',
  raisedBy: secrets.raisedBy,
  raisedByPhone: secrets.raisedByPhone,
  description: secrets.description,
  state: 'submitted' as const,
  steps: [{ id: 'st1', at: '2026-11-27T08:00:00.000Z', by: 'u1', action: 'submit', note: secrets.stepNote }],
};
const unit = { id: 'u1', streetId: street, kind: 'stationed' as const, name: '明文单位名称', contactName: '联系人', contactPhone: secrets.contactPhone };

/** Every record of every IndexedDB database, as one string per database (structured values as JSON). */
async function dumpIndexedDb(): Promise<string> {
  const infos = await indexedDB.databases();
  const parts: string[] = [];
  for (const info of infos) {
    if (!info.name) continue;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(info.name!);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    for (const storeName of Array.from(db.objectStoreNames)) {
      const values = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error ?? new Error('read failed'));
      });
      parts.push(`${info.name}/${storeName}: ${JSON.stringify(values)}`);
    }
    db.close();
  }
  return parts.join('\n');
}

function expectNoSecrets(dump: string): void {
  for (const [field, value] of Object.entries(secrets)) expect(dump.includes(value), `${field} (${value}) stored in plain text`).toBe(false);
}

let dbCount = 0;
let name: string;
let key: string;
let open: OpenDatabase;

const openWith = (encryptionKey: string) => openDatabase({ name, storage: browserStorage(), conflictHandlerFor: handlers, multiInstance: false, encryptionKey });

beforeEach(async () => {
  stubBrowser();
  name = `enc-${++dbCount}`;
  key = randomKey();
  open = await openWith(key);
});

afterEach(async () => {
  await closeDatabase();
  vi.unstubAllGlobals();
});

describe('personal fields at rest', () => {
  it('stores them only as ciphertext, while the app reads them in plain text', async () => {
    await saveDoc('members', member);
    await saveDoc('needs', need);
    await saveDoc('units', unit);

    const dump = await dumpIndexedDb();
    expectNoSecrets(dump);
    // The scan does see what is stored: plain fields are there.
    expect(dump).toContain(member.name);
    expect(dump).toContain(unit.name);

    expect((await open.db.collections.members.findOne('m1').exec())?.toJSON()).toEqual(member);
    expect((await open.db.collections.needs.findOne('n1').exec())?.toJSON()).toEqual(need);
    expect((await open.db.collections.units.findOne('u1').exec())?.toJSON()).toEqual(unit);
  });

  it('keeps the underlying record sealed in one field, the rest plain for queries', async () => {
    await saveDoc('members', member);
    const raw = open.db.collections.members.internalStorageInstance as unknown as {
      originalStorageInstance: { findDocumentsById(ids: string[], withDeleted: boolean): Promise<Record<string, unknown>[]> };
    };
    const [stored] = await raw.originalStorageInstance.findDocumentsById(['m1'], false);
    const [carrier, ...others] = encryptedFieldsOf('members');
    // AES-GCM: "v1." + IV + ciphertext, in base64url; the other personal fields are not stored at all.
    expect(String(stored?.[carrier!])).toMatch(/^v1\.[\w-]{16}\.[\w-]+$/);
    for (const field of others) expect(stored).not.toHaveProperty(field);
    expect(stored).toMatchObject({ id: 'm1', communityId: community, name: member.name, isPartyMember: true });
    // Lists still select by what is plain.
    const found = await open.db.collections.members.find({ selector: { communityId: community, isPartyMember: true } }).exec();
    expect(found.map((doc) => doc.mobile)).toEqual([secrets.mobile]);
  });

  it('seals only the new state of an updated document, and reads both states back right', async () => {
    await saveDoc('members', member);
    const previousStates: unknown[] = [];
    const subscription = open.db.collections.members.storageInstance.changeStream().subscribe((bulk) => {
      for (const event of bulk.events) previousStates.push(event.previousDocumentData?.mobile);
    });
    const encrypt = vi.spyOn(crypto.subtle, 'encrypt');
    try {
      // The stored state RxDB read is the `previous` of the write: it must not be sealed again.
      await saveDoc('members', { ...member, mobile: '13800001111' });
      expect(encrypt).toHaveBeenCalledTimes(1);
    } finally {
      encrypt.mockRestore();
      subscription.unsubscribe();
    }
    expect(previousStates).toEqual([secrets.mobile]);
    const raw = open.db.collections.members.internalStorageInstance as unknown as {
      originalStorageInstance: { findDocumentsById(ids: string[], withDeleted: boolean): Promise<Record<string, unknown>[]> };
    };
    expect(JSON.stringify(await raw.originalStorageInstance.findDocumentsById(['m1'], false))).not.toContain('13800001111');
    await closeDatabase();
    open = await openWith(key);
    expect((await open.db.collections.members.findOne('m1').exec())?.mobile).toBe('13800001111');
  });

  it('decrypts a document read again only when it changed (while the first read is held)', async () => {
    const others = Array.from({ length: 5 }, (_, i) => ({ ...member, id: `m${i + 2}`, mobile: `1390000000${i}` }));
    for (const doc of [member, ...others]) await saveDoc('members', doc);
    // Opened again: nothing of this session's own writes is at hand.
    await closeDatabase();
    open = await openWith(key);
    const storage = open.db.collections.members.storageInstance;
    const ids = ['m1', ...others.map((doc) => doc.id)];
    const decrypt = vi.spyOn(crypto.subtle, 'decrypt');
    try {
      const first = await storage.findDocumentsById(ids, false);
      expect(decrypt).toHaveBeenCalledTimes(6);
      // A live query re-run over unchanged documents: the same plain documents, no decryption.
      const again = await storage.findDocumentsById(ids, false);
      expect(decrypt).toHaveBeenCalledTimes(6);
      const mobiles = (docs: typeof first) => Object.fromEntries(docs.map((doc) => [doc.id, doc.mobile]));
      expect(mobiles(again)).toEqual(mobiles(first));
      expect(mobiles(first)).toEqual(Object.fromEntries([member, ...others].map((doc) => [doc.id, doc.mobile])));
      // A changed document is read in its new state.
      await saveDoc('members', { ...member, mobile: '13800002222' });
      const changed = await storage.findDocumentsById(['m1'], false);
      expect(changed[0]?.mobile).toBe('13800002222');
    } finally {
      decrypt.mockRestore();
    }
  });

  it('reads a query of many documents whole, in order, each decrypted (opened a slice at a time)', async () => {
    const many = Array.from({ length: 1234 }, (_, i) => ({ ...member, id: `m${String(i).padStart(4, '0')}`, mobile: `139${String(i).padStart(8, '0')}` }));
    await saveDocs('members', many);
    // Opened again: every document is decrypted from what is stored.
    await closeDatabase();
    open = await openWith(key);
    const decrypt = vi.spyOn(crypto.subtle, 'decrypt');
    try {
      const read = await open.db.collections.members.find({ selector: {}, sort: [{ id: 'asc' }] }).exec();
      expect(read.map((doc) => [doc.id, doc.mobile, doc.idNumber])).toEqual(many.map((doc) => [doc.id, doc.mobile, doc.idNumber]));
      expect(decrypt).toHaveBeenCalledTimes(many.length);
    } finally {
      decrypt.mockRestore();
    }
  });

  it('keeps a document without personal data as it was', async () => {
    const bare = { id: 'm2', streetId: street, communityId: community, name: '无个人信息', isPartyMember: false };
    await saveDoc('members', bare);
    expect((await open.db.collections.members.findOne('m2').exec())?.toJSON()).toEqual(bare);
  });

  it('keeps pulled documents and the replication state encrypted too', async () => {
    const server = new FakeServer();
    vi.stubGlobal('fetch', server.fetch);
    server.put('members', member);
    server.put('needs', need);
    const engine = startSync(open, { serverUrl: server.url, token: 'token' }, () => undefined);
    try {
      await eventually(async () => expect((await open.db.collections.needs.findOne('n1').exec())?.description).toBe(secrets.description));
      // A local edit pushed: the replication keeps the acknowledged state (assumedMasterState) on disk.
      await saveDoc('members', { ...member, note: `${secrets.note}二` });
      await eventually(() => expect(server.get('members', 'm1')?.note).toBe(`${secrets.note}二`));
      await eventually(() => expect(useSyncStatus.getState().pending).toBe(0));
    } finally {
      await engine.stop();
    }
    const dump = await dumpIndexedDb();
    expect(dump).toContain(member.name);
    expectNoSecrets(dump);
  });
});

describe('the data key', () => {
  it('opens the database only with the key it was created with', async () => {
    await saveDoc('members', member);
    await closeDatabase();
    await expect(openWith(randomKey())).rejects.toBeInstanceOf(DataKeyMismatchError);
    open = await openWith(key);
    expect((await open.db.collections.members.findOne('m1').exec())?.idNumber).toBe(secrets.idNumber);
  });

  it('refuses to open without a well-formed key rather than storing plain text', async () => {
    await closeDatabase();
    await expect(openWith('')).rejects.toThrow();
    await expect(openWith('not-a-key-but-long-enough-0123456789')).rejects.toThrow();
  });

  it('lets a wiped device delete the database without its key', async () => {
    await saveDoc('members', member);
    await closeDatabase();
    await deleteDatabase(name, browserStorage());
    const left = (await indexedDB.databases()).filter((info) => info.name?.startsWith(`rxdb-dexie-${name}--`));
    expect(left).toEqual([]);
  });
});

describe('sealed values (the conflict log)', () => {
  it('seals with AES-GCM under the data key: unreadable, and refused under another key or when altered', async () => {
    const value = { mobile: secrets.mobile, idNumber: secrets.idNumber };
    const sealed = await sealJson(value);
    expect(sealed).not.toContain(secrets.mobile);
    expect(sealed).not.toContain(secrets.idNumber);
    expect(await sealJson(value)).not.toBe(sealed); // a fresh IV each time
    expect(await openSealedJson(sealed)).toEqual(value);

    const altered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BA' : 'AA');
    await expect(openSealedJson(altered)).rejects.toThrow();

    await closeDatabase();
    name = `enc-other-${dbCount}`;
    open = await openWith(randomKey());
    await expect(openSealedJson(sealed)).rejects.toThrow();
  });
});

describe('encrypted fields are never queried', () => {
  it('refuses to encrypt an indexed field', () => {
    const schema = structuredClone(schemas.members) as unknown as RxJsonSchema<unknown>;
    expect(() => withEncryptedFields('members', { ...schema, indexes: ['communityId', 'mobile'] })).toThrow(/indexed/);
    expect(withEncryptedFields('members', schema).encrypted).toEqual(encryptedFieldsOf('members'));
  });

  it('no selector or sort in the renderer names an encrypted field', () => {
    const sources = import.meta.glob<string>('../src/**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true });
    const fields = [...new Set(Object.values(encryptedFields).flat())];
    const offendingIn = (text: string) =>
      [...text.matchAll(/\b(selector|sort)\s*:\s*(\{[^;]*?\}|\[[^;]*?\])/g)].filter((match) =>
        fields.some((field) => new RegExp(`\\b${field}\\s*:`).test(match[2] ?? '')),
      );
    const offending = Object.entries(sources).flatMap(([file, text]) => offendingIn(text).map((match) => `${file}: ${match[0]}`));
    expect(offending).toEqual([]);
    // The scan reads the pages, finds their selectors, and would catch one on an encrypted field.
    expect(offendingIn("useDocs('members', { selector: { communityId: id, mobile: typed } })")).toHaveLength(1);
    expect(offendingIn("useDocs('members', { sort: [{ idNumber: 'asc' }] })")).toHaveLength(1);
    expect(Object.keys(sources).length).toBeGreaterThan(50);
    expect(Object.values(sources).some((text) => /selector\s*:\s*\{\s*communityId/.test(text))).toBe(true);
  });

  it('lists every collection it encrypts under a real schema field', () => {
    for (const [collection, fields] of Object.entries(encryptedFields)) {
      const properties = schemas[collection as CollectionName].properties as Record<string, unknown>;
      for (const field of fields) expect(properties[field], `${collection}.${field}`).toBeDefined();
    }
  });
});
