// Rules beyond the schema, shared by the form and the server: a member's stated gender and birth
// date must match the ID number, mobiles must be dialable, a compound without property management
// names no property company — and a deletion is never blocked by any of them.
import { describe, expect, it } from 'vitest';
import type { AnyDoc } from '@domain/collections';
import { fieldMessages, idNumberMessages } from '@domain/messages';
import { documentProblems } from '@domain/rules';

const member = (fields: Partial<AnyDoc> = {}): AnyDoc => ({
  id: 'member-0001',
  streetId: 'street-01',
  communityId: 'community-01',
  name: '张秀英',
  isPartyMember: true,
  idNumber: '11010519491231002X',
  gender: 'female',
  birthDate: '1949-12-31',
  mobile: '13812345678',
  _deleted: false,
  ...fields,
});

const compound = (fields: Partial<AnyDoc> = {}): AnyDoc => ({
  id: 'compound-001',
  streetId: 'street-01',
  communityId: 'community-01',
  name: '粮食局家属院',
  propertyManaged: false,
  residentCount: 400,
  pilot: true,
  _deleted: false,
  ...fields,
});

const fields = (collection: 'members' | 'compounds', doc: AnyDoc, today?: string) => documentProblems(collection, doc, today).map((p) => p.field);

describe('member rules', () => {
  it('accept a member whose gender and birth date match the ID number', () => {
    expect(documentProblems('members', member(), '2026-06-30')).toEqual([]);
    expect(documentProblems('members', member({ gender: undefined, birthDate: undefined, mobile: undefined }))).toEqual([]);
  });

  it('flag a gender or birth date that contradicts the ID number', () => {
    expect(documentProblems('members', member({ gender: 'male' }))).toEqual([{ field: 'gender', message: fieldMessages.genderMismatch }]);
    expect(documentProblems('members', member({ birthDate: '1949-12-30' }))).toEqual([{ field: 'birthDate', message: fieldMessages.birthDateMismatch }]);
    expect(fields('members', member({ gender: 'male', birthDate: '1950-01-01' }))).toEqual(['gender', 'birthDate']);
  });

  it('flag an invalid ID number with the reason, in Chinese', () => {
    expect(documentProblems('members', member({ idNumber: '110105194912310021' }))).toEqual([
      { field: 'idNumber', message: idNumberMessages.checkDigit },
    ]);
    expect(documentProblems('members', member({ idNumber: '110105203001010028' }), '2026-06-30')).toEqual([
      { field: 'idNumber', message: idNumberMessages.birthDate },
    ]);
  });

  it('flag a mobile that is not an 11-digit mainland number', () => {
    expect(documentProblems('members', member({ mobile: '12812345678' }))).toEqual([{ field: 'mobile', message: fieldMessages.mobile }]);
    expect(fields('members', member({ mobile: '1381234567' }))).toEqual(['mobile']);
    expect(fields('members', member({ mobile: '' }))).toEqual([]);
  });

  it('flag an impossible birth date typed without an ID number', () => {
    expect(fields('members', member({ idNumber: undefined, birthDate: '1990-02-30' }))).toEqual(['birthDate']);
  });
});

describe('compound rules', () => {
  it('flag a property company on a compound without property management', () => {
    expect(documentProblems('compounds', compound({ propertyCompany: '灵武市朔方物业服务有限公司' }))).toEqual([
      { field: 'propertyCompany', message: fieldMessages.propertyCompanyWithoutManagement },
    ]);
  });

  it('accept a managed compound with its company, and an unmanaged one without', () => {
    expect(documentProblems('compounds', compound({ propertyManaged: true, propertyCompany: '灵武市朔方物业服务有限公司' }))).toEqual([]);
    expect(documentProblems('compounds', compound())).toEqual([]);
  });
});

describe('tombstones', () => {
  it('are never checked, so a deletion is always possible', () => {
    expect(documentProblems('members', member({ _deleted: true, gender: 'male', mobile: '123' }))).toEqual([]);
    expect(documentProblems('compounds', compound({ _deleted: true, propertyCompany: '某物业' }))).toEqual([]);
    expect(fields('members', member({ gender: 'male', mobile: '123' }))).toEqual(['gender', 'mobile']);
  });
});
