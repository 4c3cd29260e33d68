// How offices write values in a roster's cells, read into what documents hold. Each reader
// returns undefined for text it cannot read, so the caller can say which cell is wrong.
import type { Member } from '@domain/collections';
import { isValidDate } from '@domain/identity';
import { memberLocales } from '../memberLocales';

type Category = NonNullable<Member['category']>;
type Gender = NonNullable<Member['gender']>;

const YES = ['是', '有', 'y', 'yes', 'true', '1', '√', '✓', '已成立', '成立'];
const NO = ['否', '无', 'n', 'no', 'false', '0', '×', '✗', '未成立', '没有'];

function lookupYesNo(text: string, yes: readonly string[], no: readonly string[]): boolean | undefined {
  const value = text.trim().toLowerCase();
  if (yes.includes(value)) return true;
  if (no.includes(value)) return false;
  return undefined;
}

export function readYesNo(text: string): boolean | undefined {
  return lookupYesNo(text, YES, NO);
}

/** 是否党员 or 政治面貌. */
export function readPartyMember(text: string): boolean | undefined {
  return lookupYesNo(text, [...YES, '党员', '中共党员', '中国共产党党员', '预备党员', '正式党员', '中共预备党员'], [...NO, '群众', '非党员']);
}

/** 是否有物业; a note in brackets is ignored: 有物业（未填写公司）. */
export function readPropertyManaged(text: string): boolean | undefined {
  return lookupYesNo(text.replace(/[（(][^）)]*[）)]$/, ''), [...YES, '有物业', '物业管理'], [...NO, '无物业', '无物业管理']);
}

/** 是否试点: the compounds list writes 试点 or nothing. */
export function readPilot(text: string): boolean | undefined {
  return lookupYesNo(text, [...YES, '试点', '试点小区'], [...NO, '非试点']);
}

/** A value the app masked in an export (138****5678): the digits are gone, it cannot be imported. */
export function isMasked(text: string): boolean {
  return text.includes('*');
}

export interface AddressParts {
  compound?: string;
  building?: string;
  unitNo?: string;
  room?: string;
}

/**
 * The members list's address, "幸福里小区 3号楼 2单元 301", back into its parts: the compound first,
 * the unit by its 单元, the building before it and the room after it. Without a unit, a last part
 * that does not name a building (号楼, 栋, 幢) is the room.
 */
export function readAddress(text: string): AddressParts {
  const [compound, ...rest] = text.trim().split(/\s+/);
  if (compound === undefined || compound === '') return {};
  const unitAt = rest.findIndex((part) => /^.+单元$/.test(part));
  const parts: AddressParts = { compound };
  let building: string[];
  let room: string[];
  if (unitAt >= 0) {
    parts.unitNo = (rest[unitAt] ?? '').replace(/单元$/, '');
    building = rest.slice(0, unitAt);
    room = rest.slice(unitAt + 1);
  } else if (rest.length >= 2 || (rest.length === 1 && /(号楼|栋|幢|楼)$/.test(rest[0] ?? ''))) {
    building = rest.slice(0, 1);
    room = rest.slice(1);
  } else {
    building = [];
    room = rest;
  }
  if (building.length > 0) parts.building = building.join(' ');
  if (room.length > 0) parts.room = room.join(' ');
  return parts;
}

export function readGender(text: string): Gender | undefined {
  const value = text.trim().toLowerCase();
  if (['男', '男性', 'male', 'm'].includes(value)) return 'male';
  if (['女', '女性', 'female', 'f'].includes(value)) return 'female';
  return undefined;
}

const categoryNames = memberLocales['zh-CN'].categories;
// Short forms seen in office sheets.
const categoryVariants: Record<string, Category> = {
  包抓部门: 'pairedDepartment',
  社区直管: 'communityManaged',
  直管党员: 'communityManaged',
  物业公司: 'propertyCompany',
  物业党员: 'propertyCompany',
  离退休: 'retired',
  退休党员: 'retired',
  在职党员: 'inServiceReported',
  在职报到: 'inServiceReported',
  报到党员: 'inServiceReported',
};

export function readCategory(text: string): Category | undefined {
  const value = text.replace(/\s+/g, '');
  for (const [category, name] of Object.entries(categoryNames) as [Category, string][]) if (name === value) return category;
  return categoryVariants[value];
}

/** 1985-03-12, 1985/3/12, 1985.3.12, 1985年3月12日, 19850312. */
export function readDate(text: string): string | undefined {
  const value = text.trim();
  const parts = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(value) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!parts) return undefined;
  const iso = `${parts[1]}-${(parts[2] ?? '').padStart(2, '0')}-${(parts[3] ?? '').padStart(2, '0')}`;
  return isValidDate(iso) ? iso : undefined;
}

/** A whole number from 0 to `max`; "860", "860.0" and "860人" are read as 860. */
export function readCount(text: string, max: number): number | undefined {
  const value = text.trim().replace(/[人户层个栋]$/, '');
  if (!/^\d+(\.0+)?$/.test(value)) return undefined;
  const count = Number(value);
  return Number.isSafeInteger(count) && count <= max ? count : undefined;
}

/** How staff write an ID number: spaces dropped, a lower-case x read as X (as the member form does). */
export function normaliseIdNumber(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

/** Spaces and dashes dropped, and a leading +86 or 86. */
export function normaliseMobile(text: string): string {
  return text.replace(/[\s-]+/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
}

/** Building names as written vary: "3号楼", "3栋", "3" are one building. */
export function buildingKey(name: string): string {
  return name.replace(/\s+/g, '').replace(/(号楼|号|栋|幢|楼)$/, '');
}

/** A new random document id, as `db/write`'s newId makes them (no database needed here). */
export function newDocId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
