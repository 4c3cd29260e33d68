// The needs list on the server: a need moves only as `@domain/needFlow` allows, whatever a client
// pushes; an illegal step is refused with 422 invalid_transition and nothing written; two devices
// moving the same need offline merge and keep both steps.
import { beforeAll, expect, it } from 'vitest';
import type { AnyDoc, WireDoc } from '@domain/collections';
import { mergeThreeWay } from '@domain/merge';
import { applyAction, type NeedAction, type NeedActor } from '@domain/needFlow';
import { forEachBackend } from './support/backends';
import { USER_PASSWORD, build, newId, pushEdit, pushNew, setUpStreet, signIn, stored, uniqueUsername, type Session, type StreetFixture } from './support/street';

type NeedDoc = WireDoc<'needs'>;

const staff: NeedActor = { role: 'community_staff' };

forEachBackend('need flow', (backend) => {
  let street: StreetFixture;
  let liaison: Session;
  let liaisonActor: NeedActor;
  let paired: WireDoc<'compounds'>;
  let unpaired: WireDoc<'compounds'>;

  beforeAll(async () => {
    street = await setUpStreet(backend.url);
    paired = build.compound(street.communityA, { name: '东门小区' });
    unpaired = build.compound(street.communityA, { name: '南门小区' });
    await pushNew(street.admin.api, 'compounds', [paired, unpaired]);
    const department: WireDoc<'units'> = { id: newId(), streetId: street.streetId, kind: 'department', name: '市住建局', pairedCompoundIds: [paired.id], _deleted: false };
    await pushNew(street.admin.api, 'units', [department]);
    const username = uniqueUsername('liaison');
    const created = await street.admin.api.createUser({
      username,
      password: USER_PASSWORD,
      displayName: '王联络',
      role: 'department_liaison',
      communityIds: [],
      unitId: department.id,
    });
    expect(created.status, created.text).toBe(201);
    liaison = await signIn(backend.url, username, USER_PASSWORD);
    liaisonActor = { role: 'department_liaison', unitId: department.id, compoundIds: [paired.id] };
  });

  /** The need after one step, built as a client builds it. */
  function step(need: NeedDoc, action: NeedAction, actor: NeedActor, extra: { note?: string; unitId?: string } = {}): NeedDoc {
    const result = applyAction(need, action, actor, { entryId: newId(), at: new Date().toISOString(), by: 'user', deviceId: 'device', ...extra });
    if (!result.ok) throw new Error(result.problem.message);
    return { ...result.need, _deleted: need._deleted };
  }

  /** A need recorded and listed by staff, stored on the server. */
  async function listedNeed(compound: WireDoc<'compounds'>): Promise<NeedDoc> {
    const draft: NeedDoc = {
      id: newId(),
      streetId: street.streetId,
      communityId: compound.communityId,
      compoundId: compound.id,
      description: '单元门禁损坏，夜间照明不足',
      state: 'submitted',
      _deleted: false,
    };
    const listed = step(step(draft, 'record', staff), 'list', staff);
    await pushNew(street.staffA.api, 'needs', [listed]);
    return listed;
  }

  it("accepts the paired department's claim and keeps its step", async () => {
    const listed = await listedNeed(paired);
    const claimed = step(listed, 'claim', liaisonActor);
    await pushEdit(liaison.api, 'needs', listed, claimed);
    expect(await stored(street.admin.api, 'needs', listed.id)).toEqual(claimed);
    expect(claimed).toMatchObject({ state: 'claimed', claimedByUnitId: liaisonActor.unitId });
  });

  it('refuses a jump from listed to closed with 422 invalid_transition naming both states, writing nothing', async () => {
    const listed = await listedNeed(paired);
    const steps = [...(listed.steps ?? []), { id: newId(), at: new Date().toISOString(), by: 'user', action: 'confirm', toState: 'closed' as const }];
    const jumped: NeedDoc = { ...listed, state: 'closed', steps };
    const reply = await street.staffA.api.push('needs', [{ assumedMasterState: listed, newDocumentState: jumped }]);
    expect(reply.status).toBe(422);
    const error = reply.error();
    expect(error.code).toBe('invalid_transition');
    expect(error.message).toBe('问题状态不能从“已列入清单”直接变为“已确认关闭”');
    expect(error.details).toEqual([{ row: 0, id: listed.id, field: 'state', message: error.message }]);
    expect(await stored(street.admin.api, 'needs', listed.id)).toEqual(listed);
  });

  it('refuses a step the role may not take, and a new need that starts past listed', async () => {
    const listed = await listedNeed(paired);
    const claimed = step(listed, 'claim', liaisonActor);
    await pushEdit(liaison.api, 'needs', listed, claimed);
    const resolved = step(claimed, 'resolve', liaisonActor);
    await pushEdit(liaison.api, 'needs', claimed, resolved);
    // Only the community confirms the resident's acceptance.
    const confirmed = step(resolved, 'confirm', staff);
    const reply = await liaison.api.push('needs', [{ assumedMasterState: resolved, newDocumentState: confirmed }]);
    expect(reply.status).toBe(422);
    expect(reply.error().code).toBe('invalid_transition');
    expect(reply.error().message).toBe('包抓部门联络员不能对问题执行“确认办结”');
    expect(await stored(street.admin.api, 'needs', listed.id)).toEqual(resolved);

    const draft: NeedDoc = { ...listed, id: newId(), state: 'closed', steps: [] };
    const start = await street.staffA.api.push('needs', [{ newDocumentState: draft }]);
    expect(start.status).toBe(422);
    expect(start.error().code).toBe('invalid_transition');
    expect(await stored(street.admin.api, 'needs', draft.id)).toBeUndefined();
  });

  it('refuses a liaison claiming a need of a compound not paired with its department (403)', async () => {
    const listed = await listedNeed(unpaired);
    const claimed = step(listed, 'claim', { ...liaisonActor, compoundIds: undefined });
    const reply = await liaison.api.push('needs', [{ assumedMasterState: listed, newDocumentState: claimed }]);
    expect(reply.status).toBe(403);
    expect(reply.error().code).toBe('out_of_scope');
    expect(await stored(street.admin.api, 'needs', listed.id)).toEqual(listed);
  });

  it('merges two devices moving the same need offline and keeps both steps', async () => {
    const listed = await listedNeed(paired);
    const claimed = step(listed, 'claim', liaisonActor);
    await pushEdit(liaison.api, 'needs', listed, claimed);
    const coordinating = step(claimed, 'coordinate', staff, { note: '联系物业公司更换门禁' });
    await pushEdit(street.staffA.api, 'needs', claimed, coordinating);
    // Both devices start from `coordinating`: staff records another coordination, the liaison resolves.
    const again = step(coordinating, 'coordinate', staff, { note: '协调供电所检修照明' });
    const resolved = step(coordinating, 'resolve', liaisonActor, { note: '门禁已更换' });
    await pushEdit(street.staffA.api, 'needs', coordinating, again);

    const stale = await liaison.api.push<AnyDoc>('needs', [{ assumedMasterState: coordinating, newDocumentState: resolved }]);
    const [server] = stale.ok();
    expect(server).toEqual(again);
    if (!server) throw new Error('expected a conflict');
    const { merged, conflicts } = mergeThreeWay('needs', coordinating, server, resolved);
    expect(conflicts).toEqual([]);
    const retry = await liaison.api.push('needs', [{ assumedMasterState: server, newDocumentState: merged }]);
    expect(retry.ok()).toEqual([]);

    const final = await stored(street.admin.api, 'needs', listed.id);
    expect(final?.state).toBe('resolved');
    expect(final?.steps?.map((entry) => entry.id)).toEqual([...(again.steps ?? []).map((entry) => entry.id), resolved.steps?.at(-1)?.id]);
  });
});
