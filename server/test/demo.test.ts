// The demo data set is what a person sees first: every document must pass the same checks a push
// does, every link must resolve inside its community, and domain.md's headline figures must hold.
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { collectionInfo, collectionNames, wireSchemaOf, type AnyDoc, type CollectionName } from '@domain/collections';
import { placementProblems } from '@domain/orgTree';
import { documentProblems } from '@domain/rules';
import { generateDemo } from '../src/demo/generate';

const demo = generateDemo();
const docsOf = (collection: CollectionName): AnyDoc[] => demo.documents[collection];
const byId = (collection: CollectionName) => new Map(docsOf(collection).map((doc) => [doc.id, doc]));
const allDocs = collectionNames.flatMap((collection) => docsOf(collection).map((doc) => ({ collection, doc })));
const street = demo.documents.streets[0];

describe('demo data set', () => {
  it('is the same on every run', () => {
    expect(generateDemo()).toEqual(demo);
  });

  it('passes the wire schema and the domain rules of its collection', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const problems = collectionNames.flatMap((collection) => {
      const validate = ajv.compile(wireSchemaOf(collection));
      return docsOf(collection).flatMap((doc) => [
        ...(validate(doc) ? [] : [{ collection, id: doc.id, errors: validate.errors }]),
        ...documentProblems(collection, doc, '2026-12-31').map((problem) => ({ collection, id: doc.id, problem })),
      ]);
    });
    expect(problems).toEqual([]);
  });

  it('has live documents of one street, with unique readable ids', () => {
    expect(street).toBeDefined();
    for (const { collection, doc } of allDocs) {
      expect(doc._deleted, `${collection}/${doc.id}`).toBe(false);
      expect(doc.streetId).toBe(street?.id);
      expect(doc.id).toMatch(/^[a-z0-9-]{1,64}$/);
    }
    for (const collection of collectionNames) expect(byId(collection).size).toBe(docsOf(collection).length);
  });

  it('resolves every checked reference to a live document of the same community', () => {
    const broken: string[] = [];
    for (const { collection, doc } of allDocs) {
      for (const reference of collectionInfo[collection].references) {
        const value = doc[reference.field];
        if (value === undefined) continue;
        for (const target of Array.isArray(value) ? (value as unknown[]) : [value]) {
          const found = typeof target === 'string' ? byId(reference.collection).get(target) : undefined;
          const agrees = Object.entries(reference.sameAs ?? {}).every(([own, theirs]) => found?.[theirs] === doc[own]);
          if (!found || found._deleted || found.communityId !== doc.communityId || !agrees) {
            broken.push(`${collection}/${doc.id}.${reference.field} → ${JSON.stringify(target)}`);
          }
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('places every community-scoped document in an existing community', () => {
    const communities = byId('communities');
    const scoped = allDocs.filter(({ doc }) => doc.communityId !== undefined);
    for (const { collection, doc } of scoped) expect(communities.has(doc.communityId ?? ''), `${collection}/${doc.id}`).toBe(true);
    const required = allDocs.filter(({ collection }) => collectionInfo[collection].scope === 'community');
    expect(required.every(({ doc }) => doc.communityId !== undefined)).toBe(true);
  });

  it('links grids, orgs, units and ledger entries to documents of the same community', () => {
    const within = (collection: CollectionName, ids: unknown, communityId: string | undefined) =>
      (Array.isArray(ids) ? ids : [ids]).every((id) => typeof id === 'string' && byId(collection).get(id)?.communityId === communityId);
    for (const grid of demo.documents.grids) {
      const people = [...(grid.gridWorkerIds ?? []), ...(grid.communityWorkerIds ?? []), ...(grid.volunteerIds ?? [])];
      expect(within('compounds', grid.compoundIds, grid.communityId), grid.id).toBe(true);
      expect(within('buildings', grid.buildingIds, grid.communityId), grid.id).toBe(true);
      expect(within('members', people, grid.communityId), grid.id).toBe(true);
      expect(grid.gridWorkerIds?.length, grid.id).toBeGreaterThan(0);
    }
    const orgs = byId('orgs');
    for (const org of demo.documents.orgs) {
      if (org.parentId !== undefined) expect(orgs.has(org.parentId), org.id).toBe(true);
      if (org.compoundId !== undefined) expect(within('compounds', org.compoundId, org.communityId), org.id).toBe(true);
      expect(within('members', [...(org.memberIds ?? []), ...(org.secretaryMemberId ? [org.secretaryMemberId] : [])], org.communityId), org.id).toBe(true);
      if (org.level === 'functionalGroup') expect(org.memberIds?.length, org.id).toBeGreaterThan(0);
      expect(placementProblems(demo.documents.orgs, org), org.id).toEqual([]);
    }
    const units = byId('units');
    for (const compound of demo.documents.compounds) {
      if (compound.propertyUnitId !== undefined) expect(units.get(compound.propertyUnitId)?.kind).toBe('propertyCompany');
      for (const venue of compound.venues ?? []) expect(units.has(venue.contributorUnitId ?? ''), venue.id).toBe(true);
    }
    const compounds = byId('compounds');
    for (const unit of demo.documents.units) expect((unit.pairedCompoundIds ?? []).every((id) => compounds.has(id)), unit.id).toBe(true);
    for (const member of demo.documents.members) if (member.unitId !== undefined) expect(units.has(member.unitId), member.id).toBe(true);
    for (const building of demo.documents.buildings) {
      if (building.leaderMemberId !== undefined) expect(within('members', building.leaderMemberId, building.communityId), building.id).toBe(true);
    }
    for (const entry of demo.documents.ledger) {
      expect(orgs.get(entry.orgId ?? '')?.communityId, entry.id).toBe(entry.communityId);
    }
  });

  it('reproduces the headline figures of domain.md', () => {
    const { communities, compounds, orgs, grids } = demo.documents;
    expect(communities).toHaveLength(14);
    expect(compounds.filter((compound) => compound.pilot)).toHaveLength(14);
    expect(new Set(compounds.filter((compound) => compound.pilot).map((compound) => compound.communityId)).size).toBe(14);
    expect(orgs.filter((org) => org.level === 'communityGeneralBranch')).toHaveLength(4);
    expect(orgs.filter((org) => org.level === 'communityGeneralBranch' && org.history?.some((h) => h.kind === 'upgraded' && h.docNo))).toHaveLength(4);
    expect(orgs.filter((org) => org.level === 'communityBranch')).toHaveLength(10);
    const compoundBranches = orgs.filter((org) => org.level === 'compoundBranch');
    expect(compoundBranches).toHaveLength(5);
    expect(compoundBranches.every((org) => compounds.find((c) => c.id === org.compoundId)?.pilot)).toBe(true);
    expect(grids).toHaveLength(129);
    const reported = demo.documents.members.filter(
      (m) => m.isPartyMember && m.category === 'inServiceReported' && m.report?.date !== undefined && (m.report.services?.length ?? 0) > 0,
    );
    expect(reported).toHaveLength(3654);
    expect(new Set(reported.map((m) => m.communityId)).size).toBe(14);
    const gridIds = new Set(grids.map((grid) => grid.id));
    expect(reported.every((m) => gridIds.has(m.gridId ?? '') && m.workUnit !== undefined)).toBe(true);
    expect(compounds.filter((compound) => !compound.propertyManaged).length * 2).toBeGreaterThan(compounds.length);
    expect(orgs.filter((org) => org.level === 'streetCommittee' && org.communityId === undefined)).toHaveLength(1);
  });

  it('has plausible sizes and people whose ID numbers are unique', () => {
    const { compounds, buildings, members, streets } = demo.documents;
    expect(compounds.length).toBeGreaterThanOrEqual(40);
    expect(compounds.length).toBeLessThanOrEqual(50);
    for (const compound of compounds) {
      const own = buildings.filter((building) => building.compoundId === compound.id).length;
      expect(own, compound.id).toBeGreaterThanOrEqual(3);
      expect(own, compound.id).toBeLessThanOrEqual(15);
      expect(compound.residentCount).toBeGreaterThanOrEqual(200);
      expect(compound.residentCount).toBeLessThanOrEqual(3000);
    }
    expect(members.length).toBeGreaterThanOrEqual(3654 + 300);
    expect(members.length).toBeLessThanOrEqual(3654 + 500);
    const idNumbers = members.map((member) => member.idNumber);
    expect(new Set(idNumbers).size).toBe(members.length);
    expect(new Set(members.map((member) => member.mobile)).size).toBe(members.length);
    expect(idNumbers.some((id) => id?.endsWith('X'))).toBe(true);
    expect(idNumbers.some((id) => !id?.startsWith('640181'))).toBe(true);
    expect(new Set(members.map((member) => member.category)).size).toBeGreaterThanOrEqual(5);
    const criteria = streets[0]?.assessmentCriteria ?? [];
    expect(criteria.reduce((sum, criterion) => sum + criterion.weight, 0)).toBe(100);
  });

  it('has accounts whose communities and unit exist', () => {
    const communities = byId('communities');
    const units = byId('units');
    const usernames = demo.accounts.map((account) => account.username);
    expect(new Set(usernames).size).toBe(usernames.length);
    expect(usernames).toEqual(expect.arrayContaining(['admin', 'staff01', 'staff14', 'liaison01']));
    for (const account of demo.accounts) {
      expect(account.password.length).toBeGreaterThanOrEqual(8);
      expect(account.communityIds.every((id) => communities.has(id)), account.username).toBe(true);
      if (account.unitId !== undefined) expect(units.get(account.unitId)?.kind, account.username).toBe('department');
    }
    const staff = demo.accounts.filter((account) => account.role === 'community_staff');
    expect(staff).toHaveLength(14);
    expect(new Set(staff.map((account) => account.communityIds[0])).size).toBe(14);
    const liaison = demo.accounts.find((account) => account.role === 'department_liaison');
    const department = demo.documents.units.find((unit) => unit.id === liaison?.unitId);
    expect(department?.pairedCompoundIds?.length).toBeGreaterThan(0);
  });
});
