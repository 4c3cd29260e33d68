import { describe, expect, it } from 'vitest';
import type { Community } from '@domain/collections';
import type { SessionUser } from '@domain/contract';
import { canCreate, canEdit, visibleCommunities, writableCommunities } from '../src/lib/permissions';

const communities: Community[] = [
  { id: 'c1', streetId: 's1', name: '城区社区' },
  { id: 'c2', streetId: 's1', name: '东塔社区' },
];
const user = (role: SessionUser['role'], communityIds: string[] = []): SessionUser => ({
  id: 'u',
  username: 'u',
  displayName: '用户',
  role,
  streetId: 's1',
  communityIds,
});

describe('what a person may change', () => {
  it('lets community staff put compounds only in their own communities', () => {
    const staff = user('community_staff', ['c2']);
    expect(writableCommunities(staff, communities).map((c) => c.id)).toEqual(['c2']);
    expect(visibleCommunities(staff, communities).map((c) => c.id)).toEqual(['c2']);
    expect(canEdit(staff, 'compounds', { streetId: 's1', communityId: 'c2' })).toBe(true);
    expect(canEdit(staff, 'compounds', { streetId: 's1', communityId: 'c1' })).toBe(false);
    expect(canCreate(staff, 'compounds')).toBe(true);
  });

  it('keeps communities in the hands of street admins', () => {
    expect(canCreate(user('community_staff', ['c1']), 'communities')).toBe(false);
    expect(canEdit(user('community_staff', ['c1']), 'communities', { streetId: 's1' })).toBe(false);
    expect(canCreate(user('street_admin'), 'communities')).toBe(true);
    expect(canEdit(user('street_admin'), 'communities', { streetId: 's1' })).toBe(true);
    expect(canEdit(user('street_admin'), 'communities', { streetId: 'other' })).toBe(false);
  });

  it('gives admins every community and liaisons none to write in', () => {
    expect(writableCommunities(user('street_admin'), communities)).toHaveLength(2);
    expect(writableCommunities(user('department_liaison'), communities)).toEqual([]);
    expect(canCreate(user('department_liaison'), 'members')).toBe(false);
  });

  it('offers nothing to staff who have no community yet', () => {
    expect(canCreate(user('community_staff', []), 'members')).toBe(false);
  });
});
