// Documents that leave a caller's scope come back as ids in `removed`, never as documents.
import { beforeAll, expect, it } from 'vitest';
import type { WireDoc } from '@domain/collections';
import { forEachBackend } from './support/backends';
import { build, createStaff, pullToEnd, pushEdit, pushNew, setUpStreet, type StreetFixture } from './support/street';

forEachBackend('removed', (backend) => {
  let street: StreetFixture;
  beforeAll(async () => {
    street = await setUpStreet(backend.url);
    const members = [
      ...['赵一', '钱二', '孙三'].map((name) => build.member(street.communityA, { name })),
      ...['李四', '周五'].map((name) => build.member(street.communityB, { name })),
    ];
    await pushNew(street.admin.api, 'members', members);
  });

  it('sends a member moved to another community as removed, not as a document', async () => {
    const { api } = street.staffA;
    const before = await pullToEnd<WireDoc<'members'>>(api, 'members');
    const leaving = before.documents[0];
    if (!leaving) throw new Error('community A has members');

    const moved = { ...leaving, communityId: street.communityB.id };
    await pushEdit(street.admin.api, 'members', leaving, moved);

    const after = await pullToEnd(api, 'members', before.checkpoint);
    expect(after.removed).toEqual([leaving.id]);
    expect(after.documents.map((doc) => doc.id)).not.toContain(leaving.id);
    // Nothing of the moved member crosses: not in this pull, nor in a pull from the start.
    expect(JSON.stringify(after)).not.toContain(street.communityB.id);
    expect((await pullToEnd(api, 'members')).documents.map((doc) => doc.id)).not.toContain(leaving.id);
  });

  it('restarts a pull from the beginning after a scope change, removing what is no longer visible', async () => {
    const worker = await createStaff(backend.url, street.admin.api, [street.communityA.id]);
    const before = await pullToEnd<WireDoc<'members'>>(worker.api, 'members');
    const idsOfA = before.documents.map((doc) => doc.id);
    expect(idsOfA.length).toBeGreaterThan(0);

    expect((await street.admin.api.setScope(worker.user.id, [street.communityB.id])).status).toBeLessThan(300);

    const everything = await pullToEnd<WireDoc<'members'>>(street.admin.api, 'members');
    const membersOfB = everything.documents.filter((doc) => doc.communityId === street.communityB.id);
    const after = await pullToEnd<WireDoc<'members'>>(worker.api, 'members', before.checkpoint);
    expect(after.documents).toEqual(membersOfB);
    expect([...after.removed].sort()).toEqual([...idsOfA].sort());
  });
});
