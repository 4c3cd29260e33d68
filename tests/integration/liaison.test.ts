// A department liaison's reach, enforced by the server: it reads exactly the compounds paired with
// its department and their needs (and the street's names and settings), writes only those needs,
// cannot resolve a need another department claimed, and a re-pairing changes what it pulls next.
import { beforeAll, expect, it } from 'vitest';
import type { WireDoc } from '@domain/collections';
import { applyAction, problem, type NeedAction, type NeedActor } from '@domain/needFlow';
import { forEachBackend } from './support/backends';
import {
  USER_PASSWORD,
  build,
  newId,
  pullToEnd,
  pushEdit,
  pushNew,
  setUpStreet,
  signIn,
  stored,
  uniqueUsername,
  type Session,
  type StreetFixture,
} from './support/street';

type NeedDoc = WireDoc<'needs'>;
type UnitDoc = WireDoc<'units'>;

const staff: NeedActor = { role: 'community_staff' };

const sortedIds = (docs: readonly { id: string }[]): string[] => docs.map((doc) => doc.id).sort();

forEachBackend('department liaison', (backend) => {
  let street: StreetFixture;
  /** Paired with both departments. */
  let shared: WireDoc<'compounds'>;
  /** Paired with department A only, in community A. */
  let onlyA: WireDoc<'compounds'>;
  /** Paired with department A only, in community B: a pairing crosses communities. */
  let onlyAinB: WireDoc<'compounds'>;
  /** Paired with no department. */
  let unpaired: WireDoc<'compounds'>;
  let departmentA: UnitDoc;
  let departmentB: UnitDoc;
  let liaisonA: Session;
  let liaisonB: Session;
  const actorA = (): NeedActor => ({ role: 'department_liaison', unitId: departmentA.id });

  async function createLiaison(unit: UnitDoc, displayName: string): Promise<Session> {
    const username = uniqueUsername('liaison');
    const created = await street.admin.api.createUser({ username, password: USER_PASSWORD, displayName, role: 'department_liaison', communityIds: [], unitId: unit.id });
    expect(created.status, created.text).toBe(201);
    return signIn(backend.url, username, USER_PASSWORD);
  }

  /** The need after one step, built as a client builds it. */
  function step(need: NeedDoc, action: NeedAction, actor: NeedActor, extra: { note?: string } = {}): NeedDoc {
    const result = applyAction(need, action, actor, { entryId: newId(), at: new Date().toISOString(), by: 'user', deviceId: 'device', ...extra });
    if (!result.ok) throw new Error(result.problem.message);
    return { ...result.need, _deleted: need._deleted };
  }

  /** A need recorded and listed by staff (the admin, who serves both communities), stored on the server. */
  async function listedNeed(compound: WireDoc<'compounds'>, description = '楼道灯损坏，老人夜间出行不便'): Promise<NeedDoc> {
    const draft: NeedDoc = {
      id: newId(),
      streetId: street.streetId,
      communityId: compound.communityId,
      compoundId: compound.id,
      description,
      state: 'submitted',
      _deleted: false,
    };
    const listed = step(step(draft, 'record', staff), 'list', staff);
    await pushNew(street.admin.api, 'needs', [listed]);
    return listed;
  }

  beforeAll(async () => {
    street = await setUpStreet(backend.url);
    shared = build.compound(street.communityA, { name: '东门小区' });
    onlyA = build.compound(street.communityA, { name: '西门小区' });
    unpaired = build.compound(street.communityA, { name: '南门小区' });
    onlyAinB = build.compound(street.communityB, { name: '北苑小区' });
    await pushNew(street.admin.api, 'compounds', [shared, onlyA, unpaired, onlyAinB]);
    departmentA = { id: newId(), streetId: street.streetId, kind: 'department', name: '市住建局', pairedCompoundIds: [shared.id, onlyA.id, onlyAinB.id], _deleted: false };
    departmentB = { id: newId(), streetId: street.streetId, kind: 'department', name: '市卫健局', pairedCompoundIds: [shared.id], _deleted: false };
    await pushNew(street.admin.api, 'units', [departmentA, departmentB]);
    // What a liaison must never see: people, buildings and the units list, even of its own compounds.
    await pushNew(street.admin.api, 'buildings', [build.building(shared), build.building(unpaired)]);
    await pushNew(street.admin.api, 'members', [build.member(street.communityA, { compoundId: shared.id }), build.member(street.communityB)]);
    liaisonA = await createLiaison(departmentA, '王联络');
    liaisonB = await createLiaison(departmentB, '刘联络');
  });

  it('pulls exactly the compounds paired with its department and their needs, and no people, buildings or units', async () => {
    const needs = await Promise.all([shared, onlyA, onlyAinB, unpaired].map((compound) => listedNeed(compound)));
    const [ofShared, ofOnlyA, ofOnlyAinB, ofUnpaired] = needs;
    if (!ofShared || !ofOnlyA || !ofOnlyAinB || !ofUnpaired) throw new Error('four needs');

    const pulledNeeds = await pullToEnd<NeedDoc>(liaisonA.api, 'needs');
    expect(sortedIds(pulledNeeds.documents)).toEqual(sortedIds([ofShared, ofOnlyA, ofOnlyAinB]));
    expect(pulledNeeds.documents.find((doc) => doc.id === ofShared.id)).toEqual(ofShared);
    const pulledCompounds = await pullToEnd(liaisonA.api, 'compounds');
    expect(sortedIds(pulledCompounds.documents)).toEqual(sortedIds([shared, onlyA, onlyAinB]));
    expect(JSON.stringify([pulledNeeds, pulledCompounds])).not.toContain(unpaired.id);

    // Department B is paired with one compound: its liaison sees that one and its need only.
    expect(sortedIds((await pullToEnd(liaisonB.api, 'needs')).documents)).toEqual([ofShared.id]);
    expect(sortedIds((await pullToEnd(liaisonB.api, 'compounds')).documents)).toEqual([shared.id]);

    // Score sheets are read by their parties (tested below); none exist yet.
    for (const collection of ['members', 'buildings', 'units', 'grids', 'orgs', 'activities', 'ledger', 'assessments'] as const) {
      const reply = await liaisonA.api.pull(collection);
      expect(reply.status, collection).toBe(200);
      expect(reply.ok().documents, collection).toEqual([]);
    }
    // The street's names and settings are read, so the app can show communities and categories.
    expect(sortedIds((await pullToEnd(liaisonA.api, 'communities')).documents)).toEqual(sortedIds([street.communityA, street.communityB]));
  });

  it('refuses with 403 out_of_scope any write to a need of a compound not paired with its department, writing nothing of the push', async () => {
    const ofUnpaired = await listedNeed(unpaired);
    const ofShared = await listedNeed(shared);
    const edited = { ...ofUnpaired, description: '联络员改写的描述' };
    const reply = await liaisonA.api.push('needs', [{ assumedMasterState: ofUnpaired, newDocumentState: edited }]);
    expect(reply.status).toBe(403);
    expect(reply.error().code).toBe('out_of_scope');
    expect(await stored(street.admin.api, 'needs', ofUnpaired.id)).toEqual(ofUnpaired);

    // A valid claim in the same push is not written either: a push is accepted whole or not at all.
    const claimed = step(ofShared, 'claim', actorA());
    const mixed = await liaisonA.api.push('needs', [
      { assumedMasterState: ofShared, newDocumentState: claimed },
      { assumedMasterState: ofUnpaired, newDocumentState: edited },
    ]);
    expect(mixed.status).toBe(403);
    expect(mixed.error().code).toBe('out_of_scope');
    expect(await stored(street.admin.api, 'needs', ofShared.id)).toEqual(ofShared);

    // Nor may it move its own compound's need out to another compound, or record a new one there.
    const moved = { ...ofShared, compoundId: unpaired.id };
    expect((await liaisonA.api.push('needs', [{ assumedMasterState: ofShared, newDocumentState: moved }])).status).toBe(403);
    const fresh: NeedDoc = { ...ofUnpaired, id: newId(), steps: [] };
    expect((await liaisonA.api.push('needs', [{ newDocumentState: fresh }])).status).toBe(403);
    expect(await stored(street.admin.api, 'needs', ofShared.id)).toEqual(ofShared);
    expect(await stored(street.admin.api, 'needs', fresh.id)).toBeUndefined();
  });

  it("refuses department B resolving a need department A claimed, with 422 invalid_transition, writing nothing; A may resolve it", async () => {
    const listed = await listedNeed(shared);
    const claimedByA = step(listed, 'claim', actorA());
    await pushEdit(liaisonA.api, 'needs', listed, claimedByA);

    // B builds the step as a client would that ignored who claimed it.
    const resolvedByB: NeedDoc = {
      ...claimedByA,
      state: 'resolved',
      steps: [...(claimedByA.steps ?? []), { id: newId(), at: new Date().toISOString(), by: 'liaison-b', action: 'resolve', toState: 'resolved' }],
    };
    const reply = await liaisonB.api.push('needs', [{ assumedMasterState: claimedByA, newDocumentState: resolvedByB }]);
    expect(reply.status).toBe(422);
    expect(reply.error().code).toBe('invalid_transition');
    expect(reply.error().message).toBe(problem('otherUnit', { action: 'resolve' }).message);
    expect(reply.error().details).toEqual([{ row: 0, id: listed.id, field: 'state', message: reply.error().message }]);
    expect(await stored(street.admin.api, 'needs', listed.id)).toEqual(claimedByA);

    const resolvedByA = step(claimedByA, 'resolve', actorA(), { note: '已更换楼道灯' });
    await pushEdit(liaisonA.api, 'needs', claimedByA, resolvedByA);
    expect(await stored(street.admin.api, 'needs', listed.id)).toMatchObject({ state: 'resolved', claimedByUnitId: departmentA.id });
  });

  it("refuses department B taking over A's claim or rewriting the need while leaving its state, writing nothing", async () => {
    const listed = await listedNeed(shared, '单元门禁损坏');
    const claimedByA = step(listed, 'claim', actorA());
    await pushEdit(liaisonA.api, 'needs', listed, claimedByA);

    const takenOver: NeedDoc = {
      ...claimedByA,
      claimedByUnitId: departmentB.id,
      steps: [...(claimedByA.steps ?? []), { id: newId(), at: new Date().toISOString(), by: 'liaison-b', action: 'claim', toState: 'claimed', unitId: departmentB.id }],
    };
    const rewritten: NeedDoc = { ...claimedByA, description: '居民已撤回诉求' };
    const deleted: NeedDoc = { ...claimedByA, _deleted: true };
    const expected = [problem('claimChanged'), problem('liaisonFieldsOnly'), problem('liaisonCannotDelete')];
    for (const [index, attempt] of [takenOver, rewritten, deleted].entries()) {
      const reply = await liaisonB.api.push('needs', [{ assumedMasterState: claimedByA, newDocumentState: attempt }]);
      expect(reply.status).toBe(422);
      expect(reply.error().code).toBe('invalid_transition');
      expect(reply.error().message).toBe(expected[index]?.message);
    }
    expect(await stored(street.admin.api, 'needs', listed.id)).toEqual(claimedByA);
  });

  it("reads the score sheets its department gave or received, writes only those it gives, and sees no other department's", async () => {
    const sheet = (direction: WireDoc<'assessments'>['direction'], assessorId: string, assesseeId: string): WireDoc<'assessments'> => ({
      id: newId(),
      streetId: street.streetId,
      year: 2025,
      direction,
      assessorId,
      assesseeId,
      scores: [{ criterionId: 'criterion-a', score: 88 }],
      _deleted: false,
    });
    // The street rates both departments (admin); department A rates the street and a community itself.
    const ratedA = sheet('streetToDepartment', street.streetId, departmentA.id);
    const ratedB = sheet('streetToDepartment', street.streetId, departmentB.id);
    await pushNew(street.admin.api, 'assessments', [ratedA, ratedB]);
    const onStreet = sheet('departmentToStreet', departmentA.id, street.streetId);
    const onCommunity = sheet('departmentToCommunity', departmentA.id, street.communityA.id);
    await pushNew(liaisonA.api, 'assessments', [onStreet, onCommunity]);

    expect(sortedIds((await pullToEnd(liaisonA.api, 'assessments')).documents)).toEqual(sortedIds([ratedA, onStreet, onCommunity]));
    expect((await pullToEnd(liaisonB.api, 'assessments')).documents.map((doc) => doc.id)).toEqual([ratedB.id]);
    expect(sortedIds((await pullToEnd(street.admin.api, 'assessments')).documents)).toEqual(expect.arrayContaining(sortedIds([ratedA, ratedB, onStreet, onCommunity])));

    // Its own rating, another department's sheet, a sheet in another's name: refused, nothing written.
    const raised = { ...ratedA, scores: [{ criterionId: 'criterion-a', score: 100 }] };
    const inBsName = sheet('departmentToStreet', departmentB.id, street.streetId);
    for (const [assumed, next] of [[ratedA, raised], [null, inBsName]] as const) {
      const reply = await liaisonA.api.push('assessments', [{ assumedMasterState: assumed, newDocumentState: next }]);
      expect(reply.status).toBe(403);
      expect(reply.error().code).toBe('forbidden');
    }
    expect(await stored(street.admin.api, 'assessments', ratedA.id)).toEqual(ratedA);
    expect(await stored(street.admin.api, 'assessments', inBsName.id)).toBeUndefined();
    // Department B cannot change A's sheet on the street either.
    const reply = await liaisonB.api.push('assessments', [{ assumedMasterState: onStreet, newDocumentState: { ...onStreet, note: '改' } }]);
    expect(reply.status).toBe(403);
    expect(await stored(street.admin.api, 'assessments', onStreet.id)).toEqual(onStreet);
  });

  it("changes what the liaison pulls next when the admin re-pairs the department: the left compound's need comes back in removed", async () => {
    const ofOnlyA = await listedNeed(onlyA, '小区门口积水');
    const ofUnpaired = await listedNeed(unpaired, '垃圾清运不及时');
    const beforeNeeds = await pullToEnd<NeedDoc>(liaisonA.api, 'needs');
    const beforeCompounds = await pullToEnd(liaisonA.api, 'compounds');
    expect(sortedIds(beforeNeeds.documents)).toContain(ofOnlyA.id);
    expect(sortedIds(beforeNeeds.documents)).not.toContain(ofUnpaired.id);

    // onlyA leaves department A's pairing, unpaired joins it.
    const current = await stored(street.admin.api, 'units', departmentA.id);
    if (!current) throw new Error('department A is stored');
    const repaired: UnitDoc = { ...current, pairedCompoundIds: [shared.id, onlyAinB.id, unpaired.id] };
    await pushEdit(street.admin.api, 'units', current, repaired);
    departmentA = repaired;

    const afterNeeds = await pullToEnd<NeedDoc>(liaisonA.api, 'needs', beforeNeeds.checkpoint);
    const left = beforeNeeds.documents.filter((doc) => doc.compoundId === onlyA.id);
    expect(left.length).toBeGreaterThan(0);
    expect([...afterNeeds.removed].sort()).toEqual(sortedIds(left));
    const everything = await pullToEnd<NeedDoc>(street.admin.api, 'needs');
    const nowPaired = everything.documents.filter((doc) => [shared.id, onlyAinB.id, unpaired.id].includes(doc.compoundId));
    expect(sortedIds(afterNeeds.documents)).toEqual(sortedIds(nowPaired));
    expect(sortedIds(afterNeeds.documents)).toContain(ofUnpaired.id);
    expect(JSON.stringify(afterNeeds.documents)).not.toContain(onlyA.id);

    const afterCompounds = await pullToEnd(liaisonA.api, 'compounds', beforeCompounds.checkpoint);
    expect(afterCompounds.removed).toEqual([onlyA.id]);
    expect(sortedIds(afterCompounds.documents)).toEqual(sortedIds([shared, onlyAinB, unpaired]));

    // And the server's write rules follow the pairing at once: the left compound's need is out of reach.
    const edit = { ...ofOnlyA, description: '已不归本部门' };
    expect((await liaisonA.api.push('needs', [{ assumedMasterState: ofOnlyA, newDocumentState: edit }])).status).toBe(403);
    const claimed = step(ofUnpaired, 'claim', actorA());
    await pushEdit(liaisonA.api, 'needs', ofUnpaired, claimed);
  });
});
