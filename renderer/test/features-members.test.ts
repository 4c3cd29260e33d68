import { describe, expect, it } from 'vitest';
import type { Building, Community, Compound, Member } from '@domain/collections';
import { identityOf, memberFormValues, memberFromForm, type MemberFormValues } from '../src/features/members/memberDoc';
import { filterMembers, homeAddress, memberRows, memberSearchSource } from '../src/features/members/memberRows';
import { buildSearchIndex, searchIndex } from '../src/lib/search';
import { serverProblems } from './serverRules';

const TODAY = '2025-06-01';
const VALID_ID = '11010519491231002X'; // a woman born 1949-12-31
const user = { streetId: 's1' };

const typed = (values: Partial<MemberFormValues>): MemberFormValues => ({ name: '张三', isPartyMember: true, communityId: 'c1', ...values });

describe('member form', () => {
  it('reads gender and birth date from a valid ID number only', () => {
    expect(identityOf(VALID_ID, TODAY)).toEqual({ gender: 'female', birthDate: '1949-12-31' });
    expect(identityOf(VALID_ID.toLowerCase(), TODAY)).toEqual({ gender: 'female', birthDate: '1949-12-31' });
    expect(identityOf('110105194912310021', TODAY)).toBeNull(); // wrong check digit
    expect(identityOf('1101051949', TODAY)).toBeNull();
    expect(identityOf(undefined, TODAY)).toBeNull();
  });

  it('saves a new member the server accepts, with no empty fields', () => {
    const doc = memberFromForm(
      typed({ idNumber: '11010519491231002x', gender: 'female', birthDate: '1949-12-31', mobile: '138 1234 5678', workUnit: '', unitNo: ' 2 ', room: '301', note: '' }),
      { id: 'm1' },
      user,
    );
    expect(doc).toEqual({
      id: 'm1',
      streetId: 's1',
      communityId: 'c1',
      name: '张三',
      isPartyMember: true,
      idNumber: VALID_ID,
      gender: 'female',
      birthDate: '1949-12-31',
      mobile: '13812345678',
      unitNo: '2',
      room: '301',
    });
    expect(serverProblems('members', doc)).toEqual([]);
  });

  it('drops the Party category of a non-member and a building without its compound', () => {
    const doc = memberFromForm(typed({ isPartyMember: false, category: 'retired', buildingId: 'b1' }), { id: 'm1' }, user);
    expect(doc.category).toBeUndefined();
    expect(doc.buildingId).toBeUndefined();
  });

  it('keeps what the form does not show, and clears what the person emptied', () => {
    const stored: Member = {
      id: 'm1',
      streetId: 's1',
      communityId: 'c1',
      name: '张三',
      isPartyMember: true,
      mobile: '13812345678',
      gridId: 'g1',
      teamRoles: ['volunteer'],
      report: { date: '2020-03-01', skills: ['医疗'] },
    };
    const values = { ...(memberFormValues(stored) as MemberFormValues), mobile: '' };
    const doc = memberFromForm(values, stored, user);
    expect(doc.mobile).toBeUndefined();
    expect(doc).toMatchObject({ gridId: 'g1', teamRoles: ['volunteer'], report: { date: '2020-03-01', skills: ['医疗'] } });
  });

  it('lets the server rules catch an ID number that does not match the gender given', () => {
    const doc = memberFromForm(typed({ idNumber: VALID_ID, gender: 'male' }), { id: 'm1' }, user);
    expect(serverProblems('members', doc)).toEqual(['gender: 性别与身份证号不一致']);
  });

  it('starts a new member as a Party member in the preset community and compound', () => {
    expect(memberFormValues(undefined, { communityId: 'c1', compoundId: 'k1', buildingId: undefined })).toEqual({
      isPartyMember: true,
      communityId: 'c1',
      compoundId: 'k1',
    });
  });
});

describe('members list', () => {
  const communities = new Map<string, Community>([['c1', { id: 'c1', streetId: 's1', name: '城区社区' }]]);
  const compounds = new Map<string, Compound>([
    ['k1', { id: 'k1', streetId: 's1', communityId: 'c1', name: '幸福花园', propertyManaged: false, residentCount: 0, pilot: true }],
  ]);
  const buildings = new Map<string, Building>([['b3', { id: 'b3', streetId: 's1', communityId: 'c1', compoundId: 'k1', name: '3号楼' }]]);
  const member = (id: string, name: string, extra: Partial<Member> = {}): Member => ({ id, streetId: 's1', communityId: 'c1', name, isPartyMember: true, ...extra });
  const rows = memberRows(
    [
      member('m1', '张三', { mobile: '13812345678', compoundId: 'k1', buildingId: 'b3', unitNo: '2', room: '301', category: 'retired' }),
      member('m2', '李四', { mobile: '13900001111', isPartyMember: false }),
      member('m3', '王五', { communityId: 'c2' }),
    ],
    communities,
    compounds,
    buildings,
  );
  const index = buildSearchIndex(rows, memberSearchSource);
  const found = (query: string) => searchIndex(index, query).map((row) => row.name);

  it('sorts by name in pinyin order and names where each member lives', () => {
    expect(rows.map((row) => row.name)).toEqual(['李四', '王五', '张三']);
    const zhang = rows.find((row) => row.id === 'm1');
    expect(zhang && homeAddress(zhang, (unitNo) => `${unitNo}单元`)).toBe('幸福花园 3号楼 2单元 301');
    expect(zhang?.communityName).toBe('城区社区');
  });

  it('finds members by initials, the last four digits of the mobile and the building', () => {
    expect(found('zs')).toEqual(['张三']);
    expect(found('1111')).toEqual(['李四']);
    expect(found('3号楼')).toEqual(['张三']);
    expect(found('幸福 zs')).toEqual(['张三']);
  });

  it('filters by community, compound, Party membership and category', () => {
    const names = (filters: Parameters<typeof filterMembers>[1]) => filterMembers(rows, filters).map((row) => row.name);
    expect(names({ communityId: 'c1' })).toEqual(['李四', '张三']);
    expect(names({ compoundId: 'k1' })).toEqual(['张三']);
    expect(names({ isPartyMember: false })).toEqual(['李四']);
    expect(names({ category: 'retired', isPartyMember: true })).toEqual(['张三']);
  });
});
