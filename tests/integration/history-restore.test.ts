// Every record's history (who, which device, what changed, deletions included) and the street
// admin's recycle bin: a deleted record comes back as a new version that devices pull.
import { beforeAll, expect, it } from 'vitest';
import type { WireDoc } from '@domain/collections';
import type { DeletedDocument, RestoreResponse } from '@domain/contract';
import { forEachBackend } from './support/backends';
import type { ApiClient } from './support/client';
import { build, CHINESE, pullToEnd, pushEdit, pushNew, setUpStreet, stored, type StreetFixture } from './support/street';

const deletedList = (api: ApiClient, query = '') => api.send<DeletedDocument[]>('GET', `/api/admin/deleted${query}`);
const restore = (api: ApiClient, collection: string, id: string) => api.send<RestoreResponse>('POST', `/api/admin/restore/${collection}/${id}`);

forEachBackend('history and restore', (backend) => {
  let street: StreetFixture;
  beforeAll(async () => {
    street = await setUpStreet(backend.url);
  });

  /** A compound created by community A's worker, renamed by them, then deleted by the admin. */
  async function deletedCompound(name: string): Promise<WireDoc<'compounds'>> {
    const compound = build.compound(street.communityA, { name });
    await pushNew(street.staffA.api, 'compounds', [compound]);
    const renamed = { ...compound, name: `${name}（东区）`, residentCount: 400 };
    await pushEdit(street.staffA.api, 'compounds', compound, renamed);
    await pushEdit(street.admin.api, 'compounds', renamed, { ...renamed, _deleted: true });
    return renamed;
  }

  it('lists create, update and delete with who (display name) and which device, including after the deletion', async () => {
    const compound = await deletedCompound('丰收小区');
    const history = (await street.admin.api.history('compounds', compound.id)).ok();
    expect(history.map((entry) => entry.action)).toEqual(['created', 'updated', 'deleted']);
    const [created, updated, deleted] = history;
    expect(created).toMatchObject({ userId: street.staffA.user.id, displayName: '李四', deviceName: '测试电脑', before: null });
    expect(updated?.before).toMatchObject({ name: '丰收小区', residentCount: 320 });
    expect(updated?.after).toMatchObject({ name: '丰收小区（东区）', residentCount: 400 });
    expect(deleted).toMatchObject({ userId: street.admin.login.user.id, displayName: street.admin.login.user.displayName });
    expect(deleted?.after._deleted).toBe(true);
    // The community's worker still reads the deleted compound's trail; the other community's data stays hidden.
    expect((await street.staffA.api.history('compounds', compound.id)).ok()).toHaveLength(3);
  });

  it('lists the deleted documents of the street for admins only, with who deleted them, searchable', async () => {
    const compound = await deletedCompound('金色家园');
    const all = (await deletedList(street.admin.api)).ok();
    expect(all.find((doc) => doc.id === compound.id)).toMatchObject({
      collection: 'compounds',
      label: '金色家园（东区）',
      communityId: street.communityA.id,
      deletedBy: street.admin.login.user.username,
    });
    const found = (await deletedList(street.admin.api, `?collection=compounds&q=${encodeURIComponent('金色')}`)).ok();
    expect(found.map((doc) => doc.id)).toEqual([compound.id]);
    expect((await deletedList(street.admin.api, `?q=${encodeURIComponent('没有这个')}`)).ok()).toEqual([]);
    const refused = await deletedList(street.staffA.api);
    expect(refused.status).toBe(403);
    expect(refused.error().message).toMatch(CHINESE);
  });

  it('restores a deleted compound as a new version that pullers receive, shown as restored in its history', async () => {
    const compound = await deletedCompound('阳光小区');
    const before = await pullToEnd<WireDoc<'compounds'>>(street.staffA.api, 'compounds');
    expect(before.documents.find((doc) => doc.id === compound.id)?._deleted).toBe(true);

    const reply = await restore(street.admin.api, 'compounds', compound.id);
    expect(reply.status, reply.text).toBe(200);
    expect(reply.ok().document).toEqual({ ...compound, _deleted: false });

    const after = await pullToEnd<WireDoc<'compounds'>>(street.staffA.api, 'compounds', before.checkpoint);
    expect(after.documents.find((doc) => doc.id === compound.id)).toEqual({ ...compound, _deleted: false });
    const history = (await street.admin.api.history('compounds', compound.id)).ok();
    expect(history.map((entry) => entry.action)).toEqual(['created', 'updated', 'deleted', 'restored']);
    expect((await deletedList(street.admin.api)).ok().map((doc) => doc.id)).not.toContain(compound.id);
  });

  it('refuses non-admins with 403 and restoring a document that is not deleted, writing nothing', async () => {
    const compound = await deletedCompound('和平小区');
    const forbidden = await restore(street.staffA.api, 'compounds', compound.id);
    expect(forbidden.status).toBe(403);
    expect(forbidden.error().message).toMatch(CHINESE);
    expect((await stored(street.admin.api, 'compounds', compound.id))?._deleted).toBe(true);

    expect((await restore(street.admin.api, 'compounds', compound.id)).status).toBe(200);
    const again = await restore(street.admin.api, 'compounds', compound.id);
    expect(again.status).toBe(409);
    expect(again.error().message).toMatch(CHINESE);
    expect((await street.admin.api.history('compounds', compound.id)).ok()).toHaveLength(4);
    expect((await restore(street.admin.api, 'compounds', 'no-such-id')).status).toBe(404);
  });

  it('answers malformed bin requests with a 4xx error in Chinese, never a server error', async () => {
    for (const reply of [
      await deletedList(street.admin.api, '?collection=nonsense'),
      await deletedList(street.admin.api, `?q=${'长'.repeat(101)}`),
      await deletedList(street.admin.api, '?q=%00'),
      await deletedList(street.admin.api, '?q=a&q=b'),
      await restore(street.admin.api, 'nonsense', 'x'),
      await restore(street.admin.api, 'compounds', '%00'),
      await street.admin.api.history('compounds', '%00'),
    ]) {
      expect(reply.status, reply.text).toBeGreaterThanOrEqual(400);
      expect(reply.status, reply.text).toBeLessThan(500);
      expect(reply.error().message).toMatch(CHINESE);
    }
  });

  it('refuses to restore a building whose compound is itself deleted, until the compound is back', async () => {
    const compound = build.compound(street.communityA, { name: '春晖小区' });
    const building = build.building(compound, { name: '5号楼' });
    await pushNew(street.admin.api, 'compounds', [compound]);
    await pushNew(street.admin.api, 'buildings', [building]);
    await pushEdit(street.admin.api, 'buildings', building, { ...building, _deleted: true });
    await pushEdit(street.admin.api, 'compounds', compound, { ...compound, _deleted: true });

    const refused = await restore(street.admin.api, 'buildings', building.id);
    expect(refused.status).toBe(409);
    expect(refused.error().message).toContain('春晖小区');
    expect((await stored(street.admin.api, 'buildings', building.id))?._deleted).toBe(true);

    expect((await restore(street.admin.api, 'compounds', compound.id)).status).toBe(200);
    expect((await restore(street.admin.api, 'buildings', building.id)).status).toBe(200);
    expect((await stored(street.admin.api, 'buildings', building.id))?._deleted).toBe(false);
  });
});
