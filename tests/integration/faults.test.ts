// Fault injection: a push that fails at the last moment before its commit (the database, the disk
// or the process giving out) writes nothing at all — no document, no change for pulls, no history —
// answers with a contract error, and the same push sent again lands whole.
import { beforeAll, expect, it } from 'vitest';
import { CHINESE, build, pullToEnd, pushNew, setUpStreet, stored, type StreetFixture } from './support/street';
import { forEachBackend } from './support/backends';

let failNextCommit = false;
const beforeCommit = () => {
  if (!failNextCommit) return Promise.resolve();
  failNextCommit = false;
  return Promise.reject(new Error('injected failure before COMMIT'));
};

forEachBackend(
  'a push that fails before its commit',
  (backend) => {
    let street: StreetFixture;
    beforeAll(async () => {
      street = await setUpStreet(backend.url);
    });

    it('writes none of its documents, and the retry writes all of them', async () => {
      const { api } = street.staffA;
      const compound = build.compound(street.communityA);
      const buildings = [build.building(compound, { name: '1号楼' }), build.building(compound, { name: '2号楼' })];
      await pushNew(api, 'compounds', [compound]);
      const before = (await pullToEnd(api, 'buildings')).checkpoint;

      failNextCommit = true;
      const failed = await api.push('buildings', buildings.map((doc) => ({ newDocumentState: doc })));
      expect(failed.status).toBeGreaterThanOrEqual(500);
      expect(failed.error().message).toMatch(CHINESE);
      expect((await pullToEnd(api, 'buildings', before)).documents).toEqual([]);
      expect((await api.history('buildings', buildings[0]!.id)).status).toBe(404);

      await pushNew(api, 'buildings', buildings);
      const after = await pullToEnd(api, 'buildings', before);
      expect(after.documents.map((doc) => doc.id).sort()).toEqual(buildings.map((doc) => doc.id).sort());
    });

    it('leaves the stored state of an edit standing', async () => {
      const { api } = street.staffA;
      const compound = build.compound(street.communityA, { name: '和平小区' });
      await pushNew(api, 'compounds', [compound]);

      failNextCommit = true;
      const failed = await api.push('compounds', [{ assumedMasterState: compound, newDocumentState: { ...compound, residentCount: 999 } }]);
      expect(failed.status).toBeGreaterThanOrEqual(500);
      expect(await stored(api, 'compounds', compound.id)).toEqual(compound);
      expect((await api.history('compounds', compound.id)).ok()).toHaveLength(1);
    });
  },
  { server: { testHooks: { beforeCommit } } },
);
