// Who may read and write what: the server enforces it on every row, so a mistake here leaks one
// community's residents to another or lets a liaison rewrite records that are not theirs.
import { describe, expect, it } from 'vitest';
import { collectionInfo, collectionNames, type AnyDoc, type CollectionName } from '@domain/collections';
import { canRead, canWriteCollection, readFilter, writeDenial, type Scope } from '@domain/scope';

const STREET = 'street-01';
const admin: Scope = { role: 'street_admin', streetId: STREET, communityIds: [], compoundIds: [] };
const staff: Scope = { role: 'community_staff', streetId: STREET, communityIds: ['community-01'], compoundIds: [] };
const liaison: Scope = { role: 'department_liaison', streetId: STREET, communityIds: [], compoundIds: ['compound-001', 'compound-016'], unitId: 'dept-01' };

const doc = (fields: Partial<AnyDoc> = {}): AnyDoc => ({ id: 'doc-1', streetId: STREET, _deleted: false, ...fields });
const inCommunity = (communityId: string, compoundId = 'compound-001') => doc({ communityId, compoundId });
const streetCommittee = doc({ id: 'org-street' });
const communityScoped = collectionNames.filter((c) => collectionInfo[c].scope === 'community');
const streetScoped = collectionNames.filter((c) => collectionInfo[c].scope === 'street');

describe('street admin', () => {
  it('reads and writes every collection of its own street', () => {
    for (const collection of collectionNames) {
      expect(readFilter(collection, admin)).toEqual({ kind: 'street' });
      expect(canRead(collection, admin, inCommunity('community-09')), collection).toBe(true);
      expect(writeDenial(collection, admin, inCommunity('community-09')), collection).toBeNull();
    }
    expect(writeDenial('orgs', admin, streetCommittee)).toBeNull();
  });

  it('neither reads nor writes another street', () => {
    const elsewhere = doc({ streetId: 'street-02', communityId: 'community-01' });
    for (const collection of collectionNames) {
      expect(canRead(collection, admin, elsewhere), collection).toBe(false);
      expect(writeDenial(collection, admin, elsewhere), collection).toBe('out_of_scope');
    }
  });
});

describe('community staff', () => {
  it('reads and writes the community documents of its own community', () => {
    for (const collection of communityScoped) {
      expect(canRead(collection, staff, inCommunity('community-01')), collection).toBe(true);
      expect(writeDenial(collection, staff, inCommunity('community-01')), collection).toBeNull();
    }
  });

  it("neither reads nor writes another community's documents", () => {
    for (const collection of [...communityScoped, 'orgs' as const]) {
      expect(canRead(collection, staff, inCommunity('community-02')), collection).toBe(false);
      expect(writeDenial(collection, staff, inCommunity('community-02')), collection).toBe('out_of_scope');
    }
    expect(readFilter('members', staff)).toEqual({ kind: 'communities', communityIds: ['community-01'], includeStreetLevel: false });
  });

  it('reads street collections but may not write them', () => {
    for (const collection of streetScoped) {
      expect(canRead(collection, staff, doc()), collection).toBe(true);
      expect(canWriteCollection(collection, 'community_staff'), collection).toBe(false);
      expect(writeDenial(collection, staff, doc({ communityId: 'community-01' })), collection).toBe('forbidden');
    }
  });

  it('reads the street committee but may not write it', () => {
    expect(canRead('orgs', staff, streetCommittee)).toBe(true);
    expect(writeDenial('orgs', staff, streetCommittee)).toBe('forbidden');
    expect(writeDenial('orgs', staff, doc({ communityId: 'community-01' }))).toBeNull();
  });

  it('has no way into another street', () => {
    const elsewhere = doc({ streetId: 'street-02', communityId: 'community-01' });
    expect(canRead('members', staff, elsewhere)).toBe(false);
    expect(writeDenial('members', staff, elsewhere)).toBe('out_of_scope');
  });
});

describe('department liaison', () => {
  it('reads only its paired compounds and their needs', () => {
    expect(canRead('compounds', liaison, doc({ id: 'compound-001', communityId: 'community-01' }))).toBe(true);
    expect(canRead('compounds', liaison, doc({ id: 'compound-002', communityId: 'community-01' }))).toBe(false);
    expect(canRead('needs', liaison, inCommunity('community-05', 'compound-016'))).toBe(true);
    expect(canRead('needs', liaison, inCommunity('community-01', 'compound-002'))).toBe(false);
  });

  it("reads the street's names and settings but no one's personal records", () => {
    expect(canRead('streets', liaison, doc())).toBe(true);
    expect(canRead('communities', liaison, doc())).toBe(true);
    const unread: CollectionName[] = ['members', 'buildings', 'grids', 'orgs', 'activities', 'ledger', 'units'];
    for (const collection of unread) {
      expect(readFilter(collection, liaison), collection).toEqual({ kind: 'none' });
      expect(canRead(collection, liaison, inCommunity('community-01', 'compound-001')), collection).toBe(false);
    }
  });

  it('writes only the needs of its paired compounds', () => {
    expect(writeDenial('needs', liaison, inCommunity('community-01', 'compound-001'))).toBeNull();
    expect(writeDenial('needs', liaison, inCommunity('community-01', 'compound-002'))).toBe('out_of_scope');
    for (const collection of collectionNames.filter((c) => c !== 'needs' && c !== 'assessments')) {
      expect(canWriteCollection(collection, 'department_liaison'), collection).toBe(false);
      expect(writeDenial(collection, liaison, doc({ id: 'compound-001', communityId: 'community-01', compoundId: 'compound-001' })), collection).toBe('forbidden');
    }
  });

  it("reads the score sheets its department gave or received, and writes only those it gives on the street and communities", () => {
    const sheet = (fields: Partial<AnyDoc>) => doc({ year: 2025, ...fields });
    const gives = sheet({ direction: 'departmentToStreet', assessorId: 'dept-01', assesseeId: STREET });
    const rated = sheet({ direction: 'streetToDepartment', assessorId: STREET, assesseeId: 'dept-01' });
    const others = sheet({ direction: 'departmentToCommunity', assessorId: 'dept-02', assesseeId: 'community-01' });
    expect(readFilter('assessments', liaison)).toEqual({ kind: 'parties', unitId: 'dept-01' });
    expect([gives, rated, others].map((entry) => canRead('assessments', liaison, entry))).toEqual([true, true, false]);
    expect(writeDenial('assessments', liaison, gives)).toBeNull();
    expect(writeDenial('assessments', liaison, sheet({ direction: 'departmentToCommunity', assessorId: 'dept-01', assesseeId: 'community-05' }))).toBeNull();
    // Its own rating is the street's to give; another department's sheet is not its to write.
    expect(writeDenial('assessments', liaison, rated)).toBe('forbidden');
    expect(writeDenial('assessments', liaison, others)).toBe('forbidden');
    // A liaison without a department reads none.
    expect(readFilter('assessments', { ...liaison, unitId: undefined })).toEqual({ kind: 'none' });
  });

  it('reads nothing when paired with no compound', () => {
    const unpaired: Scope = { ...liaison, compoundIds: [] };
    expect(canRead('needs', unpaired, inCommunity('community-01', 'compound-001'))).toBe(false);
    expect(canRead('compounds', unpaired, doc({ id: 'compound-001', communityId: 'community-01' }))).toBe(false);
  });
});
