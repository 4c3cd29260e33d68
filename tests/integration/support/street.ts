// Builders of valid documents, and the street most tests start from: the admin, communities A
// and B, and a community worker of A. Everything is created through the API, as a client would.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { CollectionName, WireDoc } from '@domain/collections';
import type { AdminUser, Checkpoint, LoginResponse, PullResponse, Role } from '@domain/contract';
import { ADMIN } from './backends';
import { ApiClient } from './client';

export const USER_PASSWORD = 'Shequ#2024-worker';

let counter = 0;
/** A username no other test of the run uses (3–32 of [A-Za-z0-9_.-]). */
export function uniqueUsername(prefix: string): string {
  counter += 1;
  return `${prefix}_${counter}_${randomUUID().slice(0, 6)}`;
}

export const newId = (): string => randomUUID();

export const build = {
  community: (streetId: string, name: string): WireDoc<'communities'> => ({ id: newId(), streetId, name, _deleted: false }),
  compound: (community: WireDoc<'communities'>, fields: Partial<WireDoc<'compounds'>> = {}): WireDoc<'compounds'> => ({
    id: newId(),
    streetId: community.streetId,
    communityId: community.id,
    name: '幸福小区',
    propertyManaged: false,
    residentCount: 320,
    pilot: true,
    _deleted: false,
    ...fields,
  }),
  building: (compound: WireDoc<'compounds'>, fields: Partial<WireDoc<'buildings'>> = {}): WireDoc<'buildings'> => ({
    id: newId(),
    streetId: compound.streetId,
    communityId: compound.communityId,
    compoundId: compound.id,
    name: '3号楼',
    _deleted: false,
    ...fields,
  }),
  member: (community: WireDoc<'communities'>, fields: Partial<WireDoc<'members'>> = {}): WireDoc<'members'> => ({
    id: newId(),
    streetId: community.streetId,
    communityId: community.id,
    name: '张三',
    isPartyMember: true,
    _deleted: false,
    ...fields,
  }),
};

export interface Session {
  api: ApiClient;
  login: LoginResponse;
}

export async function signIn(url: string, username: string, password: string): Promise<Session> {
  const login = (await new ApiClient(url).login(username, password)).ok();
  return { api: new ApiClient(url, login.token), login };
}

/** Pushes new documents and expects every row accepted. */
export async function pushNew<C extends CollectionName>(api: ApiClient, collection: C, docs: readonly WireDoc<C>[]): Promise<void> {
  const reply = await api.push(collection, docs.map((doc) => ({ newDocumentState: doc })));
  expect(reply.ok()).toEqual([]);
}

/** Pushes an edit of a stored document and expects it accepted. */
export async function pushEdit<C extends CollectionName>(api: ApiClient, collection: C, assumed: WireDoc<C>, next: WireDoc<C>): Promise<void> {
  const reply = await api.push(collection, [{ assumedMasterState: assumed, newDocumentState: next }]);
  expect(reply.ok()).toEqual([]);
}

/** Pulls from `checkpoint` (or the start) until the server has nothing more. */
export async function pullToEnd<D = WireDoc>(api: ApiClient, collection: CollectionName, checkpoint?: Checkpoint): Promise<PullResponse<D>> {
  const limit = 1000;
  const documents: D[] = [];
  const removed: string[] = [];
  let next = checkpoint;
  for (;;) {
    const page = (await api.pull<D>(collection, { checkpoint: next, limit })).ok();
    documents.push(...page.documents);
    removed.push(...page.removed);
    next = page.checkpoint;
    if (page.documents.length < limit) return { documents, removed, checkpoint: page.checkpoint };
  }
}

/** The server's current state of one document as the caller sees it, or undefined. */
export async function stored<C extends CollectionName>(api: ApiClient, collection: C, id: string): Promise<WireDoc<C> | undefined> {
  const { documents } = await pullToEnd<WireDoc<C>>(api, collection);
  return documents.find((doc) => doc.id === id);
}

export interface StreetFixture {
  url: string;
  streetId: string;
  admin: Session;
  communityA: WireDoc<'communities'>;
  communityB: WireDoc<'communities'>;
  /** A community worker serving only community A. */
  staffA: Session & { user: AdminUser };
}

export async function createUser(admin: ApiClient, role: Role, communityIds: string[], prefix = 'staff'): Promise<AdminUser> {
  const reply = await admin.createUser({ username: uniqueUsername(prefix), password: USER_PASSWORD, displayName: '李四', role, communityIds });
  expect(reply.status, reply.text).toBe(201);
  return reply.ok();
}

export async function createStaff(url: string, admin: ApiClient, communityIds: string[]): Promise<Session & { user: AdminUser }> {
  const user = await createUser(admin, 'community_staff', communityIds);
  return { ...(await signIn(url, user.username, USER_PASSWORD)), user };
}

export async function setUpStreet(url: string): Promise<StreetFixture> {
  const admin = await signIn(url, ADMIN.username, ADMIN.password);
  const streetId = admin.login.user.streetId;
  const communityA = build.community(streetId, '东门社区');
  const communityB = build.community(streetId, '西门社区');
  await pushNew(admin.api, 'communities', [communityA, communityB]);
  const staffA = await createStaff(url, admin.api, [communityA.id]);
  return { url, streetId, admin, communityA, communityB, staffA };
}

/** Chinese a person can read: at least one CJK character. */
export const CHINESE = /[\u4e00-\u9fff]/;
