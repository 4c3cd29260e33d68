// Scope: a community worker reads and writes only their communities, whatever the client sends.
import { beforeAll, expect, it } from 'vitest';
import type { WireDoc } from '@domain/collections';
import { forEachBackend } from './support/backends';
import { CHINESE, build, pullToEnd, pushNew, setUpStreet, stored, type StreetFixture } from './support/street';

forEachBackend('scope', (backend) => {
  let street: StreetFixture;
  let compoundA: WireDoc<'compounds'>;
  let compoundB: WireDoc<'compounds'>;
  let memberA: WireDoc<'members'>;
  let memberB: WireDoc<'members'>;
  beforeAll(async () => {
    street = await setUpStreet(backend.url);
    compoundA = build.compound(street.communityA, { name: '东门小区' });
    compoundB = build.compound(street.communityB, { name: '西门小区' });
    memberA = build.member(street.communityA, { name: '东门党员', compoundId: compoundA.id });
    memberB = build.member(street.communityB, { name: '西门党员', compoundId: compoundB.id });
    await pushNew(street.admin.api, 'compounds', [compoundA, compoundB]);
    await pushNew(street.admin.api, 'members', [memberA, memberB]);
  });

  it("pulls only the staff's own community", async () => {
    const compounds = await pullToEnd(street.staffA.api, 'compounds');
    expect(compounds.documents).toEqual([compoundA]);
    const members = await pullToEnd(street.staffA.api, 'members');
    expect(members.documents).toEqual([memberA]);
    // The street-wide collections are read by everyone in the street.
    const communities = await pullToEnd(street.staffA.api, 'communities');
    expect(communities.documents.map((doc) => doc.id).sort()).toEqual([street.communityA.id, street.communityB.id].sort());
  });

  it('refuses a new document of another community with 403 out_of_scope, writing nothing', async () => {
    const intruder = build.member(street.communityB, { name: '越权新增' });
    const reply = await street.staffA.api.push('members', [{ newDocumentState: intruder }]);
    expect(reply.status).toBe(403);
    expect(reply.error().code).toBe('out_of_scope');
    expect(reply.error().message).toMatch(CHINESE);
    expect(await stored(street.admin.api, 'members', intruder.id)).toBeUndefined();
  });

  it('refuses a whole push when one row is out of scope', async () => {
    const own = build.member(street.communityA, { name: '本社区' });
    const other = build.member(street.communityB, { name: '外社区' });
    const reply = await street.staffA.api.push('members', [{ newDocumentState: own }, { newDocumentState: other }]);
    expect(reply.status).toBe(403);
    expect(await stored(street.admin.api, 'members', own.id)).toBeUndefined();
  });

  it("refuses moving the staff's compound to another community, writing nothing", async () => {
    const moved = { ...compoundA, communityId: street.communityB.id };
    const reply = await street.staffA.api.push('compounds', [{ assumedMasterState: compoundA, newDocumentState: moved }]);
    expect(reply.status).toBe(403);
    expect(reply.error().code).toBe('out_of_scope');
    expect(await stored(street.admin.api, 'compounds', compoundA.id)).toEqual(compoundA);
  });

  it("refuses updating another community's document while claiming the staff's community", async () => {
    const hijacked = { ...memberB, communityId: street.communityA.id, compoundId: compoundA.id, name: '被改名' };
    for (const assumedMasterState of [memberB, hijacked, undefined]) {
      const reply = await street.staffA.api.push('members', [{ assumedMasterState, newDocumentState: hijacked }]);
      expect(reply.status).toBe(403);
      expect(reply.error().code).toBe('out_of_scope');
    }
    expect(await stored(street.admin.api, 'members', memberB.id)).toEqual(memberB);
  });

  it('refuses a building of the staff community pointing at a compound of another community', async () => {
    const building = build.building({ ...compoundB, communityId: street.communityA.id });
    const reply = await street.staffA.api.push('buildings', [{ newDocumentState: building }]);
    // The referenced compound lies outside the caller's scope: 403 out_of_scope is the expected
    // answer; 422 invalid_document (a reference across communities) would also keep the rule.
    expect([403, 422]).toContain(reply.status);
    expect(['out_of_scope', 'invalid_document']).toContain(reply.error().code);
    expect(await stored(street.admin.api, 'buildings', building.id)).toBeUndefined();
  });

  it('refuses street-wide collections to a community worker with 403 forbidden', async () => {
    const community = build.community(street.streetId, '新设社区');
    const create = await street.staffA.api.push('communities', [{ newDocumentState: community }]);
    expect(create.status).toBe(403);
    expect(create.error().code).toBe('forbidden');
    const rename = await street.staffA.api.push('communities', [
      { assumedMasterState: street.communityA, newDocumentState: { ...street.communityA, name: '改名社区' } },
    ]);
    expect(rename.status).toBe(403);
    expect(rename.error().code).toBe('forbidden');
    expect(await stored(street.admin.api, 'communities', community.id)).toBeUndefined();
    expect(await stored(street.admin.api, 'communities', street.communityA.id)).toEqual(street.communityA);
  });

  it('refuses the admin routes to a community worker with 403 forbidden', async () => {
    const list = await street.staffA.api.listUsers();
    expect(list.status).toBe(403);
    expect(list.error().code).toBe('forbidden');
    const create = await street.staffA.api.createUser({
      username: 'sneaky_admin',
      password: 'Sneaky#2024-pass',
      displayName: '冒充管理员',
      role: 'street_admin',
      communityIds: [],
    });
    expect(create.status).toBe(403);
    expect(create.error().code).toBe('forbidden');
    expect((await street.staffA.api.devices()).status).toBe(403);
    const users = (await street.admin.api.listUsers()).ok();
    expect(users.map((user) => user.username)).not.toContain('sneaky_admin');
  });
});
