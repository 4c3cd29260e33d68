// Concurrent pushes share one write statement on the server (group commit, issue 7), yet each is
// decided on its own: devices editing their own documents, racing on the same stored document or
// on the same new id, and writing documents that refer to one being deleted at the same moment
// each get exactly their own outcome. The history holds exactly the accepted writes, by the
// device that made each; seqs are unique; a pull from before the race sees every accepted write.
import { beforeAll, expect, it } from 'vitest';
import type { AnyDoc, WireDoc } from '@domain/collections';
import type { HistoryEntry } from '@domain/contract';
import { forEachBackend } from './support/backends';
import { build, createUser, pullToEnd, pushNew, setUpStreet, signIn, USER_PASSWORD, type Session, type StreetFixture } from './support/street';

const DEVICES = 8;
const ROUNDS = 3;

forEachBackend('pushes written together', (backend) => {
  let street: StreetFixture;
  /** Two devices each of four community workers of A. */
  let devices: Session[];
  beforeAll(async () => {
    street = await setUpStreet(backend.url);
    const users = [street.staffA.user, ...(await Promise.all([1, 2, 3].map(() => createUser(street.admin.api, 'community_staff', [street.communityA.id]))))];
    devices = await Promise.all(Array.from({ length: DEVICES }, (_, i) => signIn(backend.url, users[i % users.length]!.username, USER_PASSWORD)));
  });

  const history = async (collection: 'compounds' | 'buildings', id: string): Promise<HistoryEntry[]> => (await street.admin.api.history(collection, id)).ok();
  const byDevice = (entry: HistoryEntry | undefined, device: number) => {
    expect(entry?.userId).toBe(devices[device]!.login.user.id);
    expect(entry?.deviceId).toBe(devices[device]!.login.deviceId);
  };

  it('gives each of many concurrent pushes its own outcome and history, and pulls see every accepted write', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const own = devices.map((_, device) => build.compound(street.communityA, { name: `设备${device}自己的小区` }));
      const shared = build.compound(street.communityA, { residentCount: 1 });
      const target = build.compound(street.communityA, { name: '将被删除的小区' });
      await pushNew(street.admin.api, 'compounds', [...own, shared, target]);
      const before = await pullToEnd(street.admin.api, 'compounds');
      const newId = build.compound(street.communityA).id;
      const sharedVersions = devices.map((_, device) => ({ ...shared, residentCount: 100 + device }));
      const newVersions = devices.map((_, device) => ({ ...build.compound(street.communityA), id: newId, name: `设备${device}新建的小区` }));
      const buildings = devices.map(() => build.building(target));
      const push = (device: number, collection: 'compounds' | 'buildings', rows: unknown[]) => devices[device]!.api.push<AnyDoc>(collection, rows);

      // All at once: own edits, the same stored document, the same new id, buildings of a compound being deleted.
      const [ownAnswers, sharedAnswers, newAnswers, buildingAnswers, deletion] = await Promise.all([
        Promise.all(own.map((doc, device) => push(device, 'compounds', [{ assumedMasterState: doc, newDocumentState: { ...doc, residentCount: 7 } }]))),
        Promise.all(sharedVersions.map((doc, device) => push(device, 'compounds', [{ assumedMasterState: shared, newDocumentState: doc }]))),
        Promise.all(newVersions.map((doc, device) => push(device, 'compounds', [{ newDocumentState: doc }]))),
        Promise.all(buildings.map((doc, device) => push(device, 'buildings', [{ newDocumentState: doc }]))),
        push(0, 'compounds', [{ assumedMasterState: target, newDocumentState: { ...target, _deleted: true } }]),
      ]);

      // Every own edit is accepted, by its own device.
      for (const [device, answer] of ownAnswers.entries()) {
        expect(answer.ok()).toEqual([]);
        const entries = await history('compounds', own[device]!.id);
        expect(entries).toHaveLength(2);
        byDevice(entries[1], device);
        expect(entries[1]).toMatchObject({ before: own[device], after: { ...own[device], residentCount: 7 } });
      }
      // Of the same stored document and of the same new id, exactly one is accepted; the others get it back.
      for (const [doc, versions, answers] of [
        [shared, sharedVersions, sharedAnswers],
        [newVersions[0]!, newVersions, newAnswers],
      ] as const) {
        const accepted = answers.flatMap((answer, device) => (answer.ok().length === 0 ? [device] : []));
        expect(accepted).toHaveLength(1);
        const winner = versions[accepted[0]!]!;
        for (const answer of answers.filter((_, device) => device !== accepted[0])) expect(answer.ok()).toEqual([winner]);
        const entries = await history('compounds', doc.id);
        expect(entries.map((entry) => entry.after)).toEqual(doc === shared ? [shared, winner] : [winner]);
        byDevice(entries.at(-1), accepted[0]!);
      }
      // The deletion is accepted; a building is accepted only if written before it, else refused whole.
      expect(deletion.ok()).toEqual([]);
      const deletedAt = (await history('compounds', target.id)).at(-1)!.seq;
      const acceptedBuildings: WireDoc<'buildings'>[] = [];
      for (const [device, answer] of buildingAnswers.entries()) {
        if (answer.status === 200) {
          expect(answer.ok()).toEqual([]);
          const entries = await history('buildings', buildings[device]!.id);
          expect(entries).toHaveLength(1);
          byDevice(entries[0], device);
          expect(entries[0]!.seq).toBeLessThan(deletedAt);
          acceptedBuildings.push(buildings[device]!);
        } else {
          expect(answer.status, answer.text).toBe(422);
          // Never written: the server knows no such document, so it has no history either.
          expect((await street.admin.api.history('buildings', buildings[device]!.id)).status).toBe(404);
        }
      }

      // Seqs are unique, and a pull from before the race sees every accepted write.
      const seqs = (await Promise.all([...own, shared, target, newVersions[0]!].map((doc) => history('compounds', doc.id)))).flat().map((entry) => entry.seq);
      expect(new Set(seqs).size).toBe(seqs.length);
      const pulled = new Map((await pullToEnd<AnyDoc>(street.admin.api, 'compounds', before.checkpoint)).documents.map((doc) => [doc.id, doc]));
      for (const doc of own) expect(pulled.get(doc.id)).toEqual({ ...doc, residentCount: 7 });
      expect(pulled.get(shared.id)).toEqual((await history('compounds', shared.id)).at(-1)!.after);
      expect(pulled.get(newId)).toEqual((await history('compounds', newId)).at(-1)!.after);
      expect(pulled.get(target.id)).toEqual({ ...target, _deleted: true });
      const pulledBuildings = new Set((await pullToEnd<AnyDoc>(street.admin.api, 'buildings')).documents.map((doc) => doc.id));
      for (const doc of buildings) expect(pulledBuildings.has(doc.id)).toBe(acceptedBuildings.includes(doc));
    }
  });
});
