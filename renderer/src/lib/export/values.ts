// What one cell of an export holds, and how personal data in it is shown: masked as the lists show
// it (components/MaskedText uses the same domain masks), or in full for a logged disclosure.
import { maskIdNumber, maskMobile } from '@domain/identity';

export type PersonalKind = 'idNumber' | 'mobile';

/** An ID number or mobile: masked unless the export discloses personal data in full. */
export interface PersonalValue {
  personal: PersonalKind;
  value: string;
}

/** Text, a number, a date, personal data, or several of these shown side by side in one cell. */
export type ExportValue = string | number | Date | PersonalValue | null | undefined | readonly ExportValue[];

export type Disclosure = 'masked' | 'full';

/** What an .xlsx cell finally holds. */
export type CellValue = string | number | Date | null;

export function personal(kind: PersonalKind, value: string): PersonalValue {
  return { personal: kind, value };
}

export function isPersonal(value: ExportValue): value is PersonalValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && 'personal' in value;
}

export function maskPersonal(kind: PersonalKind, value: string): string {
  return kind === 'idNumber' ? maskIdNumber(value) : maskMobile(value);
}

/** Whether any part of the value is personal data. */
export function holdsPersonal(value: ExportValue): boolean {
  if (Array.isArray(value)) return (value as readonly ExportValue[]).some(holdsPersonal);
  return isPersonal(value);
}

export function cellValue(value: ExportValue, disclosure: Disclosure): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (isPersonal(value)) return value.value === '' ? null : disclosure === 'full' ? value.value : maskPersonal(value.personal, value.value);
  const parts = value.map((part) => cellValue(part, disclosure)).filter((part) => part !== null);
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0] ?? null;
  return parts.map((part) => (part instanceof Date ? isoDate(part) : String(part))).join('');
}

/** A date cell's day as YYYY-MM-DD (dates are written as UTC midnight). */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A YYYY-MM-DD text as a date cell (UTC midnight, so Excel shows that very day). */
export function dateFromIso(iso: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

/** Columns wide enough for their text: CJK characters take two widths, capped so notes don't sprawl. */
export function displayWidth(value: CellValue): number {
  if (value === null) return 0;
  if (value instanceof Date) return 10;
  let width = 0;
  for (const char of String(value)) width += /[\u1100-\uffff]/.test(char) ? 2 : 1;
  return width;
}
