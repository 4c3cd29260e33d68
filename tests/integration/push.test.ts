// Push: accepted rows come back exactly, retries are harmless, stale rows answer the server's
// state and are not written, deletes travel as full tombstones, every accepted write is audited.
import { beforeAll, expect, it } from 'vitest';
import type { WireDoc } from '@domain/collections';
import { forEachBackend } from './support/backends';
import { build, pullToEnd, pushEdit, pushNew, setUpStreet, stored, type StreetFixture } from './support/street';

forEachBackend('push', (backend) => {
  let street: StreetFixture;
  beforeAll(async () => {
    street = await setUpStreet(backend.url);
  });

  it('accepts a new document and pulls it back exactly as pushed', async () => {
    const { api } = street.staffA;
    const { checkpoint } = await pullToEnd(api, 'compounds');
    const compound = build.compound(street.communityA, {
      address: '灵武市东门街12号',
      venues: [{ id: 'v1', kind: 'newBuilt', name: '党群服务站', areaSquareMeters: 60.5, openedOn: '2020-05-01' }],
      note: '试点小区',
    });
    expect((await api.push('compounds', [{ newDocumentState: compound }])).ok()).toEqual([]);
    const page = await pullToEnd(api, 'compounds', checkpoint);
    expect(page.documents).toEqual([compound]);
  });

  it('treats a retried push as a no-op: answers [] and records no new change', async () => {
    const { api } = street.staffA;
    const member = build.member(street.communityA, { mobile: '13812345678' });
    const rows = [{ newDocumentState: member }];
    expect((await api.push('members', rows)).ok()).toEqual([]);
    const { checkpoint } = await pullToEnd(api, 'members');
    expect((await api.push('members', rows)).ok()).toEqual([]);
    const updated = { ...member, name: '张三丰' };
    const update = [{ assumedMasterState: member, newDocumentState: updated }];
    expect((await api.push('members', update)).ok()).toEqual([]);
    const afterUpdate = await pullToEnd(api, 'members', checkpoint);
    expect(afterUpdate.documents).toEqual([updated]);
    expect((await api.push('members', update)).ok()).toEqual([]);
    expect((await pullToEnd(api, 'members', afterUpdate.checkpoint)).documents).toEqual([]);
  });

  it('answers a stale push with the server state and does not write it', async () => {
    const { api } = street.staffA;
    const base = build.member(street.communityA, { name: '王五' });
    await pushNew(api, 'members', [base]);
    const serverEdit = { ...base, name: '王五（已改）', workUnit: '灵武市民政局' };
    await pushEdit(street.admin.api, 'members', base, serverEdit);

    const staleEdit = { ...base, note: '离线时填写' };
    const conflicts = (await api.push('members', [{ assumedMasterState: base, newDocumentState: staleEdit }])).ok();
    expect(conflicts).toEqual([serverEdit]);
    expect(await stored(api, 'members', base.id)).toEqual(serverEdit);
  });

  it('writes the accepted rows of a push and answers only the stale ones', async () => {
    const { api } = street.staffA;
    const fresh = build.member(street.communityA, { name: '赵六' });
    const contested = build.member(street.communityA, { name: '钱七' });
    await pushNew(api, 'members', [contested]);
    const serverEdit = { ...contested, name: '钱七七' };
    await pushEdit(street.admin.api, 'members', contested, serverEdit);

    const reply = await api.push('members', [
      { newDocumentState: fresh },
      { assumedMasterState: contested, newDocumentState: { ...contested, note: '旧版本上的修改' } },
    ]);
    expect(reply.ok()).toEqual([serverEdit]);
    expect(await stored(api, 'members', fresh.id)).toEqual(fresh);
    expect(await stored(api, 'members', contested.id)).toEqual(serverEdit);
  });

  it('compares states ignoring key order', async () => {
    const { api } = street.staffA;
    const compound = build.compound(street.communityA, { name: '和平小区' });
    await pushNew(api, 'compounds', [compound]);
    const reordered = Object.fromEntries(Object.entries(compound).reverse()) as WireDoc<'compounds'>;
    const edit = { ...compound, residentCount: 400 };
    await pushEdit(api, 'compounds', reordered, edit);
    expect(await stored(api, 'compounds', compound.id)).toEqual(edit);
  });

  it('answers a new document whose id exists with other content as a conflict, unwritten', async () => {
    const { api } = street.staffA;
    const original = build.member(street.communityA, { name: '孙八' });
    await pushNew(api, 'members', [original]);
    for (const assumedMasterState of [undefined, null]) {
      const reply = await api.push('members', [{ assumedMasterState, newDocumentState: { ...original, name: '冒名' } }]);
      expect(reply.ok()).toEqual([original]);
    }
    expect(await stored(api, 'members', original.id)).toEqual(original);
  });

  it('replicates a delete as the full document with _deleted: true', async () => {
    const { api } = street.staffA;
    const compound = build.compound(street.communityA, { name: '将拆小区', address: '西环路8号' });
    await pushNew(api, 'compounds', [compound]);
    const { checkpoint } = await pullToEnd(api, 'compounds');
    const tombstone = { ...compound, _deleted: true };
    await pushEdit(api, 'compounds', compound, tombstone);
    const page = await pullToEnd(api, 'compounds', checkpoint);
    expect(page.documents).toEqual([tombstone]);
    // Another device, starting from scratch, also gets the full tombstone.
    const fromStart = await pullToEnd(street.admin.api, 'compounds');
    expect(fromStart.documents.find((doc) => doc.id === compound.id)).toEqual(tombstone);
  });

  it('lists each accepted write of a member, oldest first, with its author and device', async () => {
    const created = build.member(street.communityA, { name: '刘一' });
    await pushNew(street.staffA.api, 'members', [created]);
    const renamed = { ...created, name: '刘一一' };
    await pushEdit(street.admin.api, 'members', created, renamed);
    // Neither a retry nor a refused stale write is an accepted write.
    await pushEdit(street.admin.api, 'members', created, renamed);
    const stale = await street.staffA.api.push('members', [{ assumedMasterState: created, newDocumentState: { ...created, note: '旧' } }]);
    expect(stale.ok()).toEqual([renamed]);
    const deleted = { ...renamed, _deleted: true };
    await pushEdit(street.staffA.api, 'members', renamed, deleted);

    const history = (await street.staffA.api.history('members', created.id)).ok();
    expect(history).toHaveLength(3);
    const [first, second, third] = history;
    expect(first).toMatchObject({ before: null, after: created, userId: street.staffA.login.user.id, deviceId: street.staffA.login.deviceId });
    expect(second).toMatchObject({ before: created, after: renamed, userId: street.admin.login.user.id, deviceId: street.admin.login.deviceId });
    expect(second?.username).toBe(street.admin.login.user.username);
    expect(third).toMatchObject({ before: renamed, after: deleted, userId: street.staffA.login.user.id });
    for (const entry of history) expect(Number.isNaN(Date.parse(entry.at))).toBe(false);
  });

  it('answers 404 for the history of a document outside the caller scope', async () => {
    const elsewhere = build.member(street.communityB, { name: '外社区成员' });
    await pushNew(street.admin.api, 'members', [elsewhere]);
    expect((await street.admin.api.history('members', elsewhere.id)).ok()).toHaveLength(1);
    const reply = await street.staffA.api.history('members', elsewhere.id);
    expect(reply.status).toBe(404);
    expect(reply.error().code).toBe('not_found');
  });
});
