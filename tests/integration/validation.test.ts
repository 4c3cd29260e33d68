// A push is validated as a whole before anything is written: schema, cross-field rules,
// references (a building's compound, a member's building), body shape.
import { beforeAll, expect, it } from 'vitest';
import type { AnyDoc, WireDoc } from '@domain/collections';
import { MAX_PUSH_ROWS } from '@domain/contract';
import { idCheckDigit } from '@domain/identity';
import { forEachBackend } from './support/backends';
import { CHINESE, build, newId, pullToEnd, pushEdit, pushNew, setUpStreet, stored, type StreetFixture } from './support/street';

const validIdFirst17 = '64018119800101123';
const validIdNumber = validIdFirst17 + idCheckDigit(validIdFirst17);
const wrongCheckDigit = validIdFirst17 + (idCheckDigit(validIdFirst17) === '0' ? '1' : '0');

forEachBackend('push validation', (backend) => {
  let street: StreetFixture;
  let north: WireDoc<'compounds'>;
  let south: WireDoc<'compounds'>;
  let southBuilding: WireDoc<'buildings'>;
  beforeAll(async () => {
    street = await setUpStreet(backend.url);
    north = build.compound(street.communityA, { name: '北苑' });
    south = build.compound(street.communityA, { name: '南苑' });
    southBuilding = build.building(south, { name: '1号楼' });
    await pushNew(street.staffA.api, 'compounds', [north, south]);
    await pushNew(street.staffA.api, 'buildings', [southBuilding]);
  });

  const invalidDocuments: ReadonlyArray<[problem: string, collection: string, doc: () => AnyDoc, field: string]> = [
    ['a missing required field', 'compounds', () => withoutName(build.compound(street.communityA)), 'name'],
    ['a field of the wrong type', 'compounds', () => ({ ...build.compound(street.communityA), residentCount: '很多' }), 'residentCount'],
    ['an unknown field', 'compounds', () => ({ ...build.compound(street.communityA), floorArea: 1200 }), 'floorArea'],
    ['an ID number with a wrong check digit', 'members', () => build.member(street.communityA, { idNumber: wrongCheckDigit }), 'idNumber'],
    ['an invalid mobile', 'members', () => build.member(street.communityA, { mobile: '12345678901' }), 'mobile'],
  ];

  it.each(invalidDocuments)('refuses %s with 422 invalid_document naming row, id and field', async (_, collection, makeDoc, field) => {
    const doc = makeDoc();
    const reply = await street.staffA.api.push(collection, [{ newDocumentState: doc }]);
    expect(reply.status, reply.text).toBe(422);
    const error = reply.error();
    expect(error.code).toBe('invalid_document');
    expect(error.details).toContainEqual(expect.objectContaining({ row: 0, id: doc.id, field }));
    for (const detail of error.details ?? []) expect(detail.message).toMatch(CHINESE);
  });

  it('accepts a valid ID number and mobile', async () => {
    const member = build.member(street.communityA, { idNumber: validIdNumber, mobile: '13912345678', gender: 'male', birthDate: '1980-01-01' });
    expect((await street.staffA.api.push('members', [{ newDocumentState: member }])).ok()).toEqual([]);
  });

  it('writes nothing of a push whose third row is invalid', async () => {
    const { api } = street.staffA;
    const { checkpoint } = await pullToEnd(api, 'members');
    const rows = [
      build.member(street.communityA, { name: '甲' }),
      build.member(street.communityA, { name: '乙' }),
      build.member(street.communityA, { name: '丙', mobile: '1381234' }),
    ].map((doc) => ({ newDocumentState: doc }));
    const reply = await api.push('members', rows);
    expect(reply.status).toBe(422);
    expect(reply.error().details).toContainEqual(expect.objectContaining({ row: 2, id: rows[2]?.newDocumentState.id, field: 'mobile' }));
    expect((await pullToEnd(api, 'members', checkpoint)).documents).toEqual([]);
  });

  it.each([
    ['a body that is not JSON', 'not json'],
    ['an object instead of an array', JSON.stringify({ newDocumentState: { id: 'x' } })],
    ['a row without newDocumentState', JSON.stringify([{ assumedMasterState: null }])],
    ['a row that is not an object', JSON.stringify(['member'])],
  ])('refuses %s with 400 and a JSON error', async (_, raw) => {
    const reply = await street.staffA.api.send('POST', '/api/sync/members/push', { raw });
    expect(reply.status).toBe(400);
    expect(reply.error().code).toBe('bad_request');
    expect(reply.error().message).toMatch(CHINESE);
  });

  it(`refuses more than ${MAX_PUSH_ROWS} rows with 413 too_large, writing nothing`, async () => {
    const { api } = street.staffA;
    const { checkpoint } = await pullToEnd(api, 'members');
    const rows = Array.from({ length: MAX_PUSH_ROWS + 1 }, () => ({ newDocumentState: build.member(street.communityA) }));
    const reply = await api.push('members', rows);
    expect(reply.status).toBe(413);
    expect(reply.error().code).toBe('too_large');
    expect((await pullToEnd(api, 'members', checkpoint)).documents).toEqual([]);
  });

  it('refuses a building whose compound does not exist with 422, writing nothing', async () => {
    const building = build.building({ ...north, id: newId() });
    const reply = await street.staffA.api.push('buildings', [{ newDocumentState: building }]);
    expect(reply.status).toBe(422);
    expect(reply.error().code).toBe('invalid_document');
    expect(reply.error().details).toContainEqual(expect.objectContaining({ row: 0, id: building.id, field: 'compoundId' }));
    expect(await stored(street.admin.api, 'buildings', building.id)).toBeUndefined();
  });

  it('refuses a building whose compound is deleted', async () => {
    const doomed = build.compound(street.communityA, { name: '待撤并小区' });
    await pushNew(street.staffA.api, 'compounds', [doomed]);
    const tombstone = { ...doomed, _deleted: true };
    await pushEdit(street.staffA.api, 'compounds', doomed, tombstone);
    const building = build.building(doomed);
    const reply = await street.staffA.api.push('buildings', [{ newDocumentState: building }]);
    expect(reply.status).toBe(422);
    expect(await stored(street.admin.api, 'buildings', building.id)).toBeUndefined();
  });

  it("refuses a member whose building belongs to another compound with 422", async () => {
    const member = build.member(street.communityA, { compoundId: north.id, buildingId: southBuilding.id });
    const reply = await street.staffA.api.push('members', [{ newDocumentState: member }]);
    expect(reply.status).toBe(422);
    expect(reply.error().code).toBe('invalid_document');
    expect(await stored(street.admin.api, 'members', member.id)).toBeUndefined();
  });

  it('refuses a grid covering a building that does not exist, naming the field, writing nothing', async () => {
    const grid = (buildingIds: string[]): WireDoc<'grids'> => ({
      id: newId(),
      streetId: street.streetId,
      communityId: street.communityA.id,
      name: '第一网格',
      compoundIds: [north.id],
      buildingIds,
      _deleted: false,
    });
    const missing = grid([southBuilding.id, newId()]);
    const reply = await street.staffA.api.push('grids', [{ newDocumentState: missing }]);
    expect(reply.status).toBe(422);
    expect(reply.error().code).toBe('invalid_document');
    expect(reply.error().details).toContainEqual(expect.objectContaining({ row: 0, id: missing.id, field: 'buildingIds' }));
    expect(await stored(street.admin.api, 'grids', missing.id)).toBeUndefined();

    const covering = grid([southBuilding.id]);
    await pushNew(street.staffA.api, 'grids', [covering]);
    expect(await stored(street.admin.api, 'grids', covering.id)).toEqual(covering);
  });

  it("refuses an activity whose participant is not a member of its community, or no member at all, writing nothing", async () => {
    const ours = build.member(street.communityA, { compoundId: north.id });
    const theirs = build.member(street.communityB);
    await pushNew(street.admin.api, 'members', [ours, theirs]);
    const activity = (participantIds: string[]): WireDoc<'activities'> => ({
      id: newId(),
      streetId: street.streetId,
      communityId: street.communityA.id,
      compoundId: north.id,
      date: '2026-05-01',
      kind: 'service',
      title: '党员志愿服务进小区',
      participantIds,
      hours: 2,
      _deleted: false,
    });
    // A person of another community: out of the activity's scope. A person who does not exist: invalid.
    for (const [participantIds, status, code] of [
      [[ours.id, theirs.id], 403, 'out_of_scope'],
      [[ours.id, newId()], 422, 'invalid_document'],
    ] as const) {
      const refused = activity([...participantIds]);
      const reply = await street.admin.api.push('activities', [{ newDocumentState: refused }]);
      expect(reply.status).toBe(status);
      expect(reply.error().code).toBe(code);
      expect(reply.error().details).toContainEqual(expect.objectContaining({ row: 0, id: refused.id, field: 'participantIds' }));
      expect(await stored(street.admin.api, 'activities', refused.id)).toBeUndefined();
    }

    const inside = activity([ours.id]);
    await pushNew(street.staffA.api, 'activities', [inside]);
    expect(await stored(street.admin.api, 'activities', inside.id)).toEqual(inside);
  });

  it('accepts a compound and its building created in one offline session, compound first', async () => {
    const compound = build.compound(street.communityA, { name: '新建小区' });
    const building = build.building(compound);
    await pushNew(street.staffA.api, 'compounds', [compound]);
    await pushNew(street.staffA.api, 'buildings', [building]);
    const member = build.member(street.communityA, { compoundId: compound.id, buildingId: building.id });
    await pushNew(street.staffA.api, 'members', [member]);
    expect(await stored(street.admin.api, 'members', member.id)).toEqual(member);
  });
});

function withoutName<D extends { name: string }>(doc: D): Omit<D, 'name'> {
  const { name: _, ...rest } = doc;
  return rest;
}
